import type { BubbleReading, ReadingContext } from './reading.ts';
import { sideOf } from './side.ts';
import type { Signal } from './signal.ts';

/**
 * Where the text sits: nearly every chat layout puts one's own messages against the right edge.
 * Weaker than a class name, since a page without the library's styles lays everything left.
 */
export const directionAlignment: Signal<BubbleReading, ReadingContext> = {
  name: 'side',
  score(reading) {
    const side = sideOf(reading.textBox, reading.listBox);
    return side === 'right' ? 1 : side === 'left' ? -1 : 0;
  },
};
