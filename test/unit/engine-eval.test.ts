// Guards the engine's quality on sets written apart from what they measure
// (test/fixtures/eval/README.md); `npm run eval` prints the full report.
import { beforeAll, expect, test } from 'vitest';
import { GOLDEN_STEPS, INTENTS, type Bundle } from '@closer/shared';
import {
  defaultBundle,
  evaluateIntents,
  evaluateSearch,
  evaluateSteps,
  overlapWithTriggers,
  readEvalIntentSet,
  readIntentSet,
  readSearchSet,
  readStepSet,
  SEARCH_EVAL,
  SEARCH_FRESH,
  SEARCH_FRESH2,
  searchWithEngine,
  STEPS_DEV,
  STEPS_FRESH,
  STEPS_HOLDOUT,
  STEPS_DEV2,
  teamMinimalBundle,
} from '../eval/evaluate.ts';

let bundle: Bundle;
let team: Bundle;
beforeAll(async () => {
  bundle = await defaultBundle();
  team = await teamMinimalBundle();
  // Building two bundles with the base corpus takes seconds on a busy machine.
}, 60_000);

const english = (message: string): boolean => !/[\u4e00-\u9fff]/.test(message);

test('the held-out sets are big enough, cover every intent and step, and are about a quarter English', () => {
  const set = readEvalIntentSet();
  expect(set.length).toBeGreaterThanOrEqual(700);
  expect(set.filter(({ message }) => english(message)).length / set.length).toBeGreaterThan(0.2);
  for (const intent of INTENTS) expect(set.filter(({ label }) => label === intent).length, intent).toBeGreaterThanOrEqual(100);
  expect(new Set(set.map(({ trade }) => trade)).size).toBeGreaterThanOrEqual(12);
  const chats = readStepSet();
  expect(chats.length).toBeGreaterThanOrEqual(60);
  for (const step of GOLDEN_STEPS) expect(chats.filter((chat) => chat.step === step).length, step).toBeGreaterThanOrEqual(10);
  expect(readIntentSet().length).toBeGreaterThanOrEqual(400);
  expect(readSearchSet().length).toBeGreaterThanOrEqual(40);
});

test('no evaluation message appears among the playbooks’ triggers or in the base corpus', () => {
  const stepMessages = [...readStepSet(), ...readStepSet(STEPS_FRESH), ...readStepSet(STEPS_DEV), ...readStepSet(STEPS_DEV2)].flatMap((chat) => chat.messages.map((message) => ({ message, line: chat.line })));
  expect(overlapWithTriggers(bundle, readEvalIntentSet())).toEqual([]);
  expect(overlapWithTriggers(bundle, readIntentSet())).toEqual([]);
  // A chat's "你好" may well be a small-talk trigger; it must not be in the base corpus.
  expect(overlapWithTriggers(undefined, stepMessages)).toEqual([]);
  // The held-out chats are never shown, not even when one is found in the corpus: only where it is.
  const held = readStepSet(STEPS_HOLDOUT).flatMap((chat) => chat.messages.map((message) => ({ message, line: chat.line })));
  expect(overlapWithTriggers(undefined, held).map(({ line, file }) => `steps-holdout.tsv:${line} is in ${file}`)).toEqual([]);
  expect(overlapWithTriggers(team, readEvalIntentSet())).toEqual([]);
});

test('(a) the default playbooks recognise at least 90% of the held-out messages', () => {
  const report = evaluateIntents(bundle, readEvalIntentSet());
  expect(report.accuracy, `accuracy ${report.accuracy.toFixed(3)}; run npm run eval`).toBeGreaterThanOrEqual(0.9);
});

test('(b) a minimal team playbook of another trade recognises at least 85% of them', () => {
  const report = evaluateIntents(team, readEvalIntentSet());
  expect(report.accuracy, `accuracy ${report.accuracy.toFixed(3)}; run npm run eval`).toBeGreaterThanOrEqual(0.85);
});

test('(c) the chat’s golden-model step is right on at least 75% of the held-out chats', () => {
  const report = evaluateSteps(bundle, readStepSet());
  expect(report.accuracy, `accuracy ${report.accuracy.toFixed(3)}; run npm run eval`).toBeGreaterThanOrEqual(0.75);
  // Every step can come out, and does on its own chats.
  for (const step of GOLDEN_STEPS) expect(report.perStep[step].recall, step).toBeGreaterThan(0);
});

test('the second set of chats stays above 75% (it was studied chat by chat for issue 16, 82.5% then)', () => {
  expect(evaluateSteps(bundle, readStepSet(STEPS_FRESH)).accuracy).toBeGreaterThanOrEqual(0.75);
});

test('the second development set of chats stays above 85% (written from the step definitions alone, then studied: 68.7% before, 90.0% after)', () => {
  expect(evaluateSteps(bundle, readStepSet(STEPS_DEV2)).accuracy).toBeGreaterThanOrEqual(0.85);
});

test('the held-out chats stay above 75%: the honest figure was 79.3% after the rules were studied on steps-dev2.tsv (72.7% before, 66.7% before issue 16’s rules; aim 85%), guarded with a margin of six chats', () => {
  const report = evaluateSteps(bundle, readStepSet(STEPS_HOLDOUT));
  expect(report.total).toBe(150);
  // Only the figure is reported, never a chat.
  expect(report.accuracy, `accuracy ${report.accuracy.toFixed(3)}; run npm run eval`).toBeGreaterThanOrEqual(0.75);
});

test('the development chats written with the rules stay above 85% (95.4% when written)', () => {
  expect(evaluateSteps(bundle, readStepSet(STEPS_DEV)).accuracy).toBeGreaterThanOrEqual(0.85);
});

test('the older set keeps macro-F1 0.90', () => {
  expect(evaluateIntents(bundle, readIntentSet()).macroF1).toBeGreaterThanOrEqual(0.9);
});

test('search: a right answer in the top 3 for at least 90% of the held-out queries (issue 12 aims at 95%)', () => {
  const report = evaluateSearch(searchWithEngine(bundle), readSearchSet(SEARCH_EVAL));
  expect(readSearchSet(SEARCH_EVAL).length).toBeGreaterThanOrEqual(120);
  expect(report.hitAt3, JSON.stringify(report.misses.slice(0, 10))).toBeGreaterThanOrEqual(0.9);
});

test('search: a right answer in the top 3 for at least 90% of the second held-out set, written after the search was tuned', () => {
  const set = readSearchSet(SEARCH_FRESH);
  expect(set.length).toBeGreaterThanOrEqual(120);
  // Only the figure: this set is never shown, not even when the test fails.
  expect(evaluateSearch(searchWithEngine(bundle), set).hitAt3).toBeGreaterThanOrEqual(0.90);
});

test('search: a right answer in the top 3 for at least 90% of the third held-out set, written after seven development sets', () => {
  const set = readSearchSet(SEARCH_FRESH2);
  expect(set.length).toBeGreaterThanOrEqual(120);
  // Only the figure: this set is never shown, not even when the test fails.
  expect(evaluateSearch(searchWithEngine(bundle), set).hitAt3).toBeGreaterThanOrEqual(0.90);
});

test('search puts an accepted category in the top 3 for at least 85% of the queries', () => {
  const report = evaluateSearch(searchWithEngine(bundle), readSearchSet());
  expect(report.hitAt3, JSON.stringify(report.misses)).toBeGreaterThanOrEqual(0.85);
  expect(report.hitAt1).toBeGreaterThanOrEqual(0.7);
});
