// The data search scores over, and its compact form in a bundle. search.ts builds the index from a
// bundle's entries and scores queries over it; this file only says what the index holds and
// writes and reads it whole (precompiled.ts gives the shape), so `closer build` can put it in the
// bundle and a worker that Chrome restarted reads it instead of rebuilding it, which at 100,000
// replies is the difference between seconds and a tenth of one. Nothing here knows how an entry
// becomes features, so the scoring and the building can change without touching this file.
import { base64ToBytes, bytesToBase64, PrecompiledError, VarintReader, VarintWriter, type PrecompiledSearch } from '../playbook/precompiled.ts';
import { LineIndex } from './line-index.ts';
import { PackedLists } from './packed-lists.ts';

export interface Postings {
  entries: Int32Array;
  weights: Float32Array;
}

export interface SoundAlike {
  bigram: string;
  cohesion: number;
}

/** The index over entries of type Entry (search.ts: SearchIndex = SearchIndexData<SearchEntry>). */
export interface SearchIndexData<Entry> {
  entries: Entry[];
  postings: ReadonlyMap<string, Postings>;
  /** Per entry: a mild length penalty, so a short script that matches beats a long guide that mentions it. */
  lengthFactor: Float32Array;
  /** The English stems indexed, sorted, to complete a half-typed last word. */
  words: string[];
  /** Trigram → English stems holding it, to forgive typos. */
  wordTrigrams: ReadonlyMap<string, string[]>;
  /**
   * Full pinyin ("jiage") and initials ("jg") → the Chinese bigrams that sound so, each with its
   * cohesion: how often its characters occur together rather than apart. A word (犹豫) is
   * cohesive; a pair across a word boundary (有|预算) is not, so it counts less.
   */
  pinyinBigrams: ReadonlyMap<string, SoundAlike[]>;
  initialsBigrams: ReadonlyMap<string, SoundAlike[]>;
}

const WHAT = 'the precompiled search index';

/** The index in the compact form a bundle carries: every map in its own order, so reading it back gives the same answers. */
export function encodeSearchIndex<Entry>(index: SearchIndexData<Entry>): PrecompiledSearch {
  const weights: number[] = [];
  const codes = new Map<number, number>();
  for (const list of index.postings.values()) {
    for (const weight of list.weights) {
      if (codes.has(weight)) continue;
      codes.set(weight, weights.length);
      weights.push(weight);
    }
  }
  const base = Math.max(1, weights.length);
  const postings = new VarintWriter();
  const featureAt = new Map<string, number>();
  const features = sortedKeys(index.postings);
  for (const feature of features) {
    const list = index.postings.get(feature)!;
    featureAt.set(feature, featureAt.size);
    postings.framed((stream) => {
      let previous = 0;
      for (let at = 0; at < list.entries.length; at++) {
        stream.write((list.entries[at]! - previous) * base + codes.get(list.weights[at]!)!);
        previous = list.entries[at]!;
      }
    });
  }
  // A sound is one object in both maps (a bigram's pinyin and its initials): written once, named by number.
  const soundAt = new Map<SoundAlike, number>();
  const soundBigrams = new VarintWriter();
  const cohesions: number[] = [];
  const numberOf = (sound: SoundAlike): number => {
    let at = soundAt.get(sound);
    if (at === undefined) {
      soundAt.set(sound, (at = cohesions.length));
      const feature = featureAt.get(sound.bigram);
      if (feature === undefined) throw new Error(`search index: the sound of "${sound.bigram}" names no feature`);
      soundBigrams.write(feature);
      cohesions.push(sound.cohesion);
    }
    return at;
  };
  const wordAt = new Map(index.words.map((word, at) => [word, at]));
  const pinyinBigrams = encodeLists(index.pinyinBigrams, numberOf);
  const initialsBigrams = encodeLists(index.initialsBigrams, numberOf);
  return {
    entries: index.entries.length,
    features: features.join('\n'),
    postings: postings.base64(),
    weights,
    lengthFactor: base64Of(index.lengthFactor),
    words: index.words.join('\n'),
    wordTrigrams: encodeLists(index.wordTrigrams, (word) => wordAt.get(word)!),
    sounds: soundBigrams.base64(),
    cohesions: base64Of(Float64Array.from(cohesions)),
    pinyinBigrams,
    initialsBigrams,
    sorted: true,
    framed: true,
  };
}

