import { describe, expect, it } from 'vitest';
import { mergeCases, readCaseLines, writeCases, type Case, type CaseEvent } from '@closer/shared';
import { FollowupCaseReader } from '../../shared/src/cases/followup-cases.ts';
import { schemaVerdict } from '../../shared/src/cases/case-schema-verdict.ts';
import { customerKey, customersOf, planCaseOf, type PlanCase } from '../../shared/src/cases/plan-case.ts';
import { isInOwnForm } from '../../shared/src/cases/own-form.ts';
import { generateCases, seededRandom } from '../bench/_cases-generate.ts';
import { at, makeCase, message, step, uuid } from './cases-fixtures.ts';

/** UTF-8 text as the CLI hands it to the reader: one character a byte. */
const asBytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
const utf8 = (part: string) => Buffer.from(part, 'latin1').toString('utf8');

/** Customers in the order of their key, so that two groupings compare whatever order each met them in. */
const byKey = (customers: PlanCase[][]) => [...customers].sort((a, b) => (customerKey(a[0]!) < customerKey(b[0]!) ? -1 : 1));

function readFast(text: string, file = 'a.jsonl'): { cases: PlanCase[]; customers: PlanCase[][]; problems: unknown[] } {
  const reader = new FollowupCaseReader();
  reader.addFile([asBytes(text)], utf8, file);
  if (reader.asksSchema) reader.settle(schemaVerdict);
  const { customers, cases, problems } = reader.result();
  expect(customers.flat()).toHaveLength(cases);
  return { cases: customers.flat(), customers: byKey(customers), problems };
}

/** What jsonl.ts and mergeCases read, as the plan reads it. */
function readFull(text: string, file = 'a.jsonl'): { cases: PlanCase[]; customers: PlanCase[][]; problems: unknown[] } {
  const { cases, problems } = readCaseLines(text.split('\n'), file);
  const planned = mergeCases(cases).map(planCaseOf);
  return { cases: planned, customers: byKey(customersOf(planned)), problems };
}

/** The two readers agree on the problems, and on every customer's cases as the plan reads them, in order. */
function expectSameReading(text: string): void {
  const fast = readFast(text);
  const full = readFull(text);
  expect(fast.problems).toEqual(full.problems);
  expect(fast.customers).toEqual(full.customers);
}

const tag = (minutes: number, id: string, added: boolean): CaseEvent => ({ type: 'tag', at: at(minutes), tag: id, added });
const meeting = (minutes: number): CaseEvent => ({ type: 'meeting', at: at(minutes) });
const signal = (minutes: number): CaseEvent => ({ type: 'signal', at: at(minutes), signal: 'buy_soon' });

describe('reading case files for the follow-ups', () => {
  it('reads of a timeline its meetings (each once, in time order), its latest buy-soon signal, its latest contact and its close', () => {
    const suggested: CaseEvent = { type: 'suggested', at: at(8), replies: ['a'] };
    const adapted: CaseEvent = { type: 'inserted', at: at(20), reply: 'r-1', adapted: { backend: 'chrome-built-in', hosted: false } };
    const timelines: CaseEvent[][] = [
      [message(1, 'price'), meeting(2), step(3, 'close'), suggested, signal(4), message(5, 'buy_signal'), meeting(2), meeting(1), signal(6), signal(3)],
      [suggested, meeting(3)], [], [adapted, message(2, 'price')], [step(20, 'close'), meeting(1)], [signal(30)],
      [message(1, 'price'), tag(9, 'vip', true), tag(9, 'vip', false), meeting(2)],
    ];
    for (const timeline of timelines) {
      for (const record of [makeCase({ timeline }), makeCase({ timeline, outcome: 'won', closedAt: at(7), updatedAt: at(7) }), makeCase({ timeline, outcome: 'lost', lossReason: 'price', updatedAt: at(40) })]) {
        const line = writeCases([record]).trimEnd();
        expect(isInOwnForm(line)).toBe(true);
        expectSameReading(line);
      }
    }
    const [read] = readFast(writeCases([makeCase({ timeline: timelines[0] })])).cases;
    expect(read!.meetings).toEqual([Date.parse(at(1)), Date.parse(at(2))]);
    expect(read!.buySoon).toBe(Date.parse(at(6)));
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
    expect(fast.customers).toEqual(byKey(customersOf(mergeCases(cases).map(planCaseOf))));
    for (const record of fast.cases) expect(record.meetings).toEqual([Date.parse(at(3))]);
  });

  it('reads a copy met twice in full, so the merge sees all of each copy', () => {
    const record = makeCase({ outcome: 'won', closedAt: at(5), updatedAt: at(5), timeline: [message(1, 'price'), step(2, 'close')] });
    const later = { ...record, updatedAt: at(6), notes: 'later', timeline: [message(3, 'price')] };
    const text = writeCases([record, makeCase(), later]);
    const fast = readFast(text);
    expect(fast.customers).toEqual(readFull(text).customers);
    expect(fast.cases.find((each) => each.id === record.id)!.lastContact).toBe(Date.parse(at(5)));
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
