import { describe, expect, it } from 'vitest';
import { mergeCases, readCaseLines, writeCases, type Case, type CaseEvent } from '@closer/shared';
import { FollowupCaseReader, followupTimeline } from '../../shared/src/cases/followup-cases.ts';
import { schemaVerdict } from '../../shared/src/cases/case-schema-verdict.ts';
import { closeTimeOf, lastContactOf } from '../../shared/src/cases/lifecycle.ts';
import { isInOwnForm } from '../../shared/src/cases/own-form.ts';
import { generateCases, seededRandom } from '../bench/_cases-generate.ts';
import { at, makeCase, message, step, uuid } from './cases-fixtures.ts';

/** UTF-8 text as the CLI hands it to the reader: one character a byte. */
const asBytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
const utf8 = (part: string) => Buffer.from(part, 'latin1').toString('utf8');

function readFast(text: string, file = 'a.jsonl'): { cases: Case[]; problems: unknown[] } {
  const reader = new FollowupCaseReader();
  reader.addFile([asBytes(text)], utf8, file);
  if (reader.asksSchema) reader.settle(schemaVerdict);
  return reader.result();
}

function readFull(text: string, file = 'a.jsonl'): { cases: Case[]; problems: unknown[] } {
  const { cases, problems } = readCaseLines(text.split('\n'), file);
  return { cases: mergeCases(cases), problems };
}

/** What the follow-ups read of a case: all but the notes, and of its timeline what the plan counts from. */
function planFacts(record: Case) {
  const { timeline, notes: _notes, ...fields } = record;
  const kept = (event: CaseEvent) => event.type === 'meeting' || event.type === 'signal' || event.type === 'tag';
  return { fields, kept: timeline.filter(kept), lastContact: lastContactOf(record), closed: closeTimeOf(record) };
}

/** The two readers agree on the problems, and on every case as far as the plan reads it. */
function expectSameReading(text: string): void {
  const fast = readFast(text);
  const full = readFull(text);
  expect(fast.problems).toEqual(full.problems);
  expect(fast.cases.map(planFacts)).toEqual(full.cases.map(planFacts));
}

const tag = (minutes: number, id: string, added: boolean): CaseEvent => ({ type: 'tag', at: at(minutes), tag: id, added });
const meeting = (minutes: number): CaseEvent => ({ type: 'meeting', at: at(minutes) });
const signal = (minutes: number): CaseEvent => ({ type: 'signal', at: at(minutes), signal: 'buy_soon' });

