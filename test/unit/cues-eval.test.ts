// Guards the two cues the customer's profile turns into tag suggestions ("will buy soon", the hot
// lead; "names a rival") on a set written apart from their rules (test/fixtures/eval/cues.tsv);
// `npm run eval` prints the figures. A flag is a suggestion the salesperson sees, so precision is
// held high and recall above what the first rules reached (buy soon 29%, rival 47%).
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { normalizeText } from '@closer/shared';
import { CUES_DEV, CUES_EVAL, evaluateCues, readCueSet } from '../eval/evaluate-cues.ts';

test('the cue sets are big enough, hold every cue, are partly English, and share no message', () => {
  const held = readCueSet(CUES_EVAL);
  const dev = readCueSet(CUES_DEV);
  expect(held.length).toBeGreaterThanOrEqual(150);
  for (const cue of ['buy_soon', 'rival', 'none'] as const) expect(held.filter(({ label }) => label === cue).length, cue).toBeGreaterThanOrEqual(40);
  expect(held.filter(({ message }) => !/[\u4e00-\u9fff]/.test(message)).length / held.length).toBeGreaterThan(0.3);
  const devMessages = new Set(dev.map(({ message }) => normalizeText(message)));
  expect(held.filter(({ message }) => devMessages.has(normalizeText(message))).map(({ line }) => `eval/cues.tsv:${line}`)).toEqual([]);
});

test('no held-out cue message is written into the rules', () => {
  const rules = normalizeText(readFileSync('shared/src/engine/customer-cues.ts', 'utf8'));
  // Only where a copy is, never the message itself: the held-out set is not shown.
  expect(readCueSet(CUES_EVAL).filter(({ message }) => rules.includes(normalizeText(message))).map(({ line }) => `eval/cues.tsv:${line}`)).toEqual([]);
});

test('the cues are heard on the held-out set: precision at least 90%, recall at least 70% (buy soon) and 65% (rival)', () => {
  const report = evaluateCues(readCueSet(CUES_EVAL));
  expect(report.buySoon.precision).toBeGreaterThanOrEqual(0.9);
  expect(report.buySoon.recall).toBeGreaterThanOrEqual(0.7);
  expect(report.rival.precision).toBeGreaterThanOrEqual(0.9);
  expect(report.rival.recall).toBeGreaterThanOrEqual(0.65);
});

test('a malformed row of a cue set is named by file and line', () => {
  const file = path.join(tmpdir(), `closer-cues-${process.pid}.tsv`);
  for (const [body, message] of [['cue\tmessage\nsoon\t明天就买\n', /:2: the cue "soon" is none of buy_soon, rival, none/], ['cue\tmessage\nnone\n', /:2: expected 2 tab-separated columns/]] as const) {
    writeFileSync(file, body);
    expect(() => readCueSet(file)).toThrow(message);
  }
});
