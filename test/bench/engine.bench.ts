// Engine benchmarks (a plain tsx script, run by `npm run bench`): suggestion latency on the
// default playbooks and on a generated bundle of 10,000 replies; search latency over 10,000
// entries beside a plain fuse.js index over the same entries; relevance (hit@3) of both;
// index build time and memory. Figures are printed, never asserted.
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Fuse from 'fuse.js';
import {
  allTexts,
  buildSearchIndex,
  classifyMessage,
  loadBundle,
  searchEntries,
  searchIndex,
  suggestReplies,
  type Bundle,
  type SearchEntry,
} from '@closer/shared';
import { defaultBundle, evaluateSearch, readIntentSet, readSearchSet } from '../eval/evaluate.ts';
import { generatedBundle } from './_generated-bundle.ts';

const REPLIES = 10_000;

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

/**
 * p50/p95 wall time in ms of `run` over `inputs` (after a warm-up pass), and the mean CPU time,
 * which stays honest when other processes share the machine.
 */
function time<T>(inputs: T[], run: (input: T) => unknown, rounds = 3, warmUp = inputs.length): { p50: number; p95: number; cpu: number } {
  for (const input of inputs.slice(0, warmUp)) run(input);
  const samples: number[] = [];
  const cpuStart = process.cpuUsage();
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      const start = performance.now();
      run(input);
      samples.push(performance.now() - start);
    }
  }
  const cpu = process.cpuUsage(cpuStart).user / 1000 / samples.length;
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), cpu };
}

/** Heap growth in MB; a negative difference means a collection ran in between, so the figure is unknown. */
function megabytes(bytes: number): string {
  return bytes >= 0 ? `+${(bytes / 1048576).toFixed(1)} MB` : 'heap not measurable: a collection ran';
}

// Collect garbage before reading the heap, even when node was started without --expose-gc (npm run bench).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapUsed(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

function fuseOver(entries: SearchEntry[]) {
  const documents = entries.map((entry) => ({ title: allTexts(entry.title).join(' '), text: allTexts(entry.text).join(' '), category: entry.category }));
  // Plain fuse.js, as one would first write it: both fields, matches anywhere in the text.
  return new Fuse(documents, { keys: ['title', 'text'], ignoreLocation: true, includeScore: true });
}

const fixed = (value: number): string => value.toFixed(2).padStart(7);

const bundleAt = process.argv.indexOf('--bundle');
const base = bundleAt > 0 ? loadBundle(readFileSync(process.argv[bundleAt + 1]!, 'utf8')) : await defaultBundle();
const big = generatedBundle(base, REPLIES);
const messages = readIntentSet().map((row) => row.message);
const queries = readSearchSet();

const [load] = (await import('node:os')).loadavg();
console.log(`Engine benchmarks (load average ${load!.toFixed(1)}: wall times grow when other processes share the cores; CPU times less so)`);
console.log(`default playbooks: ${base.playbooks.length} files; generated bundle: ${REPLIES} extra replies\n`);

let start = performance.now();
classifyMessage('warm up', base);
suggestReplies('warm up', {}, base);
const firstDefault = performance.now() - start;
start = performance.now();
let heap = heapUsed();
suggestReplies('warm up', {}, big);
const firstBig = performance.now() - start;
const suggestHeap = heapUsed() - heap;
console.log(`suggestion index build: default ${fixed(firstDefault)} ms, 10,000 replies ${fixed(firstBig)} ms (${megabytes(suggestHeap)} heap)`);
const suggestDefault = time(messages, (message) => suggestReplies(message, { usedReplies: [] }, base));
const suggestBig = time(messages, (message) => suggestReplies(message, { usedReplies: [] }, big));
console.log(`suggestion latency, ${messages.length} messages × 3:`);
console.log(`  default playbooks     p50 ${fixed(suggestDefault.p50)} ms   p95 ${fixed(suggestDefault.p95)} ms   mean CPU ${fixed(suggestDefault.cpu)} ms   (target p95 < 5 ms)`);
console.log(`  10,000 replies        p50 ${fixed(suggestBig.p50)} ms   p95 ${fixed(suggestBig.p95)} ms   mean CPU ${fixed(suggestBig.cpu)} ms   (target p95 < 10 ms)\n`);

const entries = searchEntries(big);
heap = heapUsed();
start = performance.now();
const index = buildSearchIndex(entries);
const engineBuild = performance.now() - start;
const engineHeap = heapUsed() - heap;
heap = heapUsed();
start = performance.now();
const fuse = fuseOver(entries);
const fuseBuild = performance.now() - start;
const fuseHeap = heapUsed() - heap;
console.log(`search over ${entries.length} entries:`);
console.log(`  index build           engine ${fixed(engineBuild)} ms (${megabytes(engineHeap)})   fuse.js ${fixed(fuseBuild)} ms (${megabytes(fuseHeap)})`);
const searchQueries = queries.map((query) => query.query);
const engineTime = time(searchQueries, (query) => searchIndex(index, query, { limit: 10 }), 5);
// fuse.js scans every entry per query (hundreds of ms at this size): one timed round after a short warm-up.
const fuseAnswers = new Map<string, { item: { category: string } }[]>();
const fuseTime = time(searchQueries, (query) => fuseAnswers.set(query, fuse.search(query, { limit: 10 })), 1, 3);
console.log(`  latency, ${searchQueries.length} queries   engine  p50 ${fixed(engineTime.p50)} ms  p95 ${fixed(engineTime.p95)} ms  mean CPU ${fixed(engineTime.cpu)} ms`);
console.log(`                        fuse.js p50 ${fixed(fuseTime.p50)} ms  p95 ${fixed(fuseTime.p95)} ms  mean CPU ${fixed(fuseTime.cpu)} ms`);
console.log(`  speed-up (fuse.js / engine): p50 ×${(fuseTime.p50 / engineTime.p50).toFixed(1)}, p95 ×${(fuseTime.p95 / engineTime.p95).toFixed(1)}   (target ≥ ×5, engine p95 < 10 ms)`);

const smallEntries = searchEntries(base);
const smallIndex = buildSearchIndex(smallEntries);
const smallFuse = fuseOver(smallEntries);
const relevance = (label: string, engine: (q: string) => { category: string }[], plain: (q: string) => { category: string }[]): void => {
  const a = evaluateSearch(engine, queries);
  const b = evaluateSearch(plain, queries);
  console.log(`  relevance, ${label.padEnd(17)} engine hit@1 ${(a.hitAt1 * 100).toFixed(1)}% hit@3 ${(a.hitAt3 * 100).toFixed(1)}%   fuse.js hit@1 ${(b.hitAt1 * 100).toFixed(1)}% hit@3 ${(b.hitAt3 * 100).toFixed(1)}%`);
};
const plainResults = (engine: Fuse<{ category: string }>) => (query: string) => engine.search(query, { limit: 3 }).map((result) => result.item);
relevance('default playbooks', (q) => searchIndex(smallIndex, q, { limit: 3 }), plainResults(smallFuse));
relevance('10,000 replies', (q) => searchIndex(index, q, { limit: 3 }), (q) => (fuseAnswers.get(q) ?? []).slice(0, 3).map((result) => result.item));
