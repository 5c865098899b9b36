// The report's win rate and repurchase by customer tag and by source, on cases a team lead can check by hand.
import { describe, expect, it } from 'vitest';
import { caseReport, CaseReportBuilder, type Case } from '@closer/shared';
import { makeCase, uuid } from './cases-fixtures.ts';

const won = (customer: string, fields: Partial<Case> = {}): Case => makeCase({ customer, outcome: 'won', closedAt: makeCase().createdAt, ...fields });
const lost = (customer: string, fields: Partial<Case> = {}): Case => makeCase({ customer, outcome: 'lost', lossReason: 'price', ...fields });

describe('report by tag and by source', () => {
  const cases = [
    won('王姐', { tags: ['referral_friend'] }), won('王姐'), // bought twice; the tag is on one case, so the customer has it
    won('Mr Lee', { tags: ['referral_friend', 'price_sensitive'] }), lost('Mr Lee', { tags: ['referral_friend'] }),
    lost('Ms Wu', { tags: ['price_sensitive'] }),
    won('ACME', { source: 'source_ads' }), makeCase({ customer: 'ACME', tags: ['hot_lead'] }),
  ];

  it('a tag\'s win rate counts its closed cases; its repurchase counts its customers who bought, and who bought again', () => {
    const { byTag } = caseReport(cases);
    expect(byTag.map((row) => [row.tag, row.cases, row.wins, row.repurchase.cases, row.repurchase.wins])).toEqual([
      ['referral_friend', 3, 2, 2, 1], // 王姐's one tagged win, Lee's win and loss; buyers 王姐 (twice) and Lee (once)
      ['price_sensitive', 2, 1, 1, 0],
      ['hot_lead', 0, 0, 1, 0], // only on an open case; its customer ACME bought once
    ]);
    expect(byTag[0]!.rate).toBeCloseTo(2 / 3);
    expect(byTag[0]!.repurchase.rate).toBe(0.5);
  });

  it('by source: the case\'s source, else its tag of the source category, else none', () => {
    const tagged = [...cases, won('Ms Zhao', { tags: ['referral_friend'] })];
    const { bySource } = caseReport(tagged, { sourceTags: ['referral_friend'] });
    expect(bySource.map((row) => [row.source, row.cases, row.wins, row.repurchase.cases, row.repurchase.wins])).toEqual([
      ['referral_friend', 4, 3, 3, 1],
      ['none', 2, 1, 0, 0], // 王姐's untagged win and Ms Wu's loss; 王姐's source is known from her other case, Ms Wu never bought
      ['source_ads', 1, 1, 1, 0],
    ]);
    expect(caseReport(cases).bySource.map((row) => row.source)).toEqual(['none', 'source_ads']);
  });

  it('copies of one case count once, with the tags of every copy', () => {
    const id = uuid();
    const phone = won('王姐', { id, tags: ['hot_lead'], updatedAt: '2026-11-01T10:00:00.000Z' });
    const laptop = won('王姐', { id, tags: ['referral_friend'], updatedAt: '2026-11-01T11:00:00.000Z' });
    const builder = new CaseReportBuilder();
    builder.add(phone);
    builder.add(laptop);
    expect(builder.report().byTag.map((row) => [row.tag, row.cases])).toEqual([['hot_lead', 1], ['referral_friend', 1]]);
  });

  it('no tags: empty tables, and every case under source none', () => {
    const report = caseReport([won('a'), lost('b')]);
    expect(report.byTag).toEqual([]);
    expect(report.bySource.map((row) => [row.source, row.cases])).toEqual([['none', 2]]);
  });
});
