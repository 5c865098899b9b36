// Closer's search beside two well-kept search libraries over the same entries (a plain tsx
// script, run by `npm run bench`): MiniSearch and FlexSearch, each given the same fields (title,
// text, keywords), the same pinyin fields (full pinyin and initials of every Chinese bigram) and a
// CJK bigram tokenizer. Printed for each: index build time, query p50/p95, heap, serialized
// size, and hit@3 / MRR on the held-out queries (test/fixtures/eval/search.tsv, default
// playbooks) and hit@3 on the second and third held-out sets (search-fresh*.tsv), with the ratios
// to Closer.
// Printed, never asserted.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { pinyin } from 'pinyin-pro';
import { allTexts, buildSearchIndex, normalizeText, searchEntries, searchIndex, searchPlaybooks, type SearchEntry } from '@closer/shared';
import { defaultBundle, evaluateSearch, readSearchSet, SEARCH_EVAL, SEARCH_FRESH, SEARCH_FRESH2 } from '../eval/evaluate.ts';
import { generatedBundle } from './_generated-bundle.ts';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const heapUsed = (): number => (collectGarbage(), process.memoryUsage().heapUsed);
const percentile = (sorted: number[], share: number): number => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
const fixed = (value: number): string => value.toFixed(2).padStart(8);

const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
/** Chinese characters and bigrams, English words: the tokenizer both peers get. */
function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  const tokens: string[] = [];
  for (const [run] of normalized.matchAll(CJK_RUN)) {
    for (let i = 0; i < run.length; i++) {
      tokens.push(run[i]!);
      if (i + 1 < run.length) tokens.push(run.slice(i, i + 2));
    }
  }
  for (const [word] of normalized.matchAll(/[a-z0-9]+/g)) tokens.push(word);
  return tokens;
}

/** The same pinyin fields for both peers: every Chinese bigram as full pinyin ("jiage") and initials ("jg"). */
function pinyinFields(text: string): { full: string; initials: string } {
  const full: string[] = [];
  const initials: string[] = [];
  for (const [run] of normalizeText(text).matchAll(CJK_RUN)) {
    const syllables = pinyin(run, { toneType: 'none', type: 'array' });
    for (let i = 0; i + 1 < syllables.length; i++) {
      full.push(syllables[i]! + syllables[i + 1]!);
      initials.push(syllables[i]![0]! + syllables[i + 1]![0]!);
    }
  }
  return { full: full.join(' '), initials: initials.join(' ') };
}

interface Document {
  id: number;
  title: string;
  text: string;
  keywords: string;
  full: string;
  initials: string;
}

function documentsOf(entries: SearchEntry[]): Document[] {
  return entries.map((entry, id) => {
    const title = allTexts(entry.title).join(' ');
    const text = allTexts(entry.text).join(' ');
    const keywords = (entry.keywords ?? []).join(' ');
    return { id, title, text, keywords, ...pinyinFields(`${title} ${text} ${keywords}`) };
  });
}

interface Peer {
  name: string;
  build(entries: SearchEntry[]): { search(query: string): number[]; serialized(): Promise<number> };
}

const FIELDS = ['title', 'text', 'keywords', 'full', 'initials'] as const;

const peers: Peer[] = [
  {
    name: 'Closer',
    build(entries) {
      const index = buildSearchIndex(entries);
      const positions = new Map(entries.map((entry, at) => [`${entry.kind}:${entry.id}`, at]));
      return {
        search: (query) => searchIndex(index, query, { limit: 10 }).map((result) => positions.get(`${result.kind}:${result.id}`) ?? -1),
        serialized: async () => JSON.stringify([...index.postings].map(([feature, list]) => [feature, [...list.entries], [...list.weights]])).length,
      };
    },
  },
  {
    name: 'MiniSearch',
    build(entries) {
      const documents = documentsOf(entries);
      const index = new MiniSearch<Document>({ fields: [...FIELDS], tokenize, searchOptions: { tokenize, boost: { title: 2 }, fuzzy: 0.2, prefix: true } });
      index.addAll(documents);
      return { search: (query) => index.search(query).slice(0, 10).map((result) => result.id as number), serialized: async () => JSON.stringify(index).length };
    },
  },
  {
    name: 'FlexSearch',
    build(entries) {
      const documents = documentsOf(entries);
      const index = new FlexSearch.Index({ encode: tokenize, tokenize: 'strict', resolution: 9 });
      for (const document of documents) index.add(document.id, FIELDS.map((field) => document[field]).join(' '));
      return {
        search: (query) => index.search(query, { limit: 10, suggest: true }) as number[],
        serialized: async () => {
          let size = 0;
          await index.export((key: string, value: unknown) => void (size += String(key).length + JSON.stringify(value ?? null).length));
          return size;
        },
      };
    },
  },
];

