// Search for new hires over replies, principles, stories, steps and guides: an inverted index of
// Chinese character n-grams, their pinyin (full and initials), English stems and typo trigrams.
import { pinyin } from 'pinyin-pro';
import type { Bundle } from './bundle.ts';
import { allTexts, localText } from './local-text.ts';
import type { Language, LocalText } from './schema.ts';
import { storyText } from './suggest.ts';
import { CJK, normalizeText, stemWord } from './text.ts';

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

export interface SearchIndex {
  entries: SearchEntry[];
  postings: Map<string, { entries: Int32Array; weights: Float32Array }>;
  /** Per entry: a mild length penalty, so a short script that matches beats a long guide that mentions it. */
  lengthFactor: Float32Array;
}

/** Every searchable item of a bundle, in playbook order. */
export function searchEntries(bundle: Bundle): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const { file, playbook, lines } of bundle.playbooks) {
    const at = (id: string): number => lines[id] ?? 1;
    const base = { playbook: playbook.id, file };
    const stepOfReply = new Map<string, string>();
    for (const sequence of playbook.sequences ?? []) {
      for (const step of sequence.steps) {
        entries.push({ ...base, id: step.id, kind: 'step', title: step.title, text: joinLocal([step.goal, ...(step.questions ?? [])]), category: step.id, line: at(step.id) });
        for (const reply of step.replies ?? []) {
          entries.push({ ...base, id: reply.id, kind: 'reply', title: reply.label, text: reply.text, category: step.id, keywords: reply.tags, line: at(reply.id) });
        }
        for (const id of step.uses ?? []) if (!stepOfReply.has(id)) stepOfReply.set(id, step.id);
      }
    }
    for (const objection of playbook.objections ?? []) {
      const keywords = [...(objection.triggers.keywords ?? []), objection.intent.replace('_', ' ')];
      entries.push({ ...base, id: objection.id, kind: 'principle', title: objection.title, text: objection.principle, category: objection.intent, keywords, line: at(objection.id) });
      for (const reply of objection.replies) {
        entries.push({ ...base, id: reply.id, kind: 'reply', title: reply.label, text: reply.text, category: objection.intent, keywords: reply.tags, line: at(reply.id) });
      }
    }
    for (const reply of playbook.replies ?? []) {
      entries.push({ ...base, id: reply.id, kind: 'reply', title: reply.label, text: reply.text, category: stepOfReply.get(reply.id) ?? 'other', keywords: reply.tags, line: at(reply.id) });
    }
    for (const story of playbook.stories ?? []) {
      const text = { 'zh-CN': storyText(story, 'zh-CN'), en: storyText(story, 'en') };
      entries.push({ ...base, id: story.id, kind: 'story', title: story.title, text, category: 'story', keywords: ['story', ...(story.tags ?? [])], line: at(story.id) });
    }
    for (const guide of playbook.guides ?? []) {
      entries.push({ ...base, id: guide.id, kind: 'guide', title: guide.title, text: guide.text, category: guideCategory(guide.id), line: at(guide.id) });
    }
  }
  return entries;
}

function joinLocal(values: LocalText[]): LocalText {
  const zh = values.map((value) => localText(value, 'zh-CN')).join('\n');
  const en = values.map((value) => (typeof value === 'string' ? value : value.en ?? value['zh-CN'])).join('\n');
  return { 'zh-CN': zh, en };
}

// A guide is filed under the story or step its id names ("story-snowball"), else under `other`.
const GUIDE_CATEGORIES = ['story', 'icebreak', 'introduce', 'consider', 'ask_close', 'resolve_doubt', 'push_close', 'price', 'comparison', 'hesitation', 'doubt', 'buy_signal'];
function guideCategory(id: string): string {
  return GUIDE_CATEGORIES.find((category) => id.includes(category) || id.includes(category.replace('_', '-'))) ?? 'other';
}

const TITLE = 2;
const TEXT = 1;
const UNIGRAM = 0.3;
const PINYIN = 0.8;
const INITIALS = 0.35;
const PREFIX = 0.5;
const TYPO_GRAM = 0.3;

const pinyinCache = new Map<string, string>();
/** The toneless pinyin of one character, cached: indexing 10,000 entries must not re-run the converter per character. */
function pinyinOf(char: string): string {
  let value = pinyinCache.get(char);
  if (value === undefined) {
    value = pinyin(char, { toneType: 'none' }).replace(/ü/g, 'v');
    pinyinCache.set(char, value);
  }
  return value;
}

const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const WORD = /[a-z0-9]+/g;

/** The features of one field. Chinese: characters, bigrams and their pinyin; English: stems, prefixes, trigrams. */
function addFeatures(text: string, weight: number, add: (feature: string, value: number) => void): void {
  for (const [run] of text.matchAll(CJK_RUN)) {
    const syllables = [...run].map(pinyinOf);
    for (let i = 0; i < run.length; i++) {
      add(run[i]!, UNIGRAM * weight);
      if (i + 1 < run.length) {
        add(run.slice(i, i + 2), weight);
        add('p:' + syllables[i]! + syllables[i + 1]!, PINYIN * weight);
        add('i:' + syllables[i]![0]! + syllables[i + 1]![0]!, INITIALS * weight);
      }
      if (i + 2 < run.length) {
        add('p:' + syllables[i]! + syllables[i + 1]! + syllables[i + 2]!, PINYIN * weight);
        add('i:' + syllables[i]![0]! + syllables[i + 1]![0]! + syllables[i + 2]![0]!, INITIALS * weight);
      }
    }
  }
  for (const [word] of text.matchAll(WORD)) {
    const stem = stemWord(word);
    add('w:' + stem, weight);
    for (let end = 3; end < stem.length; end++) add('x:' + stem.slice(0, end), PREFIX * weight * (end / stem.length));
    if (stem.length >= 4) {
      const padded = `<${stem}>`;
      for (let i = 0; i + 3 <= padded.length; i++) add('t:' + padded.slice(i, i + 3), TYPO_GRAM * weight);
    }
  }
}

