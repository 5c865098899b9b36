import type { BubbleContext } from './bubble-context.ts';
import type { Signal } from './signal.ts';
import { hasWord } from './words.ts';

const QUOTE_WORDS = new Set(['quote', 'quoted', 'quotation', 'replied', 'reference', 'citation', 'parent', 'original']);

/**
 * A quoted earlier message shown above a reply: `blockquote`, or class names such as "quote"
 * and "reply-preview". The reply is the message; the quote is someone's earlier words.
 */
export const noiseQuote: Signal<Element, BubbleContext> = {
  name: 'quoted reply',
  score(element) {
    if (element.localName === 'blockquote' || element.localName === 'q') return 1;
    if (hasWord(element, QUOTE_WORDS)) return 1;
    const className = element.getAttribute('class') ?? '';
    return /reply[-_]?(preview|to|quote|message|box|container)|in[-_]?reply/i.test(className) ? 1 : 0;
  },
};
