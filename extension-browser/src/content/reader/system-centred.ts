import type { BubbleReading, ReadingContext } from './reading.ts';
import { sideOf } from './side.ts';
import type { Signal } from './signal.ts';

/** Centred between the two sides, as notices and date lines are; messages lean to a side. */
export const systemCentred: Signal<BubbleReading, ReadingContext> = {
  name: 'centred',
  score(reading) {
    const box = reading.textBox;
    if (sideOf(box, reading.listBox) !== 'centre') return 0;
    // A message wide enough to reach both sides is centred only by accident.
    return box.width < reading.listBox.width * 0.6 ? 0.5 : 0;
  },
};
