import { repliesOf } from '../items.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

/** A chat reply past this weight reads like an essay. CJK characters weigh 1, anything else 0.5. */
export const MAX_REPLY_WEIGHT = 200;

const WIDE = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

export function replyWeight(text: string): number {
  let weight = 0;
  for (const character of text) weight += WIDE.test(character) ? 1 : 0.5;
  return weight;
}

/** Past this many texts remembered, the memory starts again (the next lint refills it). */
const MAX_REMEMBERED_TEXTS = 20_000;

/**
 * Each reply text's weight, by its text: an edit changes one reply, and the rule re-runs over
 * the whole edited file (weighing 2,000 replies a character at a time took 3-5 ms a keystroke).
 */
const weights = new Map<string, number>();

function weightOf(text: string): number {
  let weight = weights.get(text);
  if (weight === undefined) {
    weight = replyWeight(text);
    if (weights.size >= MAX_REMEMBERED_TEXTS) weights.clear();
    weights.set(text, weight);
  }
  return weight;
}

export const replyTooLong: LintRule = {
  id: 'reply-too-long',
  description: `A reply longer than a chat message should be (about ${MAX_REPLY_WEIGHT} Chinese characters or ${MAX_REPLY_WEIGHT * 2} Latin ones).`,
  configurable: true,
  check: ({ valid }) =>
    valid.flatMap(({ parsed, playbook }) =>
      repliesOf(playbook)
        .filter(({ reply }) => weightOf(reply.text) > MAX_REPLY_WEIGHT)
        .map(({ reply, path }) =>
          diagnosticAt(parsed, [...path, 'text'], 'warning', 'reply-too-long',
            `reply "${reply.id}" is ${Math.ceil(weightOf(reply.text))} characters long; a chat message should stay under ${MAX_REPLY_WEIGHT} — split it or cut it`),
        ),
    ),
};