describe('reading case files for the follow-ups', () => {
  it('keeps of a timeline its meetings, signals and tag changes and its latest contact and close', () => {
    const timeline = [message(1, 'price'), meeting(2), step(3, 'close'), tag(9, 'vip', true), { type: 'suggested', at: at(8), replies: ['a'] } as CaseEvent, signal(4), message(5, 'buy_signal')];
    const line = writeCases([makeCase({ timeline })]).trimEnd();
    expect(isInOwnForm(line)).toBe(true);
    const inner = line.slice(line.indexOf('"timeline":[') + 12, line.indexOf('],"createdAt"'));
    expect(followupTimeline(inner)).toEqual([meeting(2), tag(9, 'vip', true), { type: 'suggested', at: at(8), replies: ['a'] }, signal(4), message(5, 'buy_signal')]);
    expect(followupTimeline('')).toEqual([]);
    const adapted: CaseEvent = { type: 'inserted', at: at(20), reply: 'r-1', adapted: { backend: 'chrome-built-in', hosted: false } };
    for (const latest of [step(20, 'close'), { type: 'inserted', at: at(20), reply: 'r-1' } as CaseEvent, adapted, message(20, 'price')]) {
      const written = writeCases([makeCase({ timeline: [latest, tag(1, 'a', false), message(2, 'price')] })]).trimEnd();
      const events = written.slice(written.indexOf('"timeline":[') + 12, written.indexOf('],"createdAt"'));
      expect(followupTimeline(events)).toEqual([latest, tag(1, 'a', false)]);
    }
  });

  it('reads every field of a line in own form as JSON.parse does, text with escapes, braces and Chinese included', () => {
    const names = ['王姐', 'Zoë "Z" O\'Neil', 'a\\b', '{"type":"meeting"}', '],"createdAt":"', 'tab\tand\nline', '\u2028\u0001', '😀 emoji', ''];
    const cases = names.map((name, index) => makeCase({
      customer: name, salesperson: names[(index + 1) % names.length]!, conversation: names[(index + 2) % names.length]!, notes: name.repeat(3),
      product: name, ...(index % 2 ? { amount: 12.5e3 } : {}), outcome: index % 3 === 0 ? 'lost' : 'won', ...(index % 3 === 0 ? { lossReason: 'timing' } : {}),
      tags: index % 2 ? ['a', 'b-2'] : [], lifecycle: 'growth', source: 'wechat', closedAt: at(50),
      followups: [{ rule: 'care', due: at(10), state: 'snoozed', at: at(11), until: at(12) }, { rule: 'care', due: at(10), state: 'done', at: at(13) }],
      timeline: [message(1, 'price'), { type: 'inserted', at: at(2), reply: 'x', adapted: { backend: 'openai-compatible', hosted: true } }, meeting(3)],
    }));
    const text = writeCases(cases);
    for (const line of text.trimEnd().split('\n')) expect(isInOwnForm(line)).toBe(true);
    const fast = readFast(text);
    expect(fast.problems).toEqual([]);
    expect(fast.cases.map(planFacts)).toEqual(mergeCases(cases).map(planFacts));
    for (const record of fast.cases) expect(record.timeline).toEqual([meeting(3)]);
  });

  it('reads a copy met twice in full, so the merge sees all of each copy', () => {
    const record = makeCase({ outcome: 'won', closedAt: at(5), updatedAt: at(5), timeline: [message(1, 'price'), step(2, 'close')] });
    const later = { ...record, updatedAt: at(6), notes: 'later', timeline: [message(3, 'price')] };
    const text = writeCases([record, makeCase(), later]);
    const fast = readFast(text);
    expect(fast.cases).toEqual(readFull(text).cases.map((each) => (each.id === record.id ? each : fast.cases.find((other) => other.id === each.id))));
    expect(fast.cases.find((each) => each.id === record.id)!.timeline).toHaveLength(3);
  });

  it('judges every other line as jsonl.ts does, problems in the same order', () => {
    const good = writeCases([makeCase({ timeline: [message(1, 'price'), meeting(2)] })]).trimEnd();
    const lines = [
      good, '', '   ', '\u00a0', `  ${good}\t\r`, `\u00a0${good}\u3000`, `${good} x`, `${good}}`, good.replace('"version":2', '"version":1'),
      good.replace('"version":2', '"version":3'), good.replace(/"id":"[^"]+"/, '"id":"not-a-uuid"'), good.replace('"notes":""', '"notes":"","extra":1'),
      good.replace(/"id":"([^"]+)"/, '"id":"$1","id":"$1"'), good.replace('"customer":"王姐"', '"customer":"\\u738b\\u59d0 \\"q\\" {}[]"'),
      good.replace(/"createdAt":"[^"]+"/, '"createdAt":"2026-02-30T00:00:00.000Z"'), good.replace(/"createdAt":"[^"]+"/, '"createdAt":"2026-11-01T09:00:00Z"'),
      good.replace('"outcome":"open"', '"outcome":"lost","lossReason":"made_up"'), good.replace('"outcome":"open"', '"outcome":"won","lossReason":"price"'),
      '{"kind":"drill"}', 'not json', '[1]', 'null', '{"version":2', good.replace('"tags":[]', '"tags":["Bad"]'),
      good.replace('"timeline":[', '"timeline":[{"type":"sent","at":"2026-11-01T09:00:00.000Z","reply":"r","message":"hi {\\"type\\":\\"meeting\\"}","replaced":{}},'),
    ];
    expectSameReading(lines.join('\n'));
    expectSameReading(lines.join('\r\n') + '\r\n');
  });

  it('warns of the same times as jsonl.ts, at the edges of 2000–2099 and of the order', () => {
    const times = ['1999-12-31T23:59:59.999Z', '2000-01-01T00:00:00.000Z', '2026-11-01T09:00:00.000Z', '2026-11-01T09:00:00.001Z', '2099-12-31T23:59:59.999Z', '2100-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '0000-01-01T00:00:00.000Z'];
    const cases = times.flatMap((createdAt) => times.flatMap((closedAt) => [
      makeCase({ outcome: 'won', createdAt, updatedAt: closedAt, closedAt }),
      makeCase({ outcome: 'lost', lossReason: 'made_up', createdAt, updatedAt: closedAt }),
      makeCase({ outcome: 'open', createdAt, updatedAt: closedAt }),
    ]));
    expectSameReading(writeCases(cases));
  });

  it('agrees with jsonl.ts on generated cases and on lines with a byte changed', () => {
    const random = seededRandom(5);
    const cases = generateCases(60).map((record, index) => ({
      ...record, id: index % 7 === 0 ? uuid(900) : record.id,
      timeline: [...record.timeline, ...(index % 3 === 0 ? [meeting(index), signal(index + 1), tag(index, 'vip', index % 2 === 0)] : [])],
    }));
    const lines = writeCases(cases).trimEnd().split('\n');
    expectSameReading(lines.join('\n'));
    const mutated = lines.map((line) => {
      const position = Math.floor(random() * line.length);
      const replacement = '"\\{}[],:0aZ-. é'[Math.floor(random() * 15)]!;
      return line.slice(0, position) + replacement + line.slice(position + 1);
    });
    expectSameReading(mutated.join('\n'));
  });
});
