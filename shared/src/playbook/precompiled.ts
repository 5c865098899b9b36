// The precompiled part of a bundle: what the engine would otherwise rebuild from the playbooks on
// every start of a worker that Chrome stopped (the search index, the features of the intent
// triggers). `closer build` writes it (engine/precompile.ts); the engine reads it back as is. Its
// shape is checked here; what it means is read and checked by the engine file that owns each part
// (engine/search-index.ts, engine/classify.ts). Binary data travels as base64 of LEB128 varints,
// so a bundle stays one JSON file the extension imports from a file or a URL.
/**
 * The version of the precompiled part. Raise it whenever what an index holds or how it is
 * written changes: a bundle with another version is still read, its indexes rebuilt.
 */
export const PRECOMPILED_VERSION = 1;

// The shapes are written out here, not inferred from the zod schema (precompiled-schema.ts, which
// asserts that the two agree), so a start reads them without building the schema. Type aliases,
// not interfaces, so that a part of this version is also a Precompiled.

/** A map of key → list: the keys one a line, and a varint stream of each list's items' numbers, after its length in bytes (`framed`) or its number of items. */
export type PrecompiledLists = {
  keys: string;
  lists: string;
};

export type PrecompiledSearch = {
  /** How many search entries the index was built over: the engine lists them again from the playbooks. */
  entries: number;
  /** The index's features, one a line (sorted when `sorted`). */
  features: string;
  /** Per feature: its length in bytes (`framed`) or its number of postings, then each posting as (entry − previous entry) × weights.length + weight code. */
  postings: string;
  /** The distinct posting weights (32-bit floats), indexed by the codes above. */
  weights: number[];
  /** Per entry, its length factor: a Float32Array in base64. */
  lengthFactor: string;
  /** The English stems, sorted, one a line; each trigram with the numbers of the stems holding it. */
  words: string;
  wordTrigrams: PrecompiledLists;
  /** Each sound of a bigram: the feature number of the bigram (varints) and its cohesion (a Float64Array). */
  sounds: string;
  cohesions: string;
  /** Pinyin and initials → the numbers of the sounds. */
  pinyinBigrams: PrecompiledLists;
  initialsBigrams: PrecompiledLists;
  /** The features and the keys of each map are in JavaScript's string order, so a start finds them by halving (line-index.ts). */
  sorted?: true;
  /** Every list (a feature's postings, a map's list) follows its length in bytes instead of its number of items, so a start steps over the lists without reading them. */
  framed?: true;
};

export type PrecompiledIntent = {
  /** The intents of the model (numbers in INTENTS order). */
  intents: number[];
  /** Per trigger, in the order the model collects them: [intent number, objection, text, norm of its weights]. */
  examples: [number, string, string, number][];
  /** Per keyword: [intent number, objection, text as written, normalised]. */
  keywords: [number, string, string, string][];
  /** Per intent, its triggers normalised, one a line. */
  triggerText: Record<string, string>;
  /**
   * The triggers' features with their rows, a line each: "feature<TAB>frequency|intent:count,…|
   * example:value …", the feature as its UTF-8 bytes one character a byte and in their order
   * (trigger-index.ts, feature-rows.ts). Bundles built before 2026-12-04 carry the older form instead: `features`,
   * one a line, and on the same line of `rows` its row.
   */
  lines?: string;
  features?: string;
  rows?: string;
  /** Per intent of the model, log(total count + smoothing × vocabulary) of its naive Bayes. */
  logDenominators: number[];
  defaultIdf: number;
  /** In the older form: the features are in JavaScript's string order, so a start finds them without a table (line-index.ts). */
  sorted?: true;
};

/** The current version's parts. A part can be left out; the engine then builds it. */
export type PrecompiledParts = {
  version: typeof PRECOMPILED_VERSION;
  /** The content hash of what it was compiled from (bundle.ts `contentHashOf`): playbooks, stats and base corpus. */
  source: string;
  search?: PrecompiledSearch;
  intent?: PrecompiledIntent;
};

/** Any version: an older or newer Closer's parts are kept (they are hashed) but not read. */
export type Precompiled = {
  version: number;
  source: string;
  [key: string]: unknown;
};

// What a start checks before the engine reads a part: the shape of each field, by hand, as the
// schema would. The intent model's examples and keywords, a thousand small tuples, are only checked
// to be lists; the decoder checks each tuple as it reads it (trigger-index.ts). The import's check
// (loadBundle in bundle.ts) still runs the whole schema, which names the path of a mistake.
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const hasOnly = (value: Record<string, unknown>, keys: readonly string[]): boolean => Object.keys(value).every((key) => keys.includes(key));
const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;
const isNumber = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);
const isString = (value: unknown): boolean => typeof value === 'string';

