import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aliasCases, caseFacets, caseReport, CaseReportBuilder, customerAlias, filterCases, GOLDEN_STEPS, INTENTS, mergeCases, replyStatsOf, wilsonRate, type Case, type CaseEvent } from '@closer/shared';
import { formatReport } from '../../shared/node/commands/report.ts';
import { at, inserted, makeCase, message, step, uuid } from './cases-fixtures.ts';

// Six cases a team lead could check by hand.
const cases = [
  makeCase({ salesperson: 'alice', product: 'plan', outcome: 'won', amount: 1000, createdAt: at(0), closedAt: at(60), updatedAt: at(60),
    timeline: [message(1, 'price'), step(1, 'consider'), inserted(2, 'value-first'), message(3, 'price'), inserted(4, 'value-first'), step(5, 'ask_close')] }),
  makeCase({ salesperson: 'alice', product: 'plan', outcome: 'won', amount: 500, createdAt: at(0), closedAt: at(180), updatedAt: at(180),
    timeline: [message(1, 'doubt'), step(1, 'resolve_doubt'), inserted(2, 'story')] }),
  makeCase({ salesperson: 'bo', product: 'kit', outcome: 'lost', lossReason: 'price', createdAt: at(0), closedAt: at(120), updatedAt: at(120),
    timeline: [message(1, 'price'), step(1, 'consider'), inserted(2, 'coupon')] }),
  makeCase({ salesperson: 'bo', product: 'kit', outcome: 'lost', lossReason: 'price', createdAt: at(1440), closedAt: at(1500), updatedAt: at(1500),
    timeline: [message(1441, 'comparison'), inserted(1442, 'value-first')] }),
  makeCase({ salesperson: 'bo', product: 'plan', outcome: 'lost', lossReason: 'rival', createdAt: at(1440), updatedAt: at(1450), timeline: [] }),
  makeCase({ salesperson: 'alice', product: 'kit', outcome: 'open', createdAt: at(2880), updatedAt: at(2880), timeline: [message(2881, 'price'), inserted(2882, 'coupon')] }),
];

