// Search for new hires over replies, principles, stories, steps and guides: an inverted index of
// Chinese character n-grams, their pinyin (full and initials), English stems and typo trigrams.
import type { Bundle } from '../playbook/bundle.ts';
import { allTexts, localText } from '../playbook/local-text.ts';
import { GOLDEN_STEPS, INTENTS, type Language } from '../playbook/ids.ts';
import type { LocalText, Playbook } from '../playbook/schema.ts';
import { storyText } from '../playbook/story-text.ts';
import { classifyMessage, prepareMessage } from './classify.ts';
import { GOLDEN_STEP_OF_INTENT } from './golden-transitions.ts';
import { pinyinOf } from './pinyin-features.ts';
import { bigramReadings } from './pinyin-readings.ts';
import { termCategories } from './search-terms.ts';
import { CJK, normalizeText, stemWord } from './text.ts';
import { PrecompiledError, precompiledPart } from '../playbook/precompiled.ts';
import { decodeSearchIndex, type SearchIndexData, type SoundAlike } from './search-index.ts';

export type SearchKind = 'reply' | 'principle' | 'story' | 'step' | 'guide';

/** One searchable item: both language versions of its title and text are indexed. */
export interface SearchEntry {
  id: string;
  kind: SearchKind;
  title: LocalText;
  text: LocalText;
  /** An intent id, a step id, or `story` (DESIGN.md). */
  category: string;
  /** More words that find the entry but are not shown: trigger keywords, tags. */
  keywords?: string[];
  /** The sequence and step the entry belongs to, when it belongs to one. */
  sequence?: string;
  step?: string;
  playbook: string;
  file: string;
  line: number;
}

export interface SearchResult {
  id: string;
  title: string;
  text: string;
  category: string;
  score: number;
  kind: SearchKind;
  /** The sequence and step the script comes from, when it comes from one. */
  sequence?: string;
  step?: string;
  playbook: string;
  file: string;
  line: number;
}

export interface SearchOptions {
  /** How many results (default 10). */
  limit?: number;
  /** The language of titles and texts returned; by default the query's. */
  language?: Language;
}


/** Every searchable item of a bundle, in playbook order. */
export function searchEntries(bundle: Bundle): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const { file, playbook, lines } of bundle.playbooks) {
    const at = (id: string): number => lines[id] ?? 1;
    // Each entry is written out in full: spreading one shared object of the playbook and file
    // into every entry made each about 14 times slower to create (600 ms over 100,000 replies in
    // Node, 40 ms written out), and a cold start lists them all before its first search.
    const stepOfReply = new Map<string, { category: string; sequence: string; step: string }>();
    for (const sequence of playbook.sequences ?? []) {
      for (const step of sequence.steps) {
        // A step of another sequence is filed under the golden step or intent it serves.
        const category = sequence.id === 'golden' ? step.id : step.serves ?? step.id;
        entries.push({ playbook: playbook.id, file, sequence: sequence.id, step: step.id, id: step.id, kind: 'step', title: step.title, text: joinLocal([step.goal, ...(step.questions ?? [])]), category, line: at(step.id) });
        for (const reply of step.replies ?? []) {
          entries.push({ playbook: playbook.id, file, sequence: sequence.id, step: step.id, id: reply.id, kind: 'reply', title: reply.label, text: reply.text, category, keywords: reply.tags, line: at(reply.id) });
        }
        for (const id of step.uses ?? []) if (!stepOfReply.has(id)) stepOfReply.set(id, { category, sequence: sequence.id, step: step.id });
      }
    }
    for (const objection of playbook.objections ?? []) {
      const keywords = [...(objection.triggers.keywords ?? []), ...(objection.triggers.examples ?? []), objection.intent.replace('_', ' ')];
      entries.push({ playbook: playbook.id, file, id: objection.id, kind: 'principle', title: objection.title, text: objection.principle, category: objection.intent, keywords, line: at(objection.id) });
      for (const reply of objection.replies) {
        entries.push({ playbook: playbook.id, file, id: reply.id, kind: 'reply', title: reply.label, text: reply.text, category: objection.intent, keywords: reply.tags, line: at(reply.id) });
      }
    }
    for (const reply of playbook.replies ?? []) {
      const used = stepOfReply.get(reply.id);
      entries.push({
        playbook: playbook.id,
        file,
        ...(used ? { sequence: used.sequence, step: used.step } : {}),
        id: reply.id,
        kind: 'reply',
        title: reply.label,
        text: reply.text,
        category: used?.category ?? looseCategory(reply.id, playbook),
        keywords: reply.tags,
        line: at(reply.id),
      });
    }
    for (const story of playbook.stories ?? []) {
      const text = { 'zh-CN': storyText(story, 'zh-CN'), en: storyText(story, 'en') };
      entries.push({ playbook: playbook.id, file, id: story.id, kind: 'story', title: story.title, text, category: 'story', keywords: ['story', ...(story.tags ?? [])], line: at(story.id) });
    }
    for (const guide of playbook.guides ?? []) {
      entries.push({ playbook: playbook.id, file, id: guide.id, kind: 'guide', title: guide.title, text: guide.text, category: looseCategory(guide.id, playbook), line: at(guide.id) });
    }
  }
  return entries;
}

