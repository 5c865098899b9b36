// A map of key → list read from the varint stream a bundle carries, a list at a time, when it is
// first asked for. A worker that Chrome restarted answers its first search after reading a few
// dozen of the index's lists, not its fifteen thousand; decoding them all first was most of that
// search's time. The stream is walked once when the map is made, so a stream that is cut short or
// runs on past its keys is refused at once, as reading it whole refused it.
import { PrecompiledError, VarintReader } from '../playbook/precompiled.ts';

export class PackedLists<V> implements ReadonlyMap<string, V> {
  private readonly offsets = new Map<string, number>();
  private readonly decoded = new Map<string, V>();

  /**
   * keys: one per list, in the stream's order; bytes: each list as its size, then its items, as
   * varints; decode reads one list, its size first. A size over `maxSize` is damage, named with `what`.
   */
  constructor(
    keys: readonly string[],
    private readonly bytes: Uint8Array,
    private readonly what: string,
    private readonly decode: (reader: VarintReader, key: string) => V,
    maxSize = Infinity,
  ) {
    const reader = new VarintReader(bytes, what);
    for (const key of keys) {
      const at = reader.at;
      const size = reader.read();
      if (size > maxSize) throw new PrecompiledError(`${what} is damaged: "${key}" has ${size} items for at most ${maxSize}`);
      reader.skip(size);
      this.offsets.set(key, at);
    }
    if (!reader.done) throw new PrecompiledError(`${what} is damaged: its lists go on past their ${keys.length} keys`);
  }

  get size(): number {
    return this.offsets.size;
  }

  has(key: string): boolean {
    return this.offsets.has(key);
  }

  get(key: string): V | undefined {
    let list = this.decoded.get(key);
    if (list === undefined) {
      const at = this.offsets.get(key);
      if (at === undefined) return undefined;
      const reader = new VarintReader(this.bytes, this.what);
      reader.at = at;
      this.decoded.set(key, (list = this.decode(reader, key)));
    }
    return list;
  }

  keys(): MapIterator<string> {
    return this.offsets.keys();
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
    for (const key of this.offsets.keys()) all.set(key, this.get(key)!);
    return all;
  }
}
