// Chinese read aloud, toneless (ü written v), from the table made of pinyin-pro's dictionaries
// (pinyin-table.ts): a character's usual reading, and a run's readings in context, where a
// dictionary word overrides its characters' usual ones (便宜 pian yi, though 便 alone is bian).
// The run is cut into words the way pinyin-pro does, by the most probable cut, so its readings
// are pinyin-pro's (test/unit/pinyin-converter.test.ts compares them). Reading a table of strings
// instead of loading pinyin-pro saves a worker and the CLI about 50 ms at every start.
import { LineIndex } from './line-index.ts';
import { CHARS, DIGITS, LONGEST_WORD, READINGS, WORD_READINGS, WORDS } from './pinyin-table.ts';

const readings = READINGS.split(' ');
const digitValue = new Int16Array(128).fill(-1);
for (let at = 0; at < DIGITS.length; at++) digitValue[DIGITS.charCodeAt(at)] = at;

/** The table value of a character: reading number × 2, plus 1 when it has other readings; 0 outside the table. */
function valueOf(char: string): number {
  const code = char.charCodeAt(0);
  if (char.length !== 1) return 0;
  for (const [start, table] of CHARS) {
    const at = (code - start) * 2;
    if (at >= 0 && at < table.length) return digitValue[table.charCodeAt(at)]! * 64 + digitValue[table.charCodeAt(at + 1)]!;
  }
  return 0;
}

/** The usual reading of one character, or the character itself when it has none (not Chinese). */
export function readingOf(char: string): string {
  const value = valueOf(char);
  return value === 0 ? char : readings[value >> 1]!;
}

/** Whether a character has more than one reading (便: bian, pian). */
export function hasOtherReadings(char: string): boolean {
  return (valueOf(char) & 1) === 1;
}

// pinyin-pro's probabilities: a dictionary word, a number rule, a character met alone.
const WORD_WEIGHT = Math.log(2e-8);
const RULE_WEIGHT = Math.log(1e-12);
const ALONE_WEIGHT = Math.log(1e-13);

/** The words (sorted, so found by halving) and their readings, indexed on first use without splitting the lists. */
let words: { keys: LineIndex; readings: LineIndex } | undefined;

function wordList(): NonNullable<typeof words> {
  return (words ??= { keys: new LineIndex(WORDS, true), readings: new LineIndex(WORD_READINGS) });
}

/**
 * The readings of a run of Chinese characters, one per character. The cut is the most probable
 * one, found from the end of the run backwards; of two equally probable cuts, the one with the
 * longer word first. A character with no reading stays as it is.
 */
export function readingsOfRun(run: string): string[] {
  const n = run.length;
  const { keys, readings: wordReadings } = wordList();
  // The word at each place of the best cut, found once.
  const wordAt = new Int32Array(n + 1).fill(-1);
  // best[i]: the best weight of the run from i on, and the length of the word that starts it (1: alone).
  const best = new Float64Array(n + 1);
  const size = new Int8Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    best[i] = ALONE_WEIGHT + best[i + 1]!;
    size[i] = 1;
    for (let length = Math.min(LONGEST_WORD, n - i); length >= 2; length--) {
      const word = keys.find(run.slice(i, i + length));
      if (word === -1) continue;
      const weight = (wordReadings.line(word).startsWith('~') ? RULE_WEIGHT : WORD_WEIGHT) + best[i + length]!;
      if (weight > best[i]!) {
        best[i] = weight;
        size[i] = length;
        wordAt[i] = word;
      }
    }
  }
  const out: string[] = [];
  for (let i = 0; i < n; ) {
    if (size[i]! > 1) {
      out.push(...wordReadings.line(wordAt[i]!).replace(/^~/, '').split(' '));
      i += size[i]!;
      continue;
    }
    out.push(aloneReading(run, i));
    i++;
  }
  return out;
}

/** A character met alone in a run: its usual reading, but 了 after a Chinese character is le (吃了), first in a run liao. */
function aloneReading(run: string, i: number): string {
  const char = run[i]!;
  if (char === '了' && i > 0 && valueOf(run[i - 1]!) !== 0) return 'le';
  return readingOf(char);
}