describe('case report', () => {
  const report = caseReport(cases);

  it('counts totals, the overall win rate with its interval, and the amount won', () => {
    expect(report.totals).toMatchObject({ cases: 6, won: 2, lost: 3, open: 1, amountWon: 1500, from: at(0), to: at(2880) });
    expect(report.totals.winRate).toMatchObject({ cases: 5, wins: 2, rate: 0.4 });
  });

  it('win rate by intent met counts each case once, and leaves open cases out', () => {
    expect(report.byIntent.map(({ intent, cases: n, wins }) => [intent, n, wins])).toEqual([
      ['price', 2, 1],
      ['comparison', 1, 0],
      ['doubt', 1, 1],
    ]);
  });

  it('win rate by reply used, most used first, with an interval so two uses are not "100%"', () => {
    expect(report.byReply.map(({ reply, cases: n, wins }) => [reply, n, wins])).toEqual([
      ['value-first', 2, 1],
      ['story', 1, 1],
      ['coupon', 1, 0],
    ]);
    const story = report.byReply.find((row) => row.reply === 'story')!;
    expect(story.rate).toBe(1);
    expect(story.low).toBeLessThan(0.25);
  });

  it('a reply\'s figures say how it did when inserted as a model\'s adaptation and when word for word', () => {
    const adapted = (minutes: number, reply: string): CaseEvent => ({ type: 'inserted', at: at(minutes), reply, adapted: { backend: 'openai-compatible', hosted: false } });
    const closed = (outcome: 'won' | 'lost', timeline: CaseEvent[], id = uuid()) => makeCase({ id, outcome, closedAt: at(60), updatedAt: at(60), timeline });
    const both = uuid();
    const figures = caseReport([
      closed('won', [adapted(1, 'value-first')]),
      closed('won', [adapted(1, 'value-first')]),
      closed('lost', [inserted(1, 'value-first')]),
      closed('won', [inserted(1, 'value-first')]),
      // One case, its copies from two files: adapted in one, verbatim in the other; it counts in both.
      closed('lost', [adapted(1, 'value-first')], both),
      closed('lost', [inserted(2, 'value-first')], both),
      // Open cases count in no win rate, adapted or not.
      makeCase({ outcome: 'open', timeline: [adapted(1, 'value-first')] }),
      closed('lost', [inserted(1, 'coupon')]),
    ]);
    const row = figures.byReply.find((entry) => entry.reply === 'value-first')!;
    expect([row.cases, row.wins]).toEqual([5, 3]);
    expect([row.adapted.cases, row.adapted.wins]).toEqual([3, 2]);
    expect([row.verbatim.cases, row.verbatim.wins]).toEqual([3, 1]);
    const coupon = figures.byReply.find((entry) => entry.reply === 'coupon')!;
    expect(coupon.adapted).toEqual(wilsonRate(0, 0));
    expect([coupon.verbatim.cases, coupon.verbatim.wins]).toEqual([1, 0]);
    const text = formatReport(figures);
    expect(text).toMatch(/Adapted vs verbatim use of the same reply.*\n\s+reply\s+adapted\s+won\s+rate\s+verbatim\s+won\s+rate\n\s+value-first\s+3\s+2\s+66\.7%\s+3\s+1\s+33\.3%\n/);
    // A reply never adapted has nothing to compare, so it is not in that table.
    expect(text.slice(text.indexOf('Adapted vs verbatim'))).not.toMatch(/^\s+coupon/m);
    expect(formatReport(caseReport([closed('won', [inserted(1, 'coupon')])]))).not.toContain('Adapted vs verbatim');
  });

  it('groups by the furthest golden-model step reached, in model order', () => {
    expect(report.byStep.map(({ step: id, cases: n, wins }) => [id, n, wins])).toEqual([
      ['none', 2, 0],
      ['consider', 1, 0],
      ['ask_close', 1, 1],
      ['resolve_doubt', 1, 1],
    ]);
  });

  it('lists the top loss reasons with their share of lost cases', () => {
    expect(report.lossReasons).toEqual([
      { reason: 'price', cases: 2, share: 2 / 3 },
      { reason: 'rival', cases: 1, share: 1 / 3 },
    ]);
  });

  it('measures time to close from the case start to its close, falling back to updatedAt', () => {
    expect(report.timeToClose.won).toEqual({ cases: 2, median: 120 * 60_000, mean: 120 * 60_000, p90: 180 * 60_000 });
    expect(report.timeToClose.lost).toMatchObject({ cases: 3, median: 60 * 60_000 });
  });

  it('an empty set of cases gives zeros, not NaN', () => {
    const empty = caseReport([]);
    expect(empty.totals).toMatchObject({ cases: 0, won: 0, winRate: { rate: 0, low: 0, high: 1 }, from: null });
    expect(empty.timeToClose).toEqual({ won: null, lost: null, leftOut: 0 });
    expect(JSON.stringify(empty)).not.toContain('NaN');
  });
});

describe('Wilson interval', () => {
  it('matches the textbook values', () => {
    const twoOfTwo = wilsonRate(2, 2);
    expect(twoOfTwo.low).toBeCloseTo(0.342, 3);
    expect(twoOfTwo.high).toBe(1);
    const fourteenOfTwenty = wilsonRate(14, 20);
    expect(fourteenOfTwenty.low).toBeCloseTo(0.481, 3);
    expect(fourteenOfTwenty.high).toBeCloseTo(0.855, 3);
    expect(wilsonRate(0, 0)).toEqual({ cases: 0, wins: 0, rate: 0, low: 0, high: 1 });
  });
});

describe('reply statistics for the bundle', () => {
  it('counts closed cases in which each reply was used, and the wins, with sorted keys', () => {
    const stats = replyStatsOf(cases);
    expect(stats).toEqual({ coupon: { uses: 1, wins: 0 }, story: { uses: 1, wins: 1 }, 'value-first': { uses: 2, wins: 1 } });
    expect(Object.keys(stats)).toEqual(['coupon', 'story', 'value-first']);
    expect(JSON.stringify(replyStatsOf([...cases].reverse()))).toBe(JSON.stringify(stats));
  });
});

