import type { BubbleReading, ReadingContext } from './reading.ts';
import type { Signal } from './signal.ts';
import { splitWords, wordsOf } from './words.ts';

// Words chat libraries put in the class names of the two sides. Positive: the salesperson's own
// side; negative: the customer's. "user" leans own: in assistant-style widgets the person at the
// keyboard is the user, and the other side is the bot.
const OWN: ReadonlyMap<string, number> = new Map([
  ['me', 2], ['mine', 2], ['own', 2], ['self', 2], ['my', 1], ['outgoing', 2], ['outbound', 2], ['out', 1], ['sent', 2], ['send', 1],
  ['right', 2], ['end', 2], ['agent', 2], ['operator', 2], ['staff', 2], ['seller', 2], ['current', 1.5], ['local', 1], ['reverse', 1], ['user', 1],
]);
const INCOMING: ReadonlyMap<string, number> = new Map([
  ['incoming', 2], ['inbound', 2], ['in', 1], ['received', 2], ['receive', 2], ['recv', 2], ['left', 2], ['other', 2], ['others', 2], ['them', 2],
  ['visitor', 2], ['guest', 2], ['customer', 2], ['client', 2], ['contact', 1.5], ['start', 2], ['bot', 1.5], ['ai', 1.5], ['assistant', 1.5],
  ['remote', 1.5], ['peer', 1.5], ['partner', 1.5], ['buyer', 2], ['friend', 1],
]);

// Layout utilities ("items-end", "content-start") align a row's content across its height and
// say nothing about whose the message is; "justify-end" and "self-end" do, and stay.
const CROSS_AXIS_UTILITY = /^(?:items|content|place-items|place-content|align-items|align-content)-/;

function directionWordsOf(element: Element): readonly string[] {
  const className = element.getAttribute('class') ?? '';
  if (!/(?:^|\s)(?:items|content|place-items|place-content|align-items|align-content)-/.test(className)) return wordsOf(element);
  const words: string[] = [];
  for (const token of className.split(/\s+/)) if (token && !CROSS_AXIS_UTILITY.test(token)) splitWords(token, words);
  if (element.id) splitWords(element.id, words);
  return words;
}

/**
 * Class names on the bubble and around its text: "outgoing", "right", "self", "chat-end" for one
 * side; "incoming", "left", "received", "chat-start" for the other. Each word counts once.
 */
export const directionWords: Signal<BubbleReading, ReadingContext> = {
  name: 'class names',
  score(reading) {
    const seen = new Set<string>();
    let score = 0;
    for (const element of reading.path) {
      for (const word of directionWordsOf(element)) {
        if (seen.has(word)) continue;
        seen.add(word);
        score += OWN.get(word) ?? -(INCOMING.get(word) ?? 0);
      }
    }
    return Math.max(-3, Math.min(3, score));
  },
};