const SEARCH_STRINGS = ['features', 'postings', 'lengthFactor', 'words', 'sounds', 'cohesions'] as const;
const SEARCH_LISTS = ['wordTrigrams', 'pinyinBigrams', 'initialsBigrams'] as const;
const INTENT_STRINGS = ['lines', 'features', 'rows'] as const;

function isLists(value: unknown): boolean {
  return isObject(value) && hasOnly(value, ['keys', 'lists']) && isString(value.keys) && isString(value.lists);
}

function isSearch(value: unknown): boolean {
  if (!isObject(value) || !hasOnly(value, ['entries', 'weights', 'sorted', 'framed', ...SEARCH_STRINGS, ...SEARCH_LISTS])) return false;
  if ((value.sorted !== undefined && value.sorted !== true) || (value.framed !== undefined && value.framed !== true)) return false;
  return isCount(value.entries) && Array.isArray(value.weights) && value.weights.every(isNumber)
    && SEARCH_STRINGS.every((key) => isString(value[key])) && SEARCH_LISTS.every((key) => isLists(value[key]));
}

function isIntent(value: unknown): boolean {
  if (!isObject(value) || !hasOnly(value, ['intents', 'examples', 'keywords', 'triggerText', 'logDenominators', 'defaultIdf', 'sorted', ...INTENT_STRINGS])) return false;
  if (value.sorted !== undefined && value.sorted !== true) return false;
  return Array.isArray(value.intents) && value.intents.every(isCount) && Array.isArray(value.examples) && Array.isArray(value.keywords)
    && isObject(value.triggerText) && Object.values(value.triggerText).every(isString) && INTENT_STRINGS.every((key) => value[key] === undefined || isString(value[key]))
    && (value.lines !== undefined ? value.features === undefined && value.rows === undefined : value.features !== undefined && value.rows !== undefined)
    && Array.isArray(value.logDenominators) && value.logDenominators.every(isNumber) && isNumber(value.defaultIdf);
}

/** Whether a part has the current version's shape (the tuples of the intent model apart). */
export function isPrecompiledParts(value: unknown): value is PrecompiledParts {
  if (!isObject(value) || !hasOnly(value, ['version', 'source', 'search', 'intent'])) return false;
  return value.version === PRECOMPILED_VERSION && isString(value.source)
    && (value.search === undefined || isSearch(value.search)) && (value.intent === undefined || isIntent(value.intent));
}

const checkedParts = new WeakMap<object, Map<string, unknown>>();

/**
 * One part of a bundle this Closer reads (the search index or the intent model), or undefined when
 * there is none, it has another version or it is not of this version's shape. A bundle opened
 * without its schema check (openBundle) may carry anything here, so each part's shape is checked
 * once, before the engine reads it, and only the part asked for: a file read a part at a time
 * (bundle-text.ts) then parses only that part.
 */
export function precompiledPart<K extends 'search' | 'intent'>(bundle: { precompiled?: Precompiled }, part: K): PrecompiledParts[K] | undefined {
  const found = bundle.precompiled;
  if (found?.version !== PRECOMPILED_VERSION) return undefined;
  let checked = checkedParts.get(found);
  if (checked === undefined) checkedParts.set(found, (checked = new Map()));
  if (!checked.has(part)) {
    const value = isObject(found) && hasOnly(found, ['version', 'source', 'search', 'intent']) && isString(found.source) ? found[part] : undefined;
    checked.set(part, value !== undefined && (part === 'search' ? isSearch : isIntent)(value) ? value : undefined);
  }
  return checked.get(part) as PrecompiledParts[K] | undefined;
}

/** Why a bundle's indexes are rebuilt on each start, said to the user; undefined when they are not. */
export function precompiledNotice(bundle: { precompiled?: Precompiled }): string | undefined {
  const found = bundle.precompiled;
  if (found === undefined) return 'this bundle has no precompiled indexes (it was built by an older closer): they are rebuilt on every start, which is slower; rebuild it with "closer build"';
  if (found.version === PRECOMPILED_VERSION) return undefined;
  const which = found.version > PRECOMPILED_VERSION ? 'a newer' : 'an older';
  return `this bundle's precompiled indexes are version ${found.version}, written by ${which} closer; this one reads version ${PRECOMPILED_VERSION}, so they are rebuilt on every start, which is slower; rebuild it with this closer's "closer build"`;
}

