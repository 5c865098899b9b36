// Customers abbreviate words to their pinyin initials: "jg" for 价格, "yh" for 优惠. A message of
// initials alone is read as the words those initials most often stand for in what the model learnt.
import { pinyinOf } from './pinyin-features.ts';

const INITIALS_ONLY = /^[bcdfghjklmnpqrstwxyz]{2,4}(?: [bcdfghjklmnpqrstwxyz]{2,4})*$/;
const CJK_PAIR = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2}$/;
// How many words one pair of initials may stand for: the likeliest few, not every one.
const CANDIDATES = 3;

/** Whether a normalised message is pinyin initials and nothing else ("jg", "yh ma"). */
export function isInitialsOnly(normalized: string): boolean {
  return INITIALS_ONLY.test(normalized);
}

function initialOf(char: string): string {
  return pinyinOf(char)[0] ?? '';
}

export type InitialsIndex = Map<string, { word: string; weight: number }[]>;

/** Pairs of initials → the two-character words they stand for, most used first. */
export function buildInitialsIndex(words: Iterable<[string, number]>): InitialsIndex {
  const index: InitialsIndex = new Map();
  for (const [word, weight] of words) {
    if (!CJK_PAIR.test(word)) continue;
    const key = initialOf(word[0]!) + initialOf(word[1]!);
    let list = index.get(key);
    if (!list) index.set(key, (list = []));
    list.push({ word, weight });
  }
  // Ties by the word, so the candidates do not depend on the order the words came in (a model
  // read from a bundle lists its features sorted, one rebuilt in the order it met them).
  for (const list of index.values()) list.sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0)).splice(CANDIDATES);
  return index;
}

/** The words a message of initials stands for, each with its share among the candidates. */
export function wordsForInitials(normalized: string, index: InitialsIndex): Map<string, number> {
  const words = new Map<string, number>();
  for (const token of normalized.split(' ')) {
    for (let at = 0; at + 1 < token.length; at += 2) {
      const candidates = index.get(token.slice(at, at + 2)) ?? [];
      const total = candidates.reduce((sum, candidate) => sum + candidate.weight, 0);
      for (const { word, weight } of candidates) words.set(word, (words.get(word) ?? 0) + weight / total);
    }
  }
  return words;
}
