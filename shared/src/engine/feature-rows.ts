// A model's rows by feature (the base model's counts, the intent model's trigger rows), in either
// form a bundle carries. `closer build` writes one text of "feature<TAB>row" lines, each feature
// as its UTF-8 bytes (byte-text.ts, so the text is kept one byte a character), in the order of
// those bytes, and a feature is found by halving that text itself, so a start indexes nothing: the
// older form, a feature a line and its row on the same line of a second text, needs both texts'
// lines indexed first (sixty thousand lines for the default playbooks, about 3 ms of a restarted
// worker's first answer). Bundles of the older form still read.
import { fromByteText, toByteText } from './byte-text.ts';
import { LineIndex } from './line-index.ts';

export interface FeatureRows {
  /** The row of `feature`, or undefined. */
  row(feature: string): string | undefined;
  /** Every feature and its row, in the text's order. */
  entries(): Iterable<[string, string]>;
  /** What an import's check finds wrong when it reads every line (lines out of order, a line without its row), or undefined. */
  problem(): string | undefined;
}

/** The separator between a feature and its row; a feature is normalised text, which holds no tab. */
export const ROW_SEPARATOR = '\t';

/** The text `closer build` writes for features and their rows, in the order of the features' bytes. */
export function joinFeatureRows(rows: Iterable<readonly [string, string]>): string {
  const keyed: [string, string][] = [];
  for (const [feature, row] of rows) {
    if (feature.includes(ROW_SEPARATOR) || feature.includes('\n')) throw new Error(`a model feature holds a tab or a newline: ${JSON.stringify(feature)}`);
    keyed.push([toByteText(feature), row]);
  }
  keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return keyed.map(([key, row]) => `${key}${ROW_SEPARATOR}${row}`).join('\n');
}

/** The form `closer build` writes. A line without a tab is a feature without a row (damage): found, but with no row. */
export class SortedRows implements FeatureRows {
  constructor(private readonly text: string) {}

  row(feature: string): string | undefined {
    const { text } = this;
    const wanted = toByteText(feature);
    // Halving over characters: `low` and `high` are always where a line starts, or one past the
    // end; each step takes the line holding the middle character.
    let low = 0;
    let high = text.length + 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const start = middle === 0 ? 0 : text.lastIndexOf('\n', middle - 1) + 1;
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const tab = text.indexOf(ROW_SEPARATOR, start);
      const keyEnd = tab === -1 || tab > end ? end : tab;
      const key = text.slice(start, keyEnd);
      if (key < wanted) low = end + 1;
      else if (key > wanted) high = start;
      else return keyEnd === end ? undefined : text.slice(keyEnd + 1, end);
    }
    return undefined;
  }

  *entries(): Iterable<[string, string]> {
    const { text } = this;
    if (text === '') return;
    for (let start = 0; start <= text.length; ) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const tab = text.indexOf(ROW_SEPARATOR, start);
      if (tab !== -1 && tab < end) yield [fromByteText(text.slice(start, tab)), text.slice(tab + 1, end)];
      start = end + 1;
    }
  }

  problem(): string | undefined {
    const { text } = this;
    if (text === '') return undefined;
    let previous: string | undefined;
    for (let start = 0, line = 1; start <= text.length; line++) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const tab = text.indexOf(ROW_SEPARATOR, start);
      if (tab === -1 || tab > end) return `line ${line} has a feature and no row`;
      const key = text.slice(start, tab);
      if (previous !== undefined && !(previous < key)) return 'its features are not in order';
      previous = key;
      start = end + 1;
    }
    return undefined;
  }
}

/** The older form: a feature a line, its row on the same line of `rows`. */
export class AlignedRows implements FeatureRows {
  readonly features: LineIndex;
  readonly rows: LineIndex;

  constructor(features: string, rows: string, private readonly sorted: boolean) {
    this.features = new LineIndex(features, sorted);
    this.rows = new LineIndex(rows);
  }

  row(feature: string): string | undefined {
    const at = this.features.find(feature);
    return at === -1 ? undefined : this.rows.line(at);
  }

  *entries(): Iterable<[string, string]> {
    for (let at = 0; at < this.features.count; at++) yield [this.features.line(at), this.rows.line(at)];
  }

  problem(): string | undefined {
    if (this.rows.count !== this.features.count) return `${this.rows.count} rows for ${this.features.count} features`;
    return this.sorted && !this.features.isSorted() ? 'its features are said to be sorted and are not' : undefined;
  }
}
