import { shortText, type BubbleContext } from './bubble-context.ts';
import type { Signal } from './signal.ts';
import { hasWord } from './words.ts';

const RECEIPT_WORDS = new Set(['status', 'receipt', 'receipts', 'tick', 'ticks', 'check', 'checks', 'checkmark', 'seen', 'delivered', 'read', 'unread', 'state']);
const RECEIPT_TEXT = /^(?:已读|未读|已送达|送达|已发送|发送中|发送失败|已撤回|sent|delivered|read|seen|unread|sending|failed|✓+|✔+|√+)$/i;

/** Read receipts: "Delivered", "Seen", 已读, check marks, or class names such as "status" and "tick". */
export const noiseReceipt: Signal<Element, BubbleContext> = {
  name: 'read receipt',
  score(element) {
    const text = shortText(element, 24);
    if (text && RECEIPT_TEXT.test(text)) return 1;
    if (hasWord(element, RECEIPT_WORDS) && (!text || text.length <= 12)) return 1;
    return 0;
  },
};
