// A suggestion when the salesperson's browser holds many cases (a plain tsx script, run by `npm
// run bench`): every suggestion reads this customer's tags from the case store, so the time of one
// grows with the cases kept. Prints the median time of a suggestion request from an extension page
// to the worker in Debian's Chromium with no cases, then after importing 1,000 and 10,000 generated
// cases, and the first one after a worker restart with them. Figures are printed, never asserted.
import { loadavg } from 'node:os';
import { writeCases } from '@closer/shared';
import { launch } from '../browser/harness.ts';
import { ask, extensionPage } from '../browser/sync-helpers.ts';
import { generateCases } from './_cases-generate.ts';
import { stopWorker } from '../browser/stop-worker.ts';

const RUNS = 7;
const session = await launch({ chatPages: false, cdp: true });
try {
  const page = await extensionPage(session);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const timeSuggestions = async (): Promise<number> => {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      await ask(page, { type: 'suggest', conversationKey: `bench/chat-${run % 2}`, text: '太贵了，能便宜点吗', record: true });
      times.push(performance.now() - start);
    }
    return median(times);
  };
  await timeSuggestions();
  const results: string[] = [`no cases: ${(await timeSuggestions()).toFixed(0)} ms`];
  let kept = 0;
  for (const total of [1_000, 10_000]) {
    const cases = generateCases(total - kept, 11 + kept).map((record) => ({ ...record, salesperson: 'alice' }));
    const imported = await ask<{ added: number }>(page, { type: 'cases-import', text: writeCases(cases), source: 'bench.jsonl' });
    kept += imported.added;
    results.push(`${kept.toLocaleString('en')} cases: ${(await timeSuggestions()).toFixed(0)} ms`);
  }
  // After a restart the worker reads its saved index of the cases and the changes since (it saves
  // the index a few seconds after a start, so each round waits for that, as a worker's life does).
  const cold: number[] = [];
  for (let run = 0; run < 3; run++) {
    await new Promise((wait) => setTimeout(wait, 4_000));
    await stopWorker(session, page);
    const start = performance.now();
    await ask(page, { type: 'suggest', conversationKey: 'bench/chat-0', text: '太贵了，能便宜点吗', record: true });
    cold.push(performance.now() - start);
  }
  results.push(`the first after a worker restart with ${kept.toLocaleString('en')} cases: ${median(cold).toFixed(0)} ms`);
  console.log(`suggestion request → answer in real Chromium, median of ${RUNS} (load ${loadavg()[0]!.toFixed(1)}): ${results.join('; ')}`);
} finally {
  await session.close();
}
