/**
 * The optimal string alignment distance between two strings (Levenshtein with a swap of two
 * neighbouring characters counted as one edit), used for "did you mean" hints: authors transpose
 * letters ("prcie") as often as they drop or double them, and a swap should be as near as a drop.
 */
export function editDistance(a: string, b: string): number {
  const a2 = [...a];
  const b2 = [...b];
  // Three rows: the one before the previous is needed to look back across a swap.
  let older = new Array<number>(b2.length + 1).fill(0);
  let previous = Array.from({ length: b2.length + 1 }, (_, j) => j);
  let current = new Array<number>(b2.length + 1).fill(0);
  for (let i = 1; i <= a2.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b2.length; j++) {
      const cost = a2[i - 1] === b2[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a2[i - 1] === b2[j - 2] && a2[i - 2] === b2[j - 1]) best = Math.min(best, older[j - 2]! + 1);
      current[j] = best;
    }
    [older, previous, current] = [previous, current, older];
  }
  return previous[b2.length]!;
}

/** The candidate nearest to `name`, if it is near enough to be a likely typo. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(name.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

export function didYouMean(name: string, candidates: Iterable<string>, wrap: (s: string) => string = (s) => `"${s}"`): string {
  const hint = closestName(name, candidates);
  return hint === undefined ? '' : ` — did you mean ${wrap(hint)}?`;
}
