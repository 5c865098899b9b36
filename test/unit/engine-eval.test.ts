// Guards the engine's quality on our own evaluation sets with the default playbooks
// (`npm run eval` prints the full report).
import { beforeAll, expect, test } from 'vitest';
import type { Bundle } from '@closer/shared';
import { defaultBundle, evaluateIntents, evaluateSearch, overlapWithTriggers, readIntentSet, readSearchSet, searchWithEngine } from '../eval/evaluate.ts';

let bundle: Bundle;
beforeAll(async () => {
  bundle = await defaultBundle();
});

test('the evaluation set is big enough, covers every intent and is about a quarter English', () => {
  const set = readIntentSet();
  expect(set.length).toBeGreaterThanOrEqual(400);
  const english = set.filter(({ message }) => !/[\u4e00-\u9fff]/.test(message)).length;
  expect(english / set.length).toBeGreaterThan(0.2);
  for (const intent of ['price', 'comparison', 'hesitation', 'doubt', 'buy_signal', 'other']) {
    expect(set.filter(({ label }) => label === intent).length).toBeGreaterThanOrEqual(50);
  }
  expect(readSearchSet().length).toBeGreaterThanOrEqual(40);
});

test('no evaluation message appears among the playbooks’ triggers', () => {
  expect(overlapWithTriggers(bundle, readIntentSet())).toEqual([]);
});

test('intent recognition reaches macro-F1 0.90 on the evaluation set', () => {
  const report = evaluateIntents(bundle, readIntentSet());
  expect(report.macroF1, `macro-F1 ${report.macroF1.toFixed(3)}; run npm run eval -- --errors`).toBeGreaterThanOrEqual(0.9);
});

test('search puts an accepted category in the top 3 for at least 85% of the queries', () => {
  const report = evaluateSearch(searchWithEngine(bundle), readSearchSet());
  expect(report.hitAt3, JSON.stringify(report.misses)).toBeGreaterThanOrEqual(0.85);
  expect(report.hitAt1).toBeGreaterThanOrEqual(0.7);
});
