import { normaliseText, type BubbleReading, type ReadingContext } from './reading.ts';
import type { Signal } from './signal.ts';

/**
 * The salesperson's own inserts: a bubble that shows a reply Closer put into the chat box (sent
 * as it was) is the salesperson's, whatever its class names or side say.
 */
export const directionOwnInserts: Signal<BubbleReading, ReadingContext> = {
  name: 'inserted from the panel',
  score(reading, context) {
    if (context.ownTexts.size === 0) return 0;
    return context.ownTexts.has(normaliseText(reading.text)) ? 5 : 0;
  },
};
