// The word diff the panel shows beside an adaptation, and the word count the gate's bounds use.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { wordDiff, wordsOf } from '@closer/shared';

test('a Chinese character is a word; a run of Latin letters or digits is a word', () => {
  expect(wordsOf('打8折, save 20% now')).toEqual(['打', '8', '折', 'save', '20', 'now']);
});

test('the diff names what the model added and removed, word by word', () => {
  expect(wordDiff('the course is cheap', 'the class is cheap today')).toEqual([
    { kind: 'same', text: 'the ' },
    { kind: 'removed', text: 'course' },
    { kind: 'added', text: 'class' },
    { kind: 'same', text: ' is cheap' },
    { kind: 'added', text: ' today' },
  ]);
  expect(wordDiff('现在只要3900元', '王姐，现在只要3900元')).toEqual([{ kind: 'added', text: '王姐，' }, { kind: 'same', text: '现在只要3900元' }]);
});

test('read one way the diff gives the approved text back, read the other way the adaptation', () => {
  const text = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 }), fc.array(fc.constantFrom('价格', ' ', 'price', '3900', '，', '!', '元'), { maxLength: 20 }).map((a) => a.join('')));
  fc.assert(
    fc.property(text, text, (before, after) => {
      const parts = wordDiff(before, after);
      expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(before);
      expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(after);
    }),
    { numRuns: 300 },
  );
});
