import type { Diagnostic } from '../diagnostic.ts';

/**
 * One diagnostic for a problem repeated in a file: the same rule and the same words, hundreds of
 * times, tell the author nothing the first did not. The first is kept (it is where to start) and
 * says how many more there are.
 */
export function collapseRepeats(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const first = new Map<string, { index: number; more: number }>();
  const kept: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const key = `${diagnostic.file}\u0000${diagnostic.rule}\u0000${diagnostic.severity}\u0000${diagnostic.message}`;
    const seen = first.get(key);
    if (seen) seen.more++;
    else {
      first.set(key, { index: kept.length, more: 0 });
      kept.push(diagnostic);
    }
  }
  for (const { index, more } of first.values()) {
    if (more > 0) kept[index] = { ...kept[index]!, message: `${kept[index]!.message} (and ${more} more like it in this file)` };
  }
  return kept;
}