const [load] = (await import('node:os')).loadavg();
const base = await defaultBundle();
const big = generatedBundle(base, 10_000);
const queries = readSearchSet(SEARCH_EVAL);
// The second and third held-out sets, written after Closer's search was tuned: their hit@3 beside, figures only.
const fresh = [...readSearchSet(SEARCH_FRESH), ...readSearchSet(SEARCH_FRESH2)];
console.log(`Search beside MiniSearch and FlexSearch (load average ${load!.toFixed(1)}); relevance on ${queries.length} held-out queries over the default playbooks, speed over ${searchEntries(big).length} entries\n`);
console.log(`engine        build ms     heap MB   serialized KB   p50 ms     p95 ms    hit@3    MRR   hit@3 on the ${fresh.length} queries of the second and third held-out sets`);
const rows: { name: string; build: number; p50: number; p95: number; hit: number; mrr: number; freshHit: number }[] = [];
for (const peer of peers) {
  // Relevance over the default playbooks' entries (what a new hire searches).
  const small = searchEntries(base);
  const relevanceIndex = peer.build(small);
  const search = peer.name === 'Closer'
    ? (query: string) => searchPlaybooks(query, base, { limit: 10 })
    : (query: string) => relevanceIndex.search(query).map((at) => ({ category: small[at]?.category ?? '' }));
  const relevance = evaluateSearch(search, queries);
  const freshHit = evaluateSearch(search, fresh).hitAt3;
  // Speed and size over 10,000+ entries.
  const entries = searchEntries(big);
  const heapBefore = heapUsed();
  const started = performance.now();
  const index = peer.build(entries);
  const build = performance.now() - started;
  const heap = (heapUsed() - heapBefore) / 1048576;
  for (const { query } of queries) index.search(query);
  const samples: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const { query } of queries) {
      const start = performance.now();
      index.search(query);
      samples.push(performance.now() - start);
    }
  }
  samples.sort((a, b) => a - b);
  const serialized = (await index.serialized()) / 1024;
  const row = { name: peer.name, build, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), hit: relevance.hitAt3, mrr: relevance.mrr, freshHit };
  rows.push(row);
  // A collection during the build makes the heap figure meaningless: say so rather than print it.
  const heapText = heap >= 0 ? fixed(heap) : '     n/a';
  console.log(`${peer.name.padEnd(12)} ${fixed(build)}   ${heapText}   ${fixed(serialized)}   ${fixed(row.p50)}   ${fixed(row.p95)}   ${(row.hit * 100).toFixed(1).padStart(5)}%  ${row.mrr.toFixed(3)}   ${(row.freshHit * 100).toFixed(1).padStart(5)}%`);
}
const closer = rows[0]!;
for (const peer of rows.slice(1)) {
  console.log(
    `Closer vs ${peer.name}: query p95 ratio (${peer.name} / Closer) ×${(peer.p95 / closer.p95).toFixed(2)}, hit@3 ${((closer.hit - peer.hit) * 100).toFixed(1)} points (second and third sets ${((closer.freshHit - peer.freshHit) * 100).toFixed(1)}), build time ratio (Closer / ${peer.name}) ×${(closer.build / peer.build).toFixed(2)}   (goal: ratio above 1 and points above 0)`,
  );
}
