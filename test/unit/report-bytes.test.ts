// The report's reader of case files' bytes (report-bytes.ts, case-line-bytes.ts), against the full
// reader: the same problems, drill count and figures for any file, the scanner taking exactly the
// lines own-form.ts's pattern takes (its own pattern checks times for their shape only, the
// calendar is checked in the bytes), and times read by their digits as Date.parse reads them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseReportBuilder, visitCaseLines, writeCases, type Case, type CaseFollowup } from '@closer/shared';
import { caseEventArbitrary } from './case-event-arbitrary.ts';
import { CaseLineScanner, isCalendarTime, isoTimeValue } from '../../shared/src/cases/case-line-bytes.ts';
import { TIME } from '../../shared/src/cases/case-line-pattern.ts';
import { isInOwnForm } from '../../shared/src/cases/own-form.ts';
import { CaseFileBytes, ReportBytesReader } from '../../shared/src/cases/report-bytes.ts';
import { CaseLinesReader } from '../../shared/src/cases/report-lines.ts';

const START = Date.parse('2026-03-01T00:00:00.000Z');
const time = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 90 * 24 * 60 }).map((minutes) => new Date(START + minutes * 60_000 + (minutes % 7) * 111).toISOString()) },
  // Leap days, the turn of centuries, dates outside 2000–2099, a zone offset (not Closer's form).
  { weight: 1, arbitrary: fc.constantFrom('2000-02-29T23:59:59.999Z', '1970-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '2100-01-01T00:00:00.000Z', '0000-02-29T00:00:00.000Z', '2026-03-01T08:00:00+08:00', '2026-03-01T08:00:00.5Z') },
);
const reply = fc.constantFrom('price_value_first', 'r-2', 'story_long_reply_id', 'a');
const event = caseEventArbitrary(time, reply);
const followup: fc.Arbitrary<CaseFollowup> = fc.oneof(
  fc.record({ rule: fc.constantFrom('care_day1', 'timing_week'), due: time, state: fc.constantFrom('done' as const, 'declined' as const, 'skipped' as const), at: time }),
  fc.record({ rule: fc.constant('hot_hours'), due: time, state: fc.constant('snoozed' as const), at: time, until: time }),
);
// Few ids, so copies of one case in a file and across files are common, some changed at the same instant.
const id = fc.integer({ min: 0, max: 9 }).map((n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, n % 2 ? '0' : 'A')}`);
const record: fc.Arbitrary<Case> = fc
  .record({
    id,
    customer: fc.constantFrom('李姐', 'Ann "A."', 'back\\slash', '', 'new\nline', 'tab\t', '\u2028', '😀', '{"nested": [1, "}"]}', '\u0000'),
    salesperson: fc.constantFrom('mei', '王'),
    product: fc.option(fc.constantFrom('coaching', 'x"y'), { nil: undefined }),
    outcome: fc.constantFrom('won' as const, 'lost' as const, 'open' as const),
    lossReason: fc.option(fc.constantFrom('price', 'timing', 'not_listed'), { nil: undefined }),
    amount: fc.option(fc.constantFrom(0, 99.5, 2000, 1e21, 1e-7, 123456789012345, 1234567890123456, 12345678901234567, 9007199254740993, 0.1 + 0.2, 5e-324), { nil: undefined }),
    tags: fc.uniqueArray(fc.constantFrom('vip', 'budget_low', 'from_ads'), { maxLength: 2 }),
    lifecycle: fc.option(fc.constantFrom('intro' as const, 'dormant' as const, 'lost' as const), { nil: undefined }),
    source: fc.option(fc.constant('from_ads'), { nil: undefined }),
    followups: fc.array(followup, { maxLength: 2 }),
    timeline: fc.array(event, { maxLength: 8 }),
    createdAt: time,
    updatedAt: fc.constantFrom('2026-06-01T00:00:00.000Z', '2026-06-02T00:00:00.000Z'),
    closedAt: fc.option(time, { nil: undefined }),
    notes: fc.constantFrom('', 'a note, with ,"timeline":[] in it', '价格 ] } "quoted"', 'esc \\u0041 \\"', '\b\f\r/'),
  })
  .map((fields) => {
    const { lossReason, amount, source, closedAt, product, lifecycle, ...rest } = fields;
    const built: Case = { version: 2, conversation: 'https://chat.example.com/c/9', followups: [], ...rest };
    if (product !== undefined) built.product = product;
    if (amount !== undefined) built.amount = amount;
    if (fields.outcome === 'lost' && lossReason !== undefined) built.lossReason = lossReason;
    if (lifecycle !== undefined) built.lifecycle = lifecycle;
    if (source !== undefined) built.source = source;
    if (closedAt !== undefined) built.closedAt = closedAt;
    return built;
  });

const written = (item: Case) => writeCases([item]).trimEnd();
const line = fc.oneof(
  { weight: 8, arbitrary: record.map(written) },
  { weight: 1, arbitrary: record.map((item) => JSON.stringify(Object.fromEntries(Object.entries(item).reverse()))) },
  { weight: 1, arbitrary: record.map((item) => `${written(item)}\r`) },
  { weight: 1, arbitrary: record.map((item) => ` \t${written(item)}\u000b `) },
  { weight: 1, arbitrary: record.map((item) => `\u00a0${written(item)}\u3000`) },
  { weight: 1, arbitrary: fc.constantFrom('', '  ', '\ufeff', '{"kind":"drill","id":"d"}', 'nonsense', '{"version":9}', '[1]', '{"version":2,"id":"00000000-0000-4000-8000-000000000000"}') },
  { weight: 1, arbitrary: record.map((item) => JSON.stringify({ ...item, version: 1, tags: undefined, followups: undefined })) },
  { weight: 1, arbitrary: record.map((item) => written({ ...item, outcome: 'won', lossReason: 'price' } as Case)) },
  // Keys spelt with an escape, duplicated keys (JSON.parse keeps the last), a huge amount.
  { weight: 1, arbitrary: record.map((item) => written(item).replace('"notes"', '"\\u006eotes"')) },
  { weight: 1, arbitrary: record.map((item) => written(item).replace('"version":2,', '"version":2,"version":2,')) },
  { weight: 1, arbitrary: record.map((item) => written(item).replace(',"outcome"', ',"customer":"dup","outcome"')) },
  { weight: 1, arbitrary: record.map((item) => written(item).replace(',"createdAt"', ',"timeline":[],"createdAt"')) },
  { weight: 1, arbitrary: record.map((item) => written({ ...item, amount: 1 } as Case).replace('"amount":1', '"amount":1e999')) },
  { weight: 1, arbitrary: record.map((item) => written({ ...item, amount: 1 } as Case).replace('"amount":1', '"amount":12345678901234567890')) },
  // A digit of a time changed to another: days past their month's end, leap days, hours past 23.
  {
    weight: 3,
    arbitrary: fc.tuple(record, fc.nat(), fc.nat(23), fc.integer({ min: 0, max: 9 })).map(([item, which, position, digit]) => {
      const text = written(item);
      const times = [...text.matchAll(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g)];
      const at = times[which % times.length]!.index + position;
      return /\d/.test(text[at]!) ? text.slice(0, at) + String(digit) + text.slice(at + 1) : text;
    }),
  },
  // Near misses: one character changed, inserted or dropped.
  {
    weight: 6,
    arbitrary: fc.tuple(record, fc.nat(), fc.constantFrom('0', '9', '"', '\\', ']', '[', '}', '{', ',', ':', 'x', 'Z', ' ', 'e', '.', '-', 'T', 'A', '\u0001', '中'), fc.constantFrom(0, 1, 2)).map(([item, position, char, kind]) => {
      const text = written(item);
      const at = position % text.length;
      return text.slice(0, at) + (kind === 2 ? '' : char) + text.slice(at + (kind === 1 ? 0 : 1));
    }),
  },
);
const file = fc.array(line, { maxLength: 10 }).chain((lines) => fc.constantFrom(lines.join('\n'), lines.join('\r\n'), `\ufeff${lines.join('\n')}\n`));

const options = { reasons: ['price', 'timing', 'other'] };

function byFullReader(files: string[]) {
  const builder = new CaseReportBuilder();
  const read = files.map((text, index) => {
    const lines = (text.startsWith('\ufeff') ? text.slice(1) : text).split('\n');
    return visitCaseLines(lines, `f${index}.jsonl`, options, (item, times) => builder.add(item, times));
  });
  return { read, size: builder.size, report: builder.report() };
}

function byBytesReader(files: string[]) {
  const builder = new CaseReportBuilder();
  const reader = new ReportBytesReader(builder, options.reasons);
  const read = files.map((text, index) => {
    const bytes = Buffer.from(text);
    const file = new CaseFileBytes(bytes, { ascii: (start, end) => bytes.toString('latin1', start, end), utf8: (start, end) => bytes.toString('utf8', start, end) });
    const full = new CaseLinesReader(`f${index}.jsonl`, options, builder);
    while (reader.readUntilFull(file)) full.add(bytes.toString('utf8', file.lineStart, file.lineEnd), file.line);
    return { problems: full.problems, drillResults: full.drillResults };
  });
  return { read, size: builder.size, report: builder.report() };
}

function scans(text: string): boolean {
  const bytes = Buffer.from(text);
  const scanner = new CaseLineScanner();
  scanner.use(bytes, { ascii: (start, end) => bytes.toString('latin1', start, end), utf8: (start, end) => bytes.toString('utf8', start, end) });
  return scanner.scan(0, bytes.length);
}

describe("the report's reader of case files' bytes", () => {
  it('gives the problems, the drill count and the figures of the full reader, for any files', () => {
    let counted = 0;
    fc.assert(
      fc.property(file, file, file, (first, second, third) => {
        const full = byFullReader([first, second, third]);
        expect(byBytesReader([first, second, third])).toEqual(full);
        counted += full.size;
      }),
      { numRuns: 500 },
    );
    // The property means something only if many cases were counted.
    expect(counted).toBeGreaterThan(2500);
  }, 60_000);

  it("takes exactly the lines own-form.ts's pattern takes", () => {
    let taken = 0;
    fc.assert(
      fc.property(line, (text) => {
        const trimmed = text.trim();
        expect(scans(trimmed)).toBe(isInOwnForm(trimmed));
        if (isInOwnForm(trimmed)) taken++;
      }),
      { numRuns: 5000 },
    );
    expect(taken).toBeGreaterThan(500);
  }, 60_000);

  it('reads the ids, the customer and the amount of a line Closer wrote', () => {
    const item: Case = {
      version: 2, id: '00000000-0000-4000-8000-0000000000AA', conversation: 'c', salesperson: 'mei', customer: 'say "hi"\n中', amount: 1234567890123456789,
      outcome: 'won', notes: '} ] {', tags: ['vip'], followups: [], createdAt: '2026-03-01T00:00:00.000Z', updatedAt: '2026-03-02T00:00:00.000Z',
      timeline: [{ type: 'inserted', at: '2026-03-01T00:00:00.000Z', reply: 'r-2', adapted: { backend: 'chrome-built-in', hosted: false } }],
    };
    const full = byFullReader([written(item)]);
    expect(byBytesReader([written(item)])).toEqual(full);
    expect(full.report.byReply.map((row) => [row.reply, row.adapted.cases])).toEqual([['r-2', 1]]);
    expect(full.report.totals.amountWon).toBe(1234567890123456789);
  });
});

describe('times read by their digits', () => {
  const pattern = new RegExp(`^${TIME}$`);
  const bytesOf = (text: string) => Buffer.from(text, 'latin1');

  it("give what Date.parse gives, over every day of leap and common years", () => {
    for (const year of ['0000', '0004', '1900', '1970', '1999', '2000', '2024', '2026', '2100', '2400', '9999']) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T23:59:59.999Z`;
          if (pattern.test(text)) expect(isoTimeValue(bytesOf(text), 0)).toBe(Date.parse(text));
        }
      }
    }
  });

  it("are on the calendar exactly when the pattern's time takes them, for any digits", () => {
    const digitText = fc.stringMatching(/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$/);
    const nearReal = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))
      .map(([year, month, day, hour, minute]) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:${String(minute).padStart(2, '0')}.000Z`);
    fc.assert(fc.property(fc.oneof(digitText, nearReal), (text) => {
      expect(isCalendarTime(bytesOf(text), 0)).toBe(pattern.test(text));
    }), { numRuns: 20_000 });
  });

  it('give what Date.parse gives, on any time the pattern accepts', () => {
    const digitText = fc.stringMatching(/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$/);
    const near = fc.tuple(digitText, fc.nat(23), fc.constantFrom('0', '9', '-', ':', 'T', 'Z', '.', 'x', ' ')).map(([text, at, char]) => text.slice(0, at) + char + text.slice(at + 1));
    fc.assert(
      fc.property(fc.oneof(digitText, near, fc.date({ min: new Date(-62167219200000), max: new Date(253402300799999), noInvalidDate: true }).map((date) => date.toISOString())), (text) => {
        if (pattern.test(text)) expect(isoTimeValue(bytesOf(text), 0)).toBe(Date.parse(text));
      }),
      { numRuns: 20_000 },
    );
  }, 60_000);
});