function joinLocal(values: LocalText[]): LocalText {
  const zh = values.map((value) => localText(value, 'zh-CN')).join('\n');
  const en = values.map((value) => (typeof value === 'string' ? value : value.en ?? value['zh-CN'])).join('\n');
  return { 'zh-CN': zh, en };
}

const CATEGORY_HINTS = ['story', ...GOLDEN_STEPS, ...INTENTS.filter((intent) => intent !== 'other')];

/**
 * The category of an item that belongs to no objection or step (a guide, a playbook-level reply):
 * the category its id names ("story-template"), else the playbook's own subject (its stories, or
 * its only objection's intent), else `other`.
 */
function looseCategory(id: string, playbook: Playbook): string {
  const named = CATEGORY_HINTS.find((category) => id.includes(category) || id.includes(category.replace('_', '-')));
  if (named) return named;
  if ((playbook.stories?.length ?? 0) > 0) return 'story';
  if (playbook.objections?.length === 1) return playbook.objections[0]!.intent;
  return 'other';
}

const TITLE = 2;
const TEXT = 1;
const UNIGRAM = 0.3;
const PINYIN = 0.8;
const INITIALS = 0.35;
const PREFIX = 0.5;
const TYPO = 0.6;


const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const WORD = /[a-z0-9]+/g;

/**
 * The features of one field: Chinese characters and bigrams, English stems. Pinyin and typos
 * are not indexed per entry: a query reaches them through the (much smaller) vocabulary.
 */
function addFeatures(text: string, weight: number, add: (feature: string, value: number) => void): void {
  for (const [run] of text.matchAll(CJK_RUN)) {
    for (let i = 0; i < run.length; i++) {
      add(run[i]!, UNIGRAM * weight);
      if (i + 1 < run.length) add(run.slice(i, i + 2), weight);
    }
  }
  for (const [word] of text.matchAll(WORD)) add('w:' + stemWord(word), weight);
}

/** The index search scores over; its fields and its compact form are in search-index.ts. */
export type SearchIndex = SearchIndexData<SearchEntry>;

const indexCache = new WeakMap<Bundle, SearchIndex>();

/**
 * The search index of a bundle, once per bundle object: read from its precompiled part when it has
 * one this Closer reads (search-index.ts), else built. A part that does not add up is rebuilt
 * rather than trusted; an import has refused such a bundle already (checkPrecompiled).
 */
export function searchIndexOf(bundle: Bundle): SearchIndex {
  let index = indexCache.get(bundle);
  if (!index) {
    const entries = searchEntries(bundle);
    indexCache.set(bundle, (index = readSearchIndex(bundle, entries) ?? buildSearchIndex(entries)));
  }
  return index;
}

/** The bundle's precompiled search index over `entries`; undefined when it has none; throws PrecompiledError when it is damaged and `strict`. */
export function readSearchIndex(bundle: Bundle, entries: SearchEntry[], strict = false): SearchIndex | undefined {
  const compiled = precompiledPart(bundle, 'search');
  if (!compiled) return undefined;
  try {
    return decodeSearchIndex(compiled, entries, strict);
  } catch (error) {
    if (strict || !(error instanceof PrecompiledError)) throw error;
    return undefined;
  }
}

