// Words as the gate counts edits and the panel shows a diff: a Chinese character is a word, a
// run of letters or digits is a word, and spaces and punctuation are kept so a diff can be read back.

const WORD_CHAR = String.raw`(?:(?![\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[\p{L}\p{N}])`;
// Made on first use: with its Unicode classes it is about half a millisecond of a worker's start,
// which a suggestion never needs.
let token: RegExp | undefined;
const tokenPattern = (): RegExp => (token ??= new RegExp(String.raw`[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|${WORD_CHAR}+(?:['\u2019.,]${WORD_CHAR}+)*|\s+|[^\s\p{L}\p{N}]|[\p{L}\p{N}]`, 'gu'));
/** Past this many words a diff is shown whole (removed, then added) rather than word by word. */
const MAX_DIFF_WORDS = 1500;

/** The text cut into words, spaces and marks; joined they give the text back. */
export function tokensOf(text: string): string[] {
  return text.match(tokenPattern()) ?? [];
}

/** The words alone, for counting edits. */
export function wordsOf(text: string): string[] {
  return tokensOf(text.normalize('NFKC').toLowerCase()).filter((token) => /[\p{L}\p{N}]/u.test(token));
}

/** How many words must be added, removed or replaced to turn one list into the other. */
export function wordEditDistance(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** A word-level diff from `before` to `after`: what stayed, what the model removed and what it added. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokensOf(before);
  const b = tokensOf(after);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  if (a.length > MAX_DIFF_WORDS || b.length > MAX_DIFF_WORDS) {
    if (before) push('removed', before);
    if (after) push('added', after);
    return parts;
  }
  // Longest common subsequence, read from the end.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  while (i < a.length) push('removed', a[i++]!);
  while (j < b.length) push('added', b[j++]!);
  return parts;
}
