// ByteKeys numbers keys met as UTF-8 bytes or as strings: the same text gets the same number
// either way, other texts other numbers, as a Map of strings would have it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteKeys } from '../../shared/src/cases/byte-keys.ts';

describe('ByteKeys', () => {
  it('gives a text the same number as its UTF-8 bytes, and different texts different numbers', () => {
    // Full Unicode, lone surrogates included (bytes cannot spell those; as text they are still keys).
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom('', 'a', '\ud800', '\udc00x', '😀', '\u0000a'));
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.boolean()), { maxLength: 60 }), (keys) => {
        const numbered = new ByteKeys();
        const expected = new Map<string, number>();
        for (const [key, asBytes] of keys) {
          const bytes = Buffer.from(key, 'utf8');
          const spelt = asBytes && bytes.toString('utf8') === key;
          // Some garbage around the key, so offsets count.
          const padded = Buffer.concat([Buffer.from('xy'), bytes, Buffer.from('z')]);
          const number = spelt ? numbered.numberOf(padded, 2, 2 + bytes.length) : numbered.numberOfText(key);
          if (!expected.has(key)) expected.set(key, expected.size);
          expect(number).toBe(expected.get(key));
        }
        expect(numbered.size).toBe(expected.size);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps its numbers as it grows, and gives back an ASCII key', () => {
    const numbered = new ByteKeys();
    for (let index = 0; index < 20_000; index++) expect(numbered.numberOfText(`key-${index}`)).toBe(index);
    for (let index = 0; index < 20_000; index += 997) expect(numbered.numberOfText(`key-${index}`)).toBe(index);
    expect(numbered.asciiOf(12_345)).toBe('key-12345');
    expect(numbered.size).toBe(20_000);
  });
});