export function buildSearchIndex(entries: SearchEntry[]): SearchIndex {
  const lists = new Map<string, { entries: number[]; weights: number[] }>();
  const lengthFactor = new Float32Array(entries.length);
  let position = 0;
  // One map lookup per feature occurrence: a list's last entry is the current one when it was already added.
  const add = (feature: string, value: number): void => {
    let list = lists.get(feature);
    if (!list) lists.set(feature, (list = { entries: [], weights: [] }));
    const last = list.entries.length - 1;
    if (last >= 0 && list.entries[last] === position) {
      if (list.weights[last]! < value) list.weights[last] = value;
    } else {
      list.entries.push(position);
      list.weights.push(value);
    }
  };
  for (; position < entries.length; position++) {
    const entry = entries[position]!;
    for (const title of allTexts(entry.title)) addFeatures(normalizeText(title), TITLE, add);
    let length = 0;
    for (const text of allTexts(entry.text)) {
      const normalized = normalizeText(text);
      length = Math.max(length, normalized.length);
      addFeatures(normalized, TEXT, add);
    }
    for (const keyword of entry.keywords ?? []) addFeatures(normalizeText(keyword), TEXT, add);
    lengthFactor[position] = 1 / (1 + 0.15 * Math.log1p(length / 60));
  }
  const postings = new Map<string, { entries: Int32Array; weights: Float32Array }>();
  const words: string[] = [];
  const wordTrigrams = new Map<string, string[]>();
  const pinyinBigrams = new Map<string, SoundAlike[]>();
  const initialsBigrams = new Map<string, SoundAlike[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const [feature, list] of lists) {
    postings.set(feature, { entries: Int32Array.from(list.entries), weights: Float32Array.from(list.weights) });
    if (feature.startsWith('w:')) {
      const word = feature.slice(2);
      words.push(word);
      for (const trigram of trigramsOf(word)) push(wordTrigrams, trigram, word);
    } else if (feature.length === 2) {
      const apart = Math.min(lists.get(feature[0]!)?.entries.length ?? 1, lists.get(feature[1]!)?.entries.length ?? 1);
      const sound = { bigram: feature, cohesion: Math.min(1, list.entries.length / apart) };
      const initials = new Set<string>();
      for (const [first, second] of bigramReadings(feature)) {
        push(pinyinBigrams, first + second, sound);
        initials.add(first[0]! + second[0]!);
      }
      for (const pair of initials) push(initialsBigrams, pair, sound);
    }
  }
  words.sort();
  return { entries, postings, lengthFactor, words, wordTrigrams, pinyinBigrams, initialsBigrams };
}

function trigramsOf(word: string): string[] {
  const padded = `<${word}>`;
  const trigrams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) trigrams.push(padded.slice(i, i + 3));
  return trigrams;
}

const COMPLETIONS = 8;
const TYPO_CANDIDATES = 4;
// Initials are ambiguous ("jg": 价格, 结果, 经过…): only the most common bigrams behind them count.
const INITIALS_CANDIDATES = 12;
// Marks a bigram reached through initials: its rarity must not count, or "jg" would prefer a rare 间隔 to 价格.
// Three to six consonants: no English word or full pinyin looks so.
const INITIALS_RUN = /^[bcdfghjklmnpqrstwxyz]{3,6}$/;
const INITIALS_PREFIX = '~';