/** A precompiled part that cannot be read: damaged or cut short. */
export class PrecompiledError extends Error {
  override name = 'PrecompiledError';
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Int16Array(128).fill(-1);
for (let at = 0; at < ALPHABET.length; at++) VALUES[ALPHABET.charCodeAt(at)] = at;

// The core runs without DOM or Node typings; both have these, and Buffer/atob are not in the core's world.
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 3 * 4096;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    let text = '';
    for (let at = start; at < end; at += 3) {
      const a = bytes[at]!;
      const b = at + 1 < end ? bytes[at + 1]! : 0;
      const c = at + 2 < end ? bytes[at + 2]! : 0;
      text += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | (b >> 4)]! + (at + 1 < end ? ALPHABET[((b & 15) << 2) | (c >> 6)]! : '=') + (at + 2 < end ? ALPHABET[c & 63]! : '=');
    }
    parts.push(text);
  }
  return parts.join('');
}

// The language's own decoder (ES2026; Chromium 140 has it): native, where the loop below runs
// cold in a worker that Chrome just restarted (about 20 ms for the default bundle's search index).
const fromBase64 = (Uint8Array as { fromBase64?: (text: string, options: { lastChunkHandling: 'strict' }) => Uint8Array }).fromBase64;

/** The bytes of base64 text; throws PrecompiledError naming `what` when the text is not base64. */
export function base64ToBytes(text: string, what: string): Uint8Array {
  if (text.length % 4 !== 0) throw new PrecompiledError(`${what} is cut short: its base64 is ${text.length} characters, not a multiple of 4`);
  // It also accepts white space, which bytesToBase64 never writes; the loop below says where a stray character is.
  if (fromBase64 && !/\s/.test(text)) {
    try {
      return fromBase64(text, { lastChunkHandling: 'strict' });
    } catch {
      // Not base64: the loop below names the position.
    }
  }
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let at = 0; at < text.length; at += 4) {
    const a = VALUES[text.charCodeAt(at)] ?? -1;
    const b = VALUES[text.charCodeAt(at + 1)] ?? -1;
    const c = text[at + 2] === '=' && at + 4 === text.length ? 0 : VALUES[text.charCodeAt(at + 2)] ?? -1;
    const d = text[at + 3] === '=' && at + 4 === text.length ? 0 : VALUES[text.charCodeAt(at + 3)] ?? -1;
    if ((a | b | c | d) < 0) throw new PrecompiledError(`${what} is not base64 (a stray character near position ${at})`);
    const value = (a << 18) | (b << 12) | (c << 6) | d;
    bytes[out++] = value >> 16;
    if (out < bytes.length) bytes[out++] = (value >> 8) & 255;
    if (out < bytes.length) bytes[out++] = value & 255;
  }
  return bytes;
}

/** Unsigned integers (below 2^53) as LEB128 varints: small numbers, the common case, take one byte. */
export class VarintWriter {
  private bytes = new Uint8Array(1024);
  private size = 0;

  write(value: number): void {
    this.reserve(8);
    let rest = value;
    while (rest >= 128) {
      this.bytes[this.size++] = (rest % 128) | 128;
      rest = Math.floor(rest / 128);
    }
    this.bytes[this.size++] = rest;
  }

  /** A list written by `write`, after its length in bytes, so a reader can step over it without reading it. */
  framed(write: (list: VarintWriter) => void): void {
    const list = new VarintWriter();
    write(list);
    this.write(list.size);
    this.reserve(list.size);
    this.bytes.set(list.bytes.subarray(0, list.size), this.size);
    this.size += list.size;
  }

  private reserve(more: number): void {
    if (this.size + more <= this.bytes.length) return;
    let length = this.bytes.length * 2;
    while (this.size + more > length) length *= 2;
    const grown = new Uint8Array(length);
    grown.set(this.bytes);
    this.bytes = grown;
  }

  base64(): string {
    return bytesToBase64(this.bytes.subarray(0, this.size));
  }
}

/** Reads what VarintWriter wrote; throws PrecompiledError naming `what` when it runs past the end. */
export class VarintReader {
  at = 0;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly what: string,
  ) {}

  read(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.bytes.length) throw new PrecompiledError(`${this.what} is cut short: it ends in the middle of its data (${this.bytes.length} bytes)`);
      const byte = this.bytes[this.at++]!;
      value += (byte & 127) * scale;
      if (byte < 128) return value;
      scale *= 128;
      if (scale > 2 ** 49) throw new PrecompiledError(`${this.what} is damaged: a number runs over 7 bytes at byte ${this.at}`);
    }
  }

  /** Steps over `count` numbers without reading them: a number ends at its first byte below 128. */
  skip(count: number): void {
    const { bytes } = this;
    let left = count;
    let at = this.at;
    while (left > 0 && at < bytes.length) if (bytes[at++]! < 128) left--;
    if (left > 0) throw new PrecompiledError(`${this.what} is cut short: it ends in the middle of its data (${bytes.length} bytes)`);
    this.at = at;
  }

  get done(): boolean {
    return this.at === this.bytes.length;
  }
}