describe('filters', () => {
  it('by salesperson, product, intent and date range (a bare "to" date includes that whole day)', () => {
    const ids = (list: typeof cases) => list.map((record) => cases.indexOf(record));
    expect(ids(filterCases(cases, { salesperson: 'bo' }))).toEqual([2, 3, 4]);
    expect(ids(filterCases(cases, { product: 'kit', intent: 'price' }))).toEqual([2, 5]);
    expect(ids(filterCases(cases, { from: '2026-11-02', to: '2026-11-02' }))).toEqual([3, 4]);
    expect(ids(filterCases(cases, { to: '2026-11-01' }))).toEqual([0, 1, 2]);
    expect(caseFacets(cases)).toEqual({ salespeople: ['alice', 'bo'], products: ['kit', 'plan'], intents: ['comparison', 'doubt', 'price'] });
  });
});

describe('aliases on export', () => {
  it('replaces the customer name, also inside notes, the same way every time', () => {
    const record = makeCase({ customer: '王姐', notes: '王姐 asked for a discount' });
    const [aliased] = aliasCases([record]);
    expect(aliased!.customer).toMatch(/^customer-[0-9a-f]{8}$/);
    expect(aliased!.customer).toBe(customerAlias('王姐'));
    expect(aliased!.notes).toBe(`${aliased!.customer} asked for a discount`);
    expect(JSON.stringify(aliased)).not.toContain('王姐');
    expect(aliasCases(aliasCases([record]))).toEqual(aliasCases([record]));
  });

  it('keeps names when the user opts in', () => {
    const record = makeCase({ customer: '王姐' });
    expect(aliasCases([record], { keepNames: true })).toEqual([record]);
  });

  it('an aliased export merges back without losing the case', () => {
    const record = makeCase({ customer: '王姐', timeline: [message(1, 'price')] });
    expect(mergeCases([record], aliasCases([record]))).toHaveLength(1);
  });
});

describe('report built case by case', () => {
  // Few ids and times, so files often hold several copies of one case.
  const ids = [uuid(7001), uuid(7002), uuid(7003), uuid(7004)];
  const event: fc.Arbitrary<CaseEvent> = fc.oneof(
    fc.record({ type: fc.constant('message' as const), at: fc.integer({ min: 0, max: 30 }).map(at), intent: fc.constantFrom(...INTENTS) }),
    fc.record({ type: fc.constant('inserted' as const), at: fc.integer({ min: 0, max: 30 }).map(at), reply: fc.constantFrom('a', 'b', 'c') }),
    fc.record({ type: fc.constant('step' as const), at: fc.integer({ min: 0, max: 30 }).map(at), step: fc.constantFrom(...GOLDEN_STEPS, 'custom-step') }),
  );
  const copy: fc.Arbitrary<Case> = fc
    .record({
      id: fc.constantFrom(...ids),
      created: fc.integer({ min: 0, max: 3 }),
      updated: fc.integer({ min: 0, max: 3 }),
      outcome: fc.constantFrom('won' as const, 'lost' as const, 'open' as const),
      amount: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
      timeline: fc.array(event, { maxLength: 5 }),
    })
    .map(({ id, created, updated, outcome, amount, timeline }) =>
      makeCase({ id, createdAt: at(created), updatedAt: at(100 + updated), outcome, timeline, ...(amount === undefined ? {} : { amount }), ...(outcome === 'lost' ? { lossReason: 'price' } : {}) }));

  it('gives exactly the figures of caseReport over the merged cases, whatever the copies and their order', () => {
    fc.assert(
      fc.property(fc.array(copy, { maxLength: 12 }), (copies) => {
        const builder = new CaseReportBuilder();
        for (const record of copies) builder.add(record);
        expect(builder.size).toBe(new Set(copies.map((record) => record.id)).size);
        expect(builder.report()).toEqual(caseReport(mergeCases(copies)));
      }),
      { numRuns: 500 },
    );
  });
});
