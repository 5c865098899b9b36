import type { BubbleReading, ReadingContext } from './reading.ts';
import type { Signal } from './signal.ts';
import { hasWord } from './words.ts';

const NOTICE_WORDS = new Set(['system', 'notice', 'notification', 'event', 'divider', 'separator', 'date', 'day', 'announcement', 'banner', 'tip', 'hint', 'smsg', 'sys']);

/** Class names chat libraries give notices between messages: "system", "divider", "date", "notice". */
export const systemWords: Signal<BubbleReading, ReadingContext> = {
  name: 'class names',
  score(reading) {
    return reading.path.some((element) => hasWord(element, NOTICE_WORDS)) ? 1 : 0;
  },
};
