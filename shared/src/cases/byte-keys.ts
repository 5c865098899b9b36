// Small numbers for keys met as bytes (a case's id, a customer's name as a file spells it) or as
// strings, the same number for the same text either way: the report counts 100,000 cases by id
// and by customer, and a Map of strings made each key a string that the collector then copied
// while the file was read. Here a key is hashed where it stands in the file's bytes and kept in
// one typed array.

/** The strings' text as UTF-8 bytes, or -1 for a string UTF-8 cannot spell (a lone surrogate). */
function utf8Into(text: string, into: Uint8Array): number {
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) {
      into[length++] = unit;
    } else if (unit < 0x800) {
      into[length++] = 0xc0 | (unit >> 6);
      into[length++] = 0x80 | (unit & 0x3f);
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      const low = text.charCodeAt(index + 1);
      if (unit > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return -1;
      const point = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
      into[length++] = 0xf0 | (point >> 18);
      into[length++] = 0x80 | ((point >> 12) & 0x3f);
      into[length++] = 0x80 | ((point >> 6) & 0x3f);
      into[length++] = 0x80 | (point & 0x3f);
      index++;
    } else {
      into[length++] = 0xe0 | (unit >> 12);
      into[length++] = 0x80 | ((unit >> 6) & 0x3f);
      into[length++] = 0x80 | (unit & 0x3f);
    }
  }
  return length;
}

export class ByteKeys {
  /** Every key's bytes, one after another. */
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  private starts = new Int32Array(1 << 10);
  private lengths = new Int32Array(1 << 10);
  private hashes = new Int32Array(1 << 10);
  /** Open addressing: a key's number plus one, 0 for a free place. */
  private table = new Int32Array(1 << 11);
  private count = 0;
  private scratch = new Uint8Array(256);
  /** Strings UTF-8 cannot spell, which no bytes can be either. */
  private readonly others = new Map<string, number>();

  /** How many keys there are: they are numbered from 0 in the order first met. */
  get size(): number {
    return this.count;
  }

  /** The number of the key spelt by the UTF-8 bytes between two offsets, made when it is new. */
  numberOf(bytes: Uint8Array, start: number, end: number): number {
    let hash = end - start;
    for (let index = start; index < end; index++) hash = (Math.imul(hash, 31) + bytes[index]!) | 0;
    // Mixed (murmur3's finish), so the low bits that pick a place depend on every byte: with the
    // sum alone, ids that differ late crowded into runs of neighbouring places.
    hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
    hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
    hash ^= hash >>> 16;
    const table = this.table;
    const mask = table.length - 1;
    for (let place = hash & mask; ; place = (place + 1) & mask) {
      const entry = table[place]!;
      if (entry === 0) return this.add(bytes, start, end, hash, place);
      const key = entry - 1;
      if (this.hashes[key] === hash && this.isKey(key, bytes, start, end)) return key;
    }
  }

  /** The number of a key given as a string: the same as for its UTF-8 bytes. */
  numberOfText(text: string): number {
    if (this.scratch.length < text.length * 3) this.scratch = new Uint8Array(text.length * 3);
    const length = utf8Into(text, this.scratch);
    if (length >= 0) return this.numberOf(this.scratch, 0, length);
    let key = this.others.get(text);
    if (key === undefined) {
      key = this.grow();
      this.others.set(text, key);
    }
    return key;
  }

  /** A key's bytes as one character each: the key itself where it is ASCII. */
  asciiOf(key: number): string {
    const start = this.starts[key]!;
    let text = '';
    for (let index = start; index < start + this.lengths[key]!; index++) text += String.fromCharCode(this.bytes[index]!);
    return text;
  }

  private isKey(key: number, bytes: Uint8Array, start: number, end: number): boolean {
    const length = end - start;
    if (this.lengths[key] !== length) return false;
    const own = this.bytes;
    const from = this.starts[key]! - start;
    for (let index = start; index < end; index++) if (own[from + index] !== bytes[index]) return false;
    return true;
  }

  private add(bytes: Uint8Array, start: number, end: number, hash: number, place: number): number {
    const key = this.grow();
    const length = end - start;
    if (this.used + length > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.used + length));
      bigger.set(this.bytes.subarray(0, this.used));
      this.bytes = bigger;
    }
    // A loop, not set(subarray): a Buffer's subarray is a new Buffer, made for every key.
    const own = this.bytes;
    for (let index = 0; index < length; index++) own[this.used + index] = bytes[start + index]!;
    this.starts[key] = this.used;
    this.lengths[key] = length;
    this.hashes[key] = hash;
    this.used += length;
    this.table[place] = key + 1;
    // Kept at most half full, so a search stops soon at a free place.
    if (this.count * 2 > this.table.length) this.rehash();
    return key;
  }

  /** A new key number, with room for its bounds. */
  private grow(): number {
    const key = this.count++;
    if (key === this.starts.length) {
      const size = key * 2;
      const starts = new Int32Array(size);
      starts.set(this.starts);
      this.starts = starts;
      const lengths = new Int32Array(size);
      lengths.set(this.lengths);
      this.lengths = lengths;
      const hashes = new Int32Array(size);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    return key;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    const old = this.table;
    for (let place = 0; place < old.length; place++) {
      const entry = old[place]!;
      if (entry === 0) continue;
      let at = this.hashes[entry - 1]! & mask;
      while (table[at] !== 0) at = (at + 1) & mask;
      table[at] = entry;
    }
    this.table = table;
  }
}
