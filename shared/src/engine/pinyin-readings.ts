// The ways a pair of Chinese characters is read aloud, for search by pinyin. A character alone is
// read its common way (便 bian), but in a word it may be read otherwise (便宜 pian yi); a new hire
// types the word's reading, so a pair with a character of several readings is also read in context.
import { hasOtherReadings, readingsOfRun } from './pinyin-converter.ts';
import { pinyinOf } from './pinyin-features.ts';

/** The toneless syllables of a two-character pair ([bian, yi] and [pian, yi] for 便宜), the usual reading first. */
export function bigramReadings(bigram: string): [string, string][] {
  const usual: [string, string] = [pinyinOf(bigram[0]!), pinyinOf(bigram[1]!)];
  if (!hasOtherReadings(bigram[0]!) && !hasOtherReadings(bigram[1]!)) return [usual];
  const [first, second] = readingsOfRun(bigram);
  if (!first || !second || (first === usual[0] && second === usual[1])) return [usual];
  return [usual, [first, second]];
}
