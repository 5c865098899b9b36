// A map of key → list read from the varint stream a bundle carries, a list at a time, when it is
// first asked for. A worker that Chrome restarted answers its first search after reading a few
// dozen of the index's lists, not its eighteen thousand; decoding them all first was most of that
// search's time. The keys stay one text (line-index.ts), found by halving when they are sorted.
// The stream is walked once when the map is made, so a stream that is cut short or runs on past
// its keys is refused at once, as reading it whole refused it.
import { PrecompiledError, VarintReader } from '../playbook/precompiled.ts';
import type { LineIndex } from './line-index.ts';

export class PackedLists<V> implements ReadonlyMap<string, V> {
  /** Where each key's items start and end in the stream, by the key's line. */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly decoded: (V | undefined)[];

  /**
   * keys: one a line, in the stream's order; bytes: each list as varints, after its length in
   * bytes when `framed`, else after its number of items (an earlier build's bundle), which the
   * walk then steps over one by one. decode reads the items from the reader's position to `end`.
   */
  constructor(
    private readonly keyLines: LineIndex,
    private readonly bytes: Uint8Array,
    private readonly what: string,
    framed: boolean,
    private readonly decode: (reader: VarintReader, end: number, key: string) => V,
  ) {
    const count = keyLines.count;
    const starts = new Int32Array(count);
    const ends = new Int32Array(count);
    let done: number;
    if (framed) {
      // The usual form, walked inline: a restarted worker's first search runs this loop over its
      // eighteen thousand lists before the loop is compiled, and with a reader's method call per
      // length it took nearly twice as long.
      let at = 0;
      for (let line = 0; line < count; line++) {
        let size = 0;
        let scale = 1;
        for (;;) {
          if (at >= bytes.length || scale > 2 ** 49) throw new PrecompiledError(`${what} is cut short: it ends in the middle of its data (${bytes.length} bytes)`);
          const byte = bytes[at++]!;
          size += (byte & 127) * scale;
          if (byte < 128) break;
          scale *= 128;
        }
        starts[line] = at;
        at += size;
        if (at > bytes.length) throw new PrecompiledError(`${what} is cut short: it ends in the middle of its data (${bytes.length} bytes)`);
        ends[line] = at;
      }
      done = at;
    } else {
      const reader = new VarintReader(bytes, what);
      for (let line = 0; line < count; line++) {
        const size = reader.read();
        starts[line] = reader.at;
        reader.skip(size);
        ends[line] = reader.at;
      }
      done = reader.at;
    }
    if (done !== bytes.length) throw new PrecompiledError(`${what} is damaged: its lists go on past their ${count} keys`);
    this.starts = starts;
    this.ends = ends;
    this.decoded = new Array<V | undefined>(keyLines.count);
  }

  get size(): number {
    return this.keyLines.count;
  }

  has(key: string): boolean {
    return this.keyLines.find(key) !== -1;
  }

  get(key: string): V | undefined {
    const line = this.keyLines.find(key);
    return line === -1 ? undefined : this.at(line);
  }

  *keys(): MapIterator<string> {
    for (let line = 0; line < this.keyLines.count; line++) yield this.keyLines.line(line);
  }

  values(): MapIterator<V> {
    return this.readAll().values();
  }

  entries(): MapIterator<[string, V]> {
    return this.readAll().entries();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  /** Every list, in the stream's order: what encoding the map again reads, and what checking it whole does. */
  readAll(): Map<string, V> {
    const all = new Map<string, V>();
    for (let line = 0; line < this.keyLines.count; line++) all.set(this.keyLines.line(line), this.at(line));
    return all;
  }

  private at(line: number): V {
    let list = this.decoded[line];
    if (list === undefined) {
      const key = this.keyLines.line(line);
      const end = this.ends[line]!;
      const reader = new VarintReader(this.bytes.subarray(0, end), this.what);
      reader.at = this.starts[line]!;
      // The reader sees the stream up to this list's end: an item running over it is cut short.
      this.decoded[line] = list = this.decode(reader, end, key);
    }
    return list;
  }
}