/** The query's features: characters, bigrams and words, widened through pinyin, typos and completion. */
function queryFeatures(query: string, index: SearchIndex): Map<string, number> {
  const features = new Map<string, number>();
  const add = (feature: string, value: number): void => {
    if (!index.postings.has(feature.startsWith(INITIALS_PREFIX) ? feature.slice(1) : feature)) return;
    features.set(feature, Math.max(features.get(feature) ?? 0, value));
  };
  addFeatures(query, 1, add);
  // A typo with the right sound ("价个" for 价格) is still the word.
  for (const [run] of query.matchAll(CJK_RUN)) {
    for (let i = 0; i + 1 < run.length; i++) for (const sound of index.pinyinBigrams.get(pinyinOf(run[i]!) + pinyinOf(run[i + 1]!)) ?? []) add(sound.bigram, PINYIN * sound.cohesion);
  }
  const tokens = query.match(WORD) ?? [];
  for (const [i, token] of tokens.entries()) {
    if (/\d/.test(token)) continue;
    for (const sound of index.pinyinBigrams.get(token) ?? []) add(sound.bigram, PINYIN * sound.cohesion);
    // "jia ge" typed with a space is still 价格.
    if (i + 1 < tokens.length) for (const sound of index.pinyinBigrams.get(token + tokens[i + 1]) ?? []) add(sound.bigram, PINYIN * sound.cohesion);
    if (token.length <= 4) for (const [bigram, likelihood] of likeliest(index, index.initialsBigrams.get(token) ?? [])) add(INITIALS_PREFIX + bigram, INITIALS * likelihood);
    // A run of initials ("jgt", "xsxj"), no vowel in it, is a phrase: each neighbouring pair is a word's initials.
    if (INITIALS_RUN.test(token)) {
      for (let at = 0; at + 2 <= token.length; at++) for (const [bigram, likelihood] of likeliest(index, index.initialsBigrams.get(token.slice(at, at + 2)) ?? [])) add(INITIALS_PREFIX + bigram, INITIALS * likelihood);
    }
    if (token.length >= 7) for (const sound of pinyinInside(index, token)) add(sound.bigram, PINYIN * 0.8 * sound.cohesion);
    const stem = stemWord(token);
    if (stem.length >= 4 && !index.postings.has('w:' + stem)) {
      for (const word of transposed(index, stem)) add('w:' + word, TYPO);
      for (const [word, similarity] of typoCandidates(index, stem)) add('w:' + word, TYPO * similarity);
    }
  }
  const last = tokens.at(-1);
  if (last && last.length >= 3 && /[a-z]$/.test(query)) for (const word of completions(index.words, last)) add('w:' + word, PREFIX);
  return features;
}

/** The words most likely meant by initials (cohesive and common), each with its likelihood relative to the likeliest. */
function likeliest(index: SearchIndex, sounds: SoundAlike[]): [string, number][] {
  const scored = sounds.map((sound): [string, number] => [sound.bigram, sound.cohesion * Math.sqrt(index.postings.get(sound.bigram)!.entries.length)]);
  scored.sort((a, b) => b[1] - a[1]);
  const best = scored[0]?.[1] ?? 1;
  return scored.slice(0, INITIALS_CANDIDATES).map(([bigram, likelihood]) => [bigram, likelihood / best]);
}

/** Pinyin of a longer phrase ("kaichangbai"): the bigrams whose pinyin appears inside it. */
function pinyinInside(index: SearchIndex, token: string): SoundAlike[] {
  const found: SoundAlike[] = [];
  for (let start = 0; start < token.length; start++) {
    for (let end = start + 4; end <= Math.min(token.length, start + 12); end++) found.push(...(index.pinyinBigrams.get(token.slice(start, end)) ?? []));
  }
  return found;
}

/** Indexed words that are the word with two neighbouring letters swapped ("scma" → scam), which share too few trigrams to be found so. */
function transposed(index: SearchIndex, stem: string): string[] {
  const found: string[] = [];
  for (let i = 0; i + 1 < stem.length; i++) {
    if (stem[i] === stem[i + 1]) continue;
    const swapped = stem.slice(0, i) + stem[i + 1] + stem[i] + stem.slice(i + 2);
    if (index.postings.has('w:' + swapped)) found.push(swapped);
  }
  return found;
}

/** Indexed words that share most trigrams with a word the index does not know (Dice coefficient). */
function typoCandidates(index: SearchIndex, stem: string): [string, number][] {
  const trigrams = trigramsOf(stem);
  const shared = new Map<string, number>();
  for (const trigram of trigrams) for (const word of index.wordTrigrams.get(trigram) ?? []) shared.set(word, (shared.get(word) ?? 0) + 1);
  return [...shared]
    .map(([word, count]): [string, number] => [word, (2 * count) / (trigrams.length + word.length)])
    .filter(([, similarity]) => similarity >= 0.4)
    .sort((a, b) => b[1] - a[1])
    .slice(0, TYPO_CANDIDATES);
}

