// The ways a pair of Chinese characters is read aloud, for search by pinyin. A character alone is
// read its common way (便 bian), but in a word it may be read otherwise (便宜 pian yi); a new hire
// types the word's reading, so a pair with a character of several readings is also read in context.
import { pinyin } from 'pinyin-pro';
import { pinyinOf } from './pinyin-features.ts';

const severalReadings = new Map<string, boolean>();

function hasSeveralReadings(char: string): boolean {
  let several = severalReadings.get(char);
  if (several === undefined) {
    several = pinyin(char, { toneType: 'none', multiple: true, type: 'array' }).length > 1;
    severalReadings.set(char, several);
  }
  return several;
}

/** The toneless syllables of a two-character pair ([bian, yi] and [pian, yi] for 便宜), the usual reading first. */
export function bigramReadings(bigram: string): [string, string][] {
  const usual: [string, string] = [pinyinOf(bigram[0]!), pinyinOf(bigram[1]!)];
  if (!hasSeveralReadings(bigram[0]!) && !hasSeveralReadings(bigram[1]!)) return [usual];
  const [first, second] = pinyin(bigram, { toneType: 'none', type: 'array' }).map((syllable) => syllable.replace(/ü/g, 'v'));
  if (!first || !second || (first === usual[0] && second === usual[1])) return [usual];
  return [usual, [first, second]];
}
