import { shortText, type BubbleContext } from './bubble-context.ts';
import { TIME_TEXT } from './noise-time.ts';
import type { Signal } from './signal.ts';
import { hasWord } from './words.ts';

// Not "user": "user-message" names a side, not a name ("user-name" has "name").
const NAME_WORDS = new Set(['name', 'author', 'sender', 'username', 'nickname', 'nick', 'displayname', 'title', 'byline']);
// The words libraries give the message's own text; an element so named is not a name.
const TEXT_WORDS = new Set(['text', 'content', 'body', 'bubble', 'message', 'msg']);
const HEADER_WORDS = new Set(['header', 'head', 'heading', 'meta', 'info', 'top', 'footer', 'details']);
// A clock time at the end of a header line: "王小雨 10:02", "Anna · 10:02 AM".
const TRAILING_TIME = /\s*[·•|-]?\s*(?:(?:今天|昨天|上午|下午)\s*)?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*(?:[ap]\.?m\.?)?$/i;
const NAME_LIKE = /^[\p{L}\p{N} ._'-]{1,24}$/u;

/** The element's text without the times in it (a <time>, a child that is a clock time). */
function textWithoutTimes(element: Element): string {
  let text = '';
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) text += (child as Text).data;
    else if (child.nodeType === Node.ELEMENT_NODE && (child as Element).localName !== 'time' && !TIME_TEXT.test((child.textContent ?? '').trim())) text += child.textContent ?? '';
  }
  return text.replace(/\s+/g, ' ').replace(TRAILING_TIME, '').trim();
}

/**
 * The sender's name printed with the message: class names ("author", "sender-name", "title"),
 * a header row of the bubble (a name, often with the time after it), or a short text that
 * opens several bubbles of the list alike.
 */
export const noiseName: Signal<Element, BubbleContext> = {
  name: 'sender name',
  score(element, context) {
    const text = shortText(element);
    if (!text) return 0;
    const withoutTime = textWithoutTimes(element);
    let score = 0;
    if (hasWord(element, NAME_WORDS)) score += 1;
    else if (hasWord(element, TEXT_WORDS)) score -= 0.5;
    if (hasWord(element, HEADER_WORDS)) score += 0.5;
    if (context.leads.has(withoutTime)) score += 0.5;
    if (element === context.firstPiece) score += 0.25;
    if (NAME_LIKE.test(withoutTime)) score += withoutTime !== text ? 0.5 : 0.25;
    return score;
  },
};