/** The keys in JavaScript's string order (code units), the order LineIndex halves in. */
function sortedKeys(map: ReadonlyMap<string, unknown>): string[] {
  return [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The index a bundle carries, over the entries the engine listed again from its playbooks. Its
 * lists stay packed until a query asks for one (packed-lists.ts). Anything that does not add up
 * (a part cut short, a posting past the last entry, another number of entries) is a
 * PrecompiledError saying what, never a wrong answer: the stream's shape at once, a list's items
 * when it is read, and everything with `whole` (what an import checks).
 */
export function decodeSearchIndex<Entry>(compiled: PrecompiledSearch, entries: Entry[], whole = false): SearchIndexData<Entry> {
  if (compiled.entries !== entries.length) throw new PrecompiledError(`${WHAT} is over ${compiled.entries} entries, but the playbooks have ${entries.length}`);
  const sorted = compiled.sorted === true;
  const framed = compiled.framed === true;
  const features = new LineIndex(compiled.features, sorted);
  const lengthBytes = base64ToBytes(compiled.lengthFactor, `${WHAT}'s length factors`);
  if (lengthBytes.length !== entries.length * 4) throw new PrecompiledError(`${WHAT}'s length factors are cut short: ${Math.floor(lengthBytes.length / 4)} for ${entries.length} entries`);
  const lengthFactor = new Float32Array(lengthBytes.buffer, lengthBytes.byteOffset, entries.length);
  const base = Math.max(1, compiled.weights.length);
  const weightOf = Float32Array.from(compiled.weights);
  const postings = new PackedLists(features, base64ToBytes(compiled.postings, `${WHAT}'s postings`), `${WHAT}'s postings`, framed, (stream, end, feature) => {
    const entryList: number[] = [];
    const weightList: number[] = [];
    let entry = 0;
    while (stream.at < end) {
      const value = stream.read();
      const code = value % base;
      entry += (value - code) / base;
      if (entry >= entries.length || code >= compiled.weights.length) throw new PrecompiledError(`${WHAT} is damaged: "${feature}" points past the last entry or weight`);
      entryList.push(entry);
      weightList.push(weightOf[code]!);
    }
    return { entries: Int32Array.from(entryList), weights: Float32Array.from(weightList) };
  });
  const words = lines(compiled.words);
  const soundFeatures = new VarintReader(base64ToBytes(compiled.sounds, `${WHAT}'s sounds`), `${WHAT}'s sounds`);
  const cohesionBytes = base64ToBytes(compiled.cohesions, `${WHAT}'s cohesions`);
  if (cohesionBytes.length % 8 !== 0) throw new PrecompiledError(`${WHAT}'s cohesions are cut short`);
  const cohesions = new Float64Array(cohesionBytes.buffer, cohesionBytes.byteOffset, cohesionBytes.length / 8);
  // Each sound's feature number now (the stream's shape is checked at once); the sound itself is
  // made when a list that names it is read: making all seven thousand was about 2 ms of a
  // restarted worker's first search, which reads a few dozen.
  const soundFeature = new Int32Array(cohesions.length);
  for (let at = 0; at < cohesions.length; at++) {
    const feature = soundFeatures.read();
    if (feature >= features.count) throw new PrecompiledError(`${WHAT} is damaged: a sound names no feature`);
    soundFeature[at] = feature;
  }
  if (!soundFeatures.done) throw new PrecompiledError(`${WHAT} is damaged: ${cohesions.length} cohesions for more sounds`);
  const sounds: (SoundAlike | undefined)[] = new Array(cohesions.length);
  const soundAt = (at: number): SoundAlike | undefined => {
    if (!(at < cohesions.length)) return undefined;
    return (sounds[at] ??= { bigram: features.line(soundFeature[at]!), cohesion: cohesions[at]! });
  };
  const wordTrigrams = decodeLists(compiled.wordTrigrams, (at) => words[at], 'word trigrams', sorted, framed);
  const pinyinBigrams = decodeLists(compiled.pinyinBigrams, soundAt, 'pinyin', sorted, framed);
  const initialsBigrams = decodeLists(compiled.initialsBigrams, soundAt, 'initials', sorted, framed);
  if (whole) {
    if (sorted && ![features, ...[compiled.wordTrigrams, compiled.pinyinBigrams, compiled.initialsBigrams].map((lists) => new LineIndex(lists.keys))].every((keys) => keys.isSorted())) {
      throw new PrecompiledError(`${WHAT} is damaged: its keys are said to be sorted and are not`);
    }
    for (const lists of [postings, wordTrigrams, pinyinBigrams, initialsBigrams]) lists.readAll();
  }
  return { entries, postings, lengthFactor, words, wordTrigrams, pinyinBigrams, initialsBigrams };
}

function lines(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}

function base64Of(values: Float32Array | Float64Array): string {
  return bytesToBase64(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

/** A map of key → list as its keys, sorted, one a line, and a varint stream of each list's items' numbers after its length in bytes. */
function encodeLists<T>(map: ReadonlyMap<string, T[]>, numberOf: (item: T) => number): { keys: string; lists: string } {
  const stream = new VarintWriter();
  const keys = sortedKeys(map);
  for (const key of keys) stream.framed((list) => {
    for (const item of map.get(key)!) list.write(numberOf(item));
  });
  return { keys: keys.join('\n'), lists: stream.base64() };
}

/** `itemAt`: the item a list names by its number, undefined past the last. */
function decodeLists<T>(compiled: { keys: string; lists: string }, itemAt: (at: number) => T | undefined, what: string, sorted: boolean, framed: boolean): PackedLists<T[]> {
  const where = `${WHAT}'s ${what}`;
  return new PackedLists(new LineIndex(compiled.keys, sorted), base64ToBytes(compiled.lists, where), where, framed, (stream, end, key) => {
    const list: T[] = [];
    while (stream.at < end) {
      const item = itemAt(stream.read());
      if (item === undefined) throw new PrecompiledError(`${where} are damaged: "${key}" names an item past the last`);
      list.push(item);
    }
    return list;
  });
}
