import { shortText, type BubbleContext } from './bubble-context.ts';
import type { Signal } from './signal.ts';
import { hasWord } from './words.ts';

const TIME_WORDS = new Set(['time', 'timestamp', 'stamp', 'date', 'datetime', 'clock', 'ago']);
// 10:09, 10:09:33, 10:09 AM, 上午 10:09, 昨天 10:09, 2024-05-01 10:09, 5/1 10:09, "2 min ago",
// "5m" and "3d" (relative times as compact as chat lists print them), 刚刚.
export const TIME_TEXT = /^(?:(?:今天|昨天|前天|上午|下午|晚上|凌晨|中午|today|yesterday|mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s*)?(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*|\d{1,2}[-/.月]\d{1,2}日?\s+)?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*(?:[ap]\.?m\.?)?$|^(?:just now|now|刚刚|\d+\s*[smhdw]|\d+\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)\s+ago|\d+\s*(?:秒|分钟|小时|天)前)$/i;

/**
 * Timestamps: a `<time>` element, class names such as "time" or "timestamp", or a short text
 * that is a clock time or "2 min ago" as a whole.
 */
export const noiseTime: Signal<Element, BubbleContext> = {
  name: 'time',
  score(element) {
    if (element.localName === 'time') return 1;
    const text = shortText(element, 32);
    if (!text) return 0;
    const looksLikeTime = TIME_TEXT.test(text);
    if (looksLikeTime) return 1;
    return hasWord(element, TIME_WORDS) && /\d/.test(text) ? 1 : 0;
  },
};