/** Indexed words starting with `prefix` (binary search in the sorted vocabulary). */
function completions(words: readonly string[], prefix: string): string[] {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (words[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  const found: string[] = [];
  for (let i = low; i < words.length && found.length < COMPLETIONS && words[i]!.startsWith(prefix); i++) if (words[i] !== prefix) found.push(words[i]!);
  return found;
}

const DEFAULT_LIMIT = 10;
// Postings of features found in a large share of the entries carry little and cost the most.
const COMMON_SHARE = 0.25;
const COMMON_CHARACTER_SHARE = 0.05;

// How much an entry of the category the query itself shows is lifted, and how sure the classifier must be.
const INTENT_BOOST = 1.3;
const INTENT_SURE = 0.45;

/**
 * Search a bundle's scripts; results best first with a score 0..1. Never throws. A query that
 * quotes a customer ("客户说太贵了怎么回") is also classified like a customer message, and the
 * scripts for that intent and its golden step are lifted.
 */
export function searchPlaybooks(query: string, bundle: Bundle, options: SearchOptions = {}): SearchResult[] {
  const topic = topicOf(query);
  const boost = new Map<string, number>();
  // The method's terms name a category outright (拖延, 逼单, "trust"): its scripts are lifted and its principle or step is brought in.
  const early = preparedTerms.get(query);
  if (early) preparedTerms.delete(query);
  const anchors = early ?? termCategories(normalizeText(typeof query === 'string' ? query.slice(0, 200) : ''));
  for (const [category, weight] of anchors) boost.set(category, 1 + (INTENT_BOOST - 1) * weight);
  if (isClassified(topic)) {
    const { intents } = classifyMessage(topic, bundle);
    const top = intents[0]!;
    if (top.intent !== 'other' && top.score >= INTENT_SURE) {
      boost.set(top.intent, Math.max(boost.get(top.intent) ?? 1, INTENT_BOOST));
      const step = GOLDEN_STEP_OF_INTENT[top.intent];
      if (step) boost.set(step, Math.max(boost.get(step) ?? 1, INTENT_BOOST));
    }
  }
  try {
    return searchIndex(searchIndexOf(bundle), query, { ...options, boost, anchors });
  } catch (error) {
    if (!(error instanceof PrecompiledError)) throw error;
    // A list this query read from the precompiled index was damaged (lists are read as asked): built afresh instead.
    const built = buildSearchIndex(searchEntries(bundle));
    indexCache.set(bundle, built);
    return searchIndex(built, query, { ...options, boost, anchors });
  }
}

/** The query without its framing, which is classified like a customer message when it reads as one. */
function topicOf(query: string): string {
  return withoutFraming(normalizeText(typeof query === 'string' ? query.slice(0, 200) : ''));
}

function isClassified(topic: string): boolean {
  return topic !== '' && (CJK.test(topic) || topic.includes(' '));
}

// Queries whose method terms were found before their bundle was there (prepareQuery), each taken once.
const preparedTerms = new Map<string, Map<string, number>>();

/** What searching needs of the query alone (its method terms; classify.ts prepareMessage), for a worker still waiting for its bundle. */
export function prepareQuery(query: string): void {
  if (typeof query !== 'string' || preparedTerms.has(query)) return;
  preparedTerms.set(query, termCategories(normalizeText(query.slice(0, 200))));
  if (preparedTerms.size > 4) preparedTerms.delete(preparedTerms.keys().next().value!);
  const topic = topicOf(query);
  if (isClassified(topic)) prepareMessage(topic);
}

// How a new hire frames a question, which is not its topic: "客户说…怎么办", "what to say when…".
const FRAMING = [
  /(?:我的|有个|有位|有的)?客户(?:一直|总是|老是|突然|又|就)?(?:说|问|讲|回|表示|嫌|觉得)?/g,
  /(?:该|要|应该|我)?(?:怎么办|怎么回复?|怎么应对|怎么处理|怎么说|怎么跟进?|怎么聊|怎样回|如何回复?|如何应对|如何处理|怎么破|咋办|咋回)/g,
  /(?:话术|的话术|回复话术)$/g,
  /\b(?:how (?:do|should|can) i (?:answer|reply|respond|handle|deal with)|how to (?:answer|reply|respond|handle|deal with)|what (?:do i|should i|to) (?:say|reply|answer)(?: when| if| to)?|what to do (?:when|if)|the customer (?:says|said|asks|is)|customer (?:says|said|asks)|when (?:a |the )?customer (?:says|said|asks|is))\b/g,
];

/** The query without the words that frame it; the query itself when nothing else is left. */
export function withoutFraming(normalized: string): string {
  let topic = normalized;
  for (const pattern of FRAMING) topic = topic.replace(pattern, ' ');
  topic = topic.replace(/[\s,，。.!！?？:："“”]+/g, ' ').trim();
  return topic.length > 0 ? topic : normalized;
}

export function searchIndex(index: SearchIndex, query: string, options: SearchOptions & { boost?: ReadonlyMap<string, number>; anchors?: ReadonlyMap<string, number> } = {}): SearchResult[] {
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
  const normalized = withoutFraming(normalizeText(typeof query === 'string' ? query.slice(0, 200) : ''));
  if (!normalized || limit === 0) return [];
  const features = queryFeatures(normalized, index);
  const count = index.entries.length;
  const scores = new Float32Array(count);
  const touched: number[] = [];
  let best = 0;
  const ranked = [...features].map(([feature, weight]) => {
    const flat = feature.startsWith(INITIALS_PREFIX);
    return { feature: flat ? feature.slice(1) : feature, weight, flat, list: index.postings.get(flat ? feature.slice(1) : feature)! };
  });
  const distinctive = ranked.some((item) => item.list.entries.length <= count * COMMON_SHARE);
  const singleChar = normalized.replace(/\s/g, '').length === 1;
  for (const { feature, weight, flat, list } of ranked) {
    const frequency = list.entries.length;
    // A character is weak evidence and common ones have the longest lists: with anything better, common characters are left out.
    if (distinctive && feature.length === 1 && !singleChar && frequency > Math.max(200, count * COMMON_CHARACTER_SHARE)) continue;
    const idf = flat ? 1 : Math.log(1 + count / frequency);
    // A one-character query has no bigram: its character must carry it alone.
    const value = weight * idf * (singleChar && feature.length === 1 ? 1 / UNIGRAM : 1);
    best += value * TITLE;
    const { entries, weights } = list;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      if (scores[entry] === 0) touched.push(entry);
      scores[entry] = scores[entry]! + value * weights[i]!;
    }
  }
  if (options.boost && options.boost.size > 0) {
    for (const position of touched) scores[position] = scores[position]! * (options.boost.get(index.entries[position]!.category) ?? 1);
  }
  if (options.anchors && options.anchors.size > 0) best = addAnchors(index, options.anchors, scores, touched, best);
  if (touched.length === 0) return [];
  const pool = topEntries(touched, scores, index.lengthFactor, Math.max(limit, NAMED_POOL));
  const top = (options.anchors && options.anchors.size > 1 ? withEachNamed(pool, options.anchors, index) : pool).slice(0, limit);
  const language = options.language ?? (CJK.test(normalized) || !hasEnglishWord(features) ? 'zh-CN' : 'en');
  return top.map(([position, score]) => {
    const entry = index.entries[position]!;
    return {
      id: entry.id,
      title: localText(entry.title, language),
      text: localText(entry.text, language),
      category: entry.category,
      score: Math.round(Math.min(1, score / best) * 1000) / 1000,
      kind: entry.kind,
      ...(entry.sequence ? { sequence: entry.sequence, step: entry.step } : {}),
      playbook: entry.playbook,
      file: entry.file,
      line: entry.line,
    };
  });
}

/** How many entries are ranked before the first three are made to show each named category. */
const NAMED_POOL = 12;
const FIRST = 3;

/**
 * The ranking with the best entry of each category the query's terms name (up to three, the most
 * named first) among the first three: a term such as 没声 names both the hesitation and the push,
 * and three scripts of one of them hid the other. An entry of a category already shown twice
 * there makes room and comes fourth; the best entry stays first, and scores still fall down the list.
 */
function withEachNamed(ranked: [number, number][], named: ReadonlyMap<string, number>, index: SearchIndex): [number, number][] {
  const result = [...ranked];
  const categoryAt = (at: number) => index.entries[result[at]![0]]!.category;
  const wanted = [...named].sort((a, b) => b[1] - a[1]).slice(0, FIRST).map(([category]) => category);
  for (const category of wanted) {
    const head = Math.min(FIRST, result.length);
    let shown = false;
    for (let at = 0; at < head; at++) if (categoryAt(at) === category) shown = true;
    if (shown) continue;
    let found = -1;
    for (let at = head; at < result.length && found === -1; at++) if (categoryAt(at) === category) found = at;
    if (found === -1) continue;
    let room = -1;
    for (let at = head - 1; at > 0 && room === -1; at--) {
      let same = 0;
      for (let other = 0; other < head; other++) if (categoryAt(other) === categoryAt(at)) same++;
      if (same > 1) room = at;
    }
    if (room === -1) break;
    // The entry moved up takes the place of the repeated one, which comes just after the first three.
    const [moved] = result.splice(found, 1);
    const [repeated] = result.splice(room, 1, moved!);
    result.splice(head, 0, repeated!);
  }
  // Scores still fall down the list: each is at most the one before it.
  for (let at = 1; at < result.length; at++) if (result[at]![1] > result[at - 1]![1]) result[at] = [result[at]![0], result[at - 1]![1]];
  return result;
}

// Where a category's own principle, step or story goes when the query names the category, as
// ranked (after each entry's length factor): just under the best match when that match says much
// of what the query says (a script with the query's own words stays first), and a little past it
// when it matched only a part ("lead" in a lead magnet's text does not outrank the method's answer
// to a stalling lead). A long principle used to fall below every match through its length factor.
const UNDER_BEST = 0.99;
const PAST_BEST = 1.05;
/** The share of a perfect title match's score from which a match says what the query says. */
const SAYS_QUERY = 0.5;
const anchorCache = new WeakMap<SearchIndex, Map<string, number[]>>();

/** Per category, the entries that stand for it: an intent's principles, a golden step, the stories. */
function anchorEntries(index: SearchIndex): Map<string, number[]> {
  let anchors = anchorCache.get(index);
  if (anchors) return anchors;
  anchors = new Map();
  index.entries.forEach((entry, position) => {
    const stands = entry.kind === 'principle' || entry.kind === 'story' || (entry.kind === 'step' && (entry.sequence === 'golden' || entry.category !== entry.step));
    if (!stands) return;
    const list = anchors!.get(entry.category);
    if (list) list.push(position);
    else anchors!.set(entry.category, [position]);
  });
  anchorCache.set(index, anchors);
  return anchors;
}

/**
 * Brings in the entries that stand for the categories the query names, even when none of its words
 * is in them (a team's playbook may say 再考虑 where the new hire types 拖延); returns the new best.
 */
function addAnchors(index: SearchIndex, named: ReadonlyMap<string, number>, scores: Float32Array, touched: number[], best: number): number {
  let top = 0;
  let second = 0;
  let topScore = 0;
  for (const position of touched) {
    const ranked = scores[position]! * index.lengthFactor[position]!;
    if (ranked > top) [second, top, topScore] = [top, ranked, scores[position]!];
    else if (ranked > second) second = ranked;
  }
  const base = top > 0 ? top : 1;
  // Under the best match means above the next one too: halfway between them, or just under the best.
  const place = best > 0 && topScore >= best * SAYS_QUERY ? Math.max(UNDER_BEST, (1 + second / base) / 2) : PAST_BEST;
  const entries = anchorEntries(index);
  for (const [category, weight] of named) {
    for (const position of entries.get(category) ?? []) {
      if (scores[position] === 0) touched.push(position);
      // Less for a category the term names second.
      scores[position] = Math.max(scores[position]!, (base * place * weight) / (index.lengthFactor[position]! || 1));
    }
  }
  return best > 0 ? best : base * 2;
}

/** Whether a Latin query matched English words (else it was pinyin, and the answer is Chinese). */
function hasEnglishWord(features: Map<string, number>): boolean {
  for (const feature of features.keys()) if (feature.startsWith('w:')) return true;
  return false;
}

/** The `limit` best entries without sorting every touched one. */
function topEntries(touched: number[], scores: Float32Array, lengthFactor: Float32Array, limit: number): [number, number][] {
  const top: [number, number][] = [];
  for (const position of touched) {
    const score = scores[position]! * lengthFactor[position]!;
    if (top.length === limit && score <= top[limit - 1]![1]) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]![1] < score) at--;
    top.splice(at, 0, [position, score]);
    if (top.length > limit) top.pop();
  }
  return top;
}
