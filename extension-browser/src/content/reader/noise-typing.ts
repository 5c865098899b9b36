import { shortText, type BubbleContext } from './bubble-context.ts';
import type { Signal } from './signal.ts';
import { hasWord } from './words.ts';

const TYPING_WORDS = new Set(['typing', 'composing', 'indicator', 'dots']);
const TYPING_TEXT = /^(?:.{0,24}\s)?(?:is |are )?typing(?:\.{3}|…)?$|正在输入|对方正在输入|输入中/i;

/** "Typing…" indicators: class names such as "typing", or the words themselves. */
export const noiseTyping: Signal<Element, BubbleContext> = {
  name: 'typing indicator',
  score(element) {
    if (hasWord(element, TYPING_WORDS)) return 1;
    const text = shortText(element, 48);
    return text && TYPING_TEXT.test(text) ? 1 : 0;
  },
};
