// The report's reader of case lines (report-lines.ts), which builds no timeline events, against
// the full reader: for any file, the same problems, the same drill count and the same figures,
// whether the lines are in the form Closer writes or not, and whatever is wrong with them.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CaseReportBuilder, visitCaseLines, writeCases, type Case } from '@closer/shared';
import { caseEventArbitrary } from './case-event-arbitrary.ts';
import { addCaseLines } from '../../shared/src/cases/report-lines.ts';

const START = Date.parse('2026-03-01T00:00:00.000Z');
const time = fc.integer({ min: 0, max: 90 * 24 * 60 }).map((minutes) => new Date(START + minutes * 60_000).toISOString());
const reply = fc.constantFrom('price_value_first', 'r-2', 'story_long_reply_id');
const event = caseEventArbitrary(time, reply);
// Few ids, so copies of one case in a file and across files are common.
const id = fc.integer({ min: 0, max: 9 }).map((n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`);
const record: fc.Arbitrary<Case> = fc
  .record({
    id,
    customer: fc.constantFrom('李姐', 'Ann "A."', 'back\\slash', ''),
    outcome: fc.constantFrom('won' as const, 'lost' as const, 'open' as const),
    lossReason: fc.option(fc.constantFrom('price', 'timing', 'not_listed'), { nil: undefined }),
    amount: fc.option(fc.constantFrom(0, 99.5, 2000), { nil: undefined }),
    tags: fc.uniqueArray(fc.constantFrom('vip', 'budget_low', 'from_ads'), { maxLength: 2 }),
    source: fc.option(fc.constant('from_ads'), { nil: undefined }),
    timeline: fc.array(event, { maxLength: 8 }),
    createdAt: time,
    updatedAt: fc.constantFrom('2026-06-01T00:00:00.000Z', '2026-06-02T00:00:00.000Z'),
    closedAt: fc.option(fc.oneof(time, fc.constant('1970-01-01T00:00:00.000Z')), { nil: undefined }),
    notes: fc.constantFrom('', 'a note, with ,"timeline":[] in it', '价格 ] } "quoted"'),
  })
  .map((fields) => {
    const { lossReason, amount, source, closedAt, ...rest } = fields;
    const built: Case = { version: 2, conversation: 'https://chat.example.com/c/9', salesperson: 'mei', followups: [], ...rest };
    if (amount !== undefined) built.amount = amount;
    if (fields.outcome === 'lost' && lossReason !== undefined) built.lossReason = lossReason;
    if (source !== undefined) built.source = source;
    if (closedAt !== undefined && fields.outcome !== 'open') built.closedAt = closedAt;
    return built;
  });

const written = (item: Case) => writeCases([item]).trimEnd();
const file = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: record.map(written) },
    // Keys in another order and spaces, as another tool might write it; a CRLF line.
    { weight: 1, arbitrary: record.map((item) => JSON.stringify(Object.fromEntries(Object.entries(item).reverse()), null, 1).replace(/\n/g, ' ')) },
    { weight: 1, arbitrary: record.map((item) => `${written(item)}\r`) },
    { weight: 1, arbitrary: fc.constantFrom('', '  ', '{"kind":"drill","id":"d"}', 'nonsense', '{"version":9}', '[1]') },
    // Written by an older Closer; a loss reason on a won case; a key spelt with an escape.
    { weight: 1, arbitrary: record.map((item) => JSON.stringify({ ...item, version: 1, tags: undefined, followups: undefined })) },
    { weight: 1, arbitrary: record.map((item) => written({ ...item, outcome: 'won', lossReason: 'price' } as Case)) },
    { weight: 1, arbitrary: record.map((item) => written(item).replace('"notes"', '"\\u006eotes"')) },
    // A second timeline, before or after the first, and one spelt with an escape: JSON.parse keeps the last.
    { weight: 1, arbitrary: record.map((item) => written(item).replace(',"createdAt"', ',"timeline":[],"createdAt"')) },
    { weight: 1, arbitrary: record.map((item) => written(item).replace(',"timeline":', ',"timeline":[{"type":"meeting","at":"2026-03-01T00:00:00.000Z"}],"timeline":')) },
    { weight: 1, arbitrary: record.map((item) => written(item).replace(/^\{/, '{"timeline":[],')) },
    { weight: 1, arbitrary: record.map((item) => written(item).replace(',"createdAt"', ',"time\\u006cine":[],"createdAt"')) },
    // Near misses: a line Closer wrote with one character changed must get the full reader's verdict.
    {
      weight: 4,
      arbitrary: fc.tuple(record, fc.nat(), fc.constantFrom('0', '9', '"', '\\', ']', '[', '}', '{', ',', ':', 'x', 'Z', ' ')).map(([item, position, char]) => {
        const line = written(item);
        const at = position % line.length;
        return line.slice(0, at) + char + line.slice(at + 1);
      }),
    },
  ),
  { maxLength: 12 },
);

const options = { reasons: ['price', 'timing', 'other'] };

function byFullReader(files: string[][]) {
  const builder = new CaseReportBuilder();
  const read = files.map((lines, index) => visitCaseLines(lines, `f${index}.jsonl`, options, (item, times) => builder.add(item, times)));
  return { read, report: builder.report() };
}

function byReportReader(files: string[][]) {
  const builder = new CaseReportBuilder();
  const read = files.map((lines, index) => addCaseLines(lines, `f${index}.jsonl`, options, builder));
  return { read, report: builder.report() };
}

describe("the report's reader of case lines", () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives the problems, the drill count and the figures of the full reader, for any files', () => {
    let counted = 0;
    fc.assert(
      fc.property(file, file, (first, second) => {
        const full = byFullReader([first, second]);
        expect(byReportReader([first, second])).toEqual(full);
        counted += full.report.totals.cases;
      }),
      { numRuns: 800 },
    );
    // The property means something only if many cases were counted.
    expect(counted).toBeGreaterThan(2000);
  });

  it('reads the lines Closer writes without building their events, and counts them as the full reader does', () => {
    const at = (minutes: number) => new Date(START + minutes * 60_000).toISOString();
    const item: Case = {
      version: 2, id: '00000000-0000-4000-8000-0000000000aa', conversation: 'c', salesperson: 'mei', customer: '李姐', amount: 99.5,
      outcome: 'won', notes: '', tags: ['vip'], followups: [], createdAt: at(0), updatedAt: at(50), closedAt: at(50),
      timeline: [
        { type: 'message', at: at(1), intent: 'price' },
        { type: 'step', at: at(1), step: 'consider' },
        { type: 'inserted', at: at(2), reply: 'price_value_first', adapted: { backend: 'chrome-built-in', hosted: false } },
        { type: 'inserted', at: at(3), reply: 'story_long_reply_id' },
        { type: 'tag', at: at(4), tag: 'budget_low', added: true },
        { type: 'suggested', at: at(5), replies: ['r-2'] },
        { type: 'meeting', at: at(6) },
        { type: 'signal', at: at(7), signal: 'buy_soon' },
        { type: 'message', at: at(8), intent: 'buy_signal' },
      ],
    };
    const line = written(item);
    const parse = vi.spyOn(JSON, 'parse');
    const report = byReportReader([[line]]);
    // Parsed without its timeline (the tag change apart, parsed on its own), never whole.
    expect(parse.mock.calls.some(([text]) => text === line)).toBe(false);
    expect(parse.mock.calls.some(([text]) => typeof text === 'string' && text.includes('"timeline":[]'))).toBe(true);
    parse.mockRestore();
    expect(report).toEqual(byFullReader([[line]]));
    expect(report.report.byIntent.map((row) => row.intent)).toEqual(['price', 'buy_signal']);
    expect(report.report.byReply.map((row) => [row.reply, row.adapted.cases, row.verbatim.cases])).toEqual([['price_value_first', 1, 0], ['story_long_reply_id', 0, 1]]);
    expect(report.report.byTag.map((row) => row.tag)).toEqual(['budget_low', 'vip']);
  });
});
