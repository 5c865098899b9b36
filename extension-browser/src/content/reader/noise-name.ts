import { shortText, type BubbleContext } from './bubble-context.ts';
import type { Signal } from './signal.ts';
import { hasWord } from './words.ts';

const NAME_WORDS = new Set(['name', 'author', 'sender', 'username', 'nickname', 'nick', 'displayname', 'from', 'title', 'user', 'who', 'byline']);
const HEADER_WORDS = new Set(['header', 'head', 'heading', 'meta', 'info', 'top', 'footer', 'details']);

/**
 * The sender's name printed with the message: class names ("author", "sender-name", "title"),
 * a header row of the bubble, or a short text that opens several bubbles of the list alike.
 */
export const noiseName: Signal<Element, BubbleContext> = {
  name: 'sender name',
  score(element, context) {
    const text = shortText(element);
    if (!text) return 0;
    let score = 0;
    if (hasWord(element, NAME_WORDS)) score += 1;
    if (hasWord(element, HEADER_WORDS)) score += 0.5;
    if (context.leads.has(text)) score += 0.5;
    if (element === context.firstPiece) score += 0.25;
    if (/^[\p{L}\p{N} ._'-]{1,24}$/u.test(text)) score += 0.25;
    return score;
  },
};
