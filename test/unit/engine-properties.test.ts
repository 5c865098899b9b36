// Whatever a chat page hands the engine, it answers: no throw, scores in range, every intent listed.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { classifyMessage, INTENTS, searchPlaybooks, suggestReplies } from '@closer/shared';
import { engineBundle } from './engine-fixture.ts';

const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.constantFrom('太贵', '不是', '但是', '<b>', '&lt;', '😂', '\u0000', '别家', 'jg', ' ', '，', 'but', 'not'), { maxLength: 30 }).map((parts) => parts.join('')),
);

test('classifyMessage answers every intent with a score in 0..1 for any text', () => {
  const bundle = engineBundle();
  fc.assert(
    fc.property(anyText, (text) => {
      const result = classifyMessage(text, bundle);
      expect(result.intents.map((evidence) => evidence.intent).sort()).toEqual([...INTENTS].sort());
      for (const { score } of result.intents) expect(score >= 0 && score <= 1).toBe(true);
      expect(result.intent).toBe(result.intents[0]!.intent);
    }),
    { numRuns: 300 },
  );
});

test('suggestReplies and searchPlaybooks never throw and never leave {{ in a reply', () => {
  const bundle = engineBundle();
  fc.assert(
    fc.property(anyText, fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }), (text, used) => {
      const suggestion = suggestReplies(text, { usedReplies: used, customerMessages: [text] }, bundle, { limit: 3 });
      expect(suggestion.replies.length).toBeLessThanOrEqual(3);
      for (const reply of suggestion.replies) expect(reply.text).not.toContain('{{');
      const results = searchPlaybooks(text, bundle, { limit: 3 });
      for (const result of results) expect(result.score >= 0 && result.score <= 1).toBe(true);
    }),
    { numRuns: 300 },
  );
});