const indexCache = new WeakMap<Bundle, SearchIndex>();

/** The search index of a bundle, built once per bundle object. */
export function searchIndexOf(bundle: Bundle): SearchIndex {
  let index = indexCache.get(bundle);
  if (!index) indexCache.set(bundle, (index = buildSearchIndex(searchEntries(bundle))));
  return index;
}

export function buildSearchIndex(entries: SearchEntry[]): SearchIndex {
  const lists = new Map<string, { entries: number[]; weights: number[] }>();
  const lengthFactor = new Float32Array(entries.length);
  entries.forEach((entry, position) => {
    const features = new Map<string, number>();
    const add = (feature: string, value: number): void => {
      features.set(feature, Math.max(features.get(feature) ?? 0, value));
    };
    for (const title of allTexts(entry.title)) addFeatures(normalizeText(title), TITLE, add);
    let length = 0;
    for (const text of allTexts(entry.text)) {
      const normalized = normalizeText(text);
      length = Math.max(length, normalized.length);
      addFeatures(normalized, TEXT, add);
    }
    for (const keyword of entry.keywords ?? []) addFeatures(normalizeText(keyword), TEXT, add);
    lengthFactor[position] = 1 / (1 + 0.15 * Math.log1p(length / 60));
    for (const [feature, weight] of features) {
      let list = lists.get(feature);
      if (!list) lists.set(feature, (list = { entries: [], weights: [] }));
      list.entries.push(position);
      list.weights.push(weight);
    }
  });
  const postings = new Map<string, { entries: Int32Array; weights: Float32Array }>();
  for (const [feature, list] of lists) postings.set(feature, { entries: Int32Array.from(list.entries), weights: Float32Array.from(list.weights) });
  return { entries, postings, lengthFactor };
}

/** Query features: the entry features, plus every Latin token read as pinyin (full or initials). */
function queryFeatures(query: string): Map<string, number> {
  const features = new Map<string, number>();
  const add = (feature: string, value: number): void => {
    features.set(feature, Math.max(features.get(feature) ?? 0, value));
  };
  addFeatures(query, 1, add);
  const tokens = query.match(WORD) ?? [];
  for (const [i, token] of tokens.entries()) {
    if (/^\d/.test(token)) continue;
    add('p:' + token, 1);
    if (token.length <= 4) add('i:' + token, 1);
    // The last word may be half typed.
    if (i === tokens.length - 1 && token.length >= 3) add('x:' + stemWord(token), 0.8);
    // "jia ge" typed with a space is still 价格.
    if (i + 1 < tokens.length) add('p:' + token + tokens[i + 1], 1);
  }
  // A 1-character Chinese query has no bigram: its unigram must carry it.
  for (const [feature, value] of features) if (feature.length === 1 && CJK.test(feature)) features.set(feature, Math.max(value, query.replace(/\s/g, '').length === 1 ? 1 : value));
  return features;
}

const DEFAULT_LIMIT = 10;
// Postings of features found in a large share of the entries carry little and cost the most.
const COMMON_SHARE = 0.25;

/** Search a bundle's scripts; results best first with a score 0..1. Never throws. */
export function searchPlaybooks(query: string, bundle: Bundle, options: SearchOptions = {}): SearchResult[] {
  return searchIndex(searchIndexOf(bundle), query, options);
}

export function searchIndex(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResult[] {
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
  const normalized = normalizeText(typeof query === 'string' ? query.slice(0, 200) : '');
  if (!normalized || limit === 0) return [];
  const features = queryFeatures(normalized);
  const count = index.entries.length;
  const scores = new Float32Array(count);
  const touched: number[] = [];
  let best = 0;
  let pinyinHits = 0;
  let wordHits = 0;
  const ranked = [...features]
    .map(([feature, weight]) => ({ feature, weight, list: index.postings.get(feature) }))
    .filter((item) => item.list !== undefined);
  const distinctive = ranked.some((item) => item.list!.entries.length <= count * COMMON_SHARE);
  for (const { feature, weight, list } of ranked) {
    const frequency = list!.entries.length;
    if (distinctive && frequency > count * COMMON_SHARE && feature.length <= 2) continue;
    const idf = Math.log(1 + count / frequency);
    best += weight * idf * TITLE;
    if (feature.startsWith('p:') || feature.startsWith('i:')) pinyinHits++;
    else if (feature.startsWith('w:') || feature.startsWith('x:')) wordHits++;
    const { entries, weights } = list!;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      if (scores[entry] === 0) touched.push(entry);
      scores[entry] = scores[entry]! + weight * idf * weights[i]!;
    }
  }
  if (touched.length === 0) return [];
  const top = topEntries(touched, scores, index.lengthFactor, limit);
  const language = options.language ?? (CJK.test(normalized) || pinyinHits > wordHits ? 'zh-CN' : 'en');
  return top.map(([position, score]) => {
    const entry = index.entries[position]!;
    return {
      id: entry.id,
      title: localText(entry.title, language),
      text: localText(entry.text, language),
      category: entry.category,
      score: Math.round(Math.min(1, score / best) * 1000) / 1000,
      kind: entry.kind,
      playbook: entry.playbook,
      file: entry.file,
      line: entry.line,
    };
  });
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
