// The lines of a long text, found by their content without splitting the text: a worker or the
// CLI that starts reads models of twenty thousand features, one a line, and looks up only the
// few dozen a message has. Splitting them into strings and a Map took most of the start's time
// reading a model and left that much garbage to collect.

/** FNV-1a over UTF-16 code units, the same whether it runs over a key or over a part of the text. */
function hashRange(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let at = start; at < end; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
  return hash >>> 0;
}

export class LineIndex {
  /** Where each line starts, and one past the end of the text as if it ended in a newline. */
  private readonly starts: Int32Array;
  private table: Int32Array | undefined;
  readonly count: number;

  /**
   * `sorted`: the lines are in the order of JavaScript's string comparison, as `closer build` writes
   * them, so a line is found by halving with no table made (the table over twenty thousand lines
   * took a worker's start about 5 ms). A text said sorted that is not finds lines wrongly, never
   * throws: an import checks the claim first (isSorted).
   */
  constructor(private readonly text: string, private readonly sorted = false) {
    if (text === '') {
      this.starts = new Int32Array([0]);
      this.count = 0;
      return;
    }
    // One pass: the starts go into an array grown by doubling, then a view of its used part is kept.
    let starts = new Int32Array(1024);
    let count = 1;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
      if (count + 1 >= starts.length) {
        const grown = new Int32Array(starts.length * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[count++] = at + 1;
    }
    starts[count] = text.length + 1;
    this.starts = starts.subarray(0, count + 1);
    this.count = count;
  }

  /** Line `at` (0-based), without its newline. */
  line(at: number): string {
    return this.text.slice(this.starts[at]!, this.starts[at + 1]! - 1);
  }

  /** The number of the first line that is exactly `key`, or -1. The hash table is made on the first search of lines not sorted. */
  find(key: string): number {
    if (this.sorted) return this.halve(key);
    const table = this.table ?? this.buildTable();
    const mask = table.length - 1;
    for (let slot = hashRange(key, 0, key.length) & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot]!;
      if (entry === 0) return -1;
      const at = entry - 1;
      const start = this.starts[at]!;
      if (this.starts[at + 1]! - 1 - start === key.length && this.text.startsWith(key, start)) return at;
    }
  }

  /** Whether each line sorts before or with the next one. */
  isSorted(): boolean {
    for (let at = 1; at < this.count; at++) if (this.line(at - 1) > this.line(at)) return false;
    return true;
  }

  private halve(key: string): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.line(middle) < key) low = middle + 1;
      else high = middle;
    }
    return low < this.count && this.line(low) === key ? low : -1;
  }

  private buildTable(): Int32Array {
    let size = 2;
    while (size < this.count * 2) size *= 2;
    // Line number + 1, so that 0 is an empty slot; a line met again keeps its first number.
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let at = 0; at < this.count; at++) {
      const start = this.starts[at]!;
      const end = this.starts[at + 1]! - 1;
      let slot = hashRange(this.text, start, end) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = at + 1;
    }
    this.table = table;
    return table;
  }
}
