// The base intent corpus's price (a plain tsx script, run by `npm run bench`): the bundle's size
// on disk and gzipped, the time from bundle text to the first recognised intent (what an MV3
// worker pays after Chrome stopped it), and the warm suggestion latency, each with the base
// corpus and without it (`closer build --no-base`, the bundle as it was before). Printed, never asserted.
import { gzipSync } from 'node:zlib';
import { classifyMessage, loadBundle, suggestReplies, type Bundle } from '@closer/shared';
import { defaultBundle, readEvalIntentSet } from '../eval/evaluate.ts';

const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`.padStart(7);
const fixed = (value: number): string => value.toFixed(2).padStart(7);

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

/** Bundle text → loaded and verified → first classification, median of several fresh loads. */
function coldStart(text: string): { load: number; first: number } {
  const loads: number[] = [];
  const firsts: number[] = [];
  for (let round = 0; round < 7; round++) {
    const start = performance.now();
    const bundle = loadBundle(text);
    const loaded = performance.now();
    classifyMessage('太贵了，能便宜点吗', bundle);
    loads.push(loaded - start);
    firsts.push(performance.now() - loaded);
  }
  return { load: percentile(loads.sort((a, b) => a - b), 0.5), first: percentile(firsts.sort((a, b) => a - b), 0.5) };
}

function warm(bundle: Bundle, messages: string[]): { p50: number; p95: number } {
  for (const message of messages) suggestReplies(message, {}, bundle);
  const samples: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const message of messages) {
      const start = performance.now();
      suggestReplies(message, {}, bundle);
      samples.push(performance.now() - start);
    }
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

const [load] = (await import('node:os')).loadavg();
const messages = readEvalIntentSet().map((row) => row.message);
console.log(`Intent model, default playbooks (load average ${load!.toFixed(1)})\n`);
const rows: [string, Bundle][] = [
  ['without base (before)', await defaultBundle({ base: false })],
  ['with base corpus', await defaultBundle()],
];
console.log('bundle                   size      gzip    load+verify  first intent   suggest p50    p95   (target p95 < 1 ms)');
for (const [name, bundle] of rows) {
  const text = JSON.stringify(bundle);
  const cold = coldStart(text);
  const latency = warm(loadBundle(text), messages);
  console.log(
    `${name.padEnd(22)} ${kilobytes(Buffer.byteLength(text))}  ${kilobytes(gzipSync(text).length)}   ${fixed(cold.load)} ms   ${fixed(cold.first)} ms   ${fixed(latency.p50)} ms ${fixed(latency.p95)} ms`,
  );
}
