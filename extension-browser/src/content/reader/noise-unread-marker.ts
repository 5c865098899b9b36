import { shortText, type BubbleContext } from './bubble-context.ts';
import type { Signal } from './signal.ts';

const MARKER_TEXT = /^(?:new messages?|unread messages?|\d+ new messages?|以下为新消息|新消息|未读消息)$/i;

/** The "New messages" line a chat draws above the first unread message, often inside that message's row. */
export const noiseUnreadMarker: Signal<Element, BubbleContext> = {
  name: 'unread line',
  score(element) {
    const text = shortText(element, 24);
    return text && MARKER_TEXT.test(text) ? 1 : 0;
  },
};
