// Case record version 2: tags, the lifecycle snapshot, the source, follow-up states, meeting and
// signal events; version 1 records and files read losslessly; merging unites tags and follow-ups.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_VERSION, CaseSchema, mergeCases, readCases, upgradeCase, writeCases, type Case, type CaseFollowup } from '@closer/shared';
import { isCertainlyCase } from '../../shared/src/cases/quick-check.ts';
import { at, makeCase, uuid } from './cases-fixtures.ts';

const V1_FILE = fileURLToPath(new URL('../fixtures/cases/v1-team.jsonl', import.meta.url));
const done = (rule: string, due: number, when: number): CaseFollowup => ({ rule, due: at(due), state: 'done', at: at(when) });

describe('case record version 2', () => {
  it('is version 2 and accepts tags, lifecycle, source, follow-up states and the meeting and signal events', () => {
    const record = makeCase({
      tags: ['price_sensitive', 'referral_friend'], lifecycle: 'growth', source: 'referral_friend',
      followups: [done('care_day1', 1440, 1500), { rule: 'repurchase', due: at(3000), state: 'snoozed', at: at(3000), until: at(4000) }],
      timeline: [{ type: 'meeting', at: at(1) }, { type: 'signal', at: at(2), signal: 'buy_soon' }],
    });
    expect(CASE_VERSION).toBe(2);
    const copy = JSON.parse(JSON.stringify(record));
    expect(CaseSchema().parse(copy)).toEqual(record);
    // Closer's own writing skips zod: the quick check must know the new fields too.
    expect(isCertainlyCase(copy)).toBe(true);
  });

  it('names what is wrong in the new fields', () => {
    const wrong: [unknown, RegExp][] = [
      [{ ...makeCase(), tags: ['Not An Id'] }, /^tags\.0: /],
      [{ ...makeCase(), lifecycle: 'asleep' }, /^lifecycle: /],
      [{ ...makeCase(), followups: [{ rule: 'r', due: at(1), state: 'snoozed', at: at(1) }] }, /^followups\.0\.until: a snoozed follow-up needs "until"/],
      [{ ...makeCase(), followups: [{ ...done('r', 1, 1), until: at(5) }] }, /^followups\.0\.until: /],
      [{ ...makeCase(), timeline: [{ type: 'signal', at: at(1), signal: 'maybe' }] }, /^timeline\.0\.signal: /],
      [(({ tags: _tags, ...rest }) => rest)(makeCase()), /^tags: /],
    ];
    for (const [input, pattern] of wrong) {
      const result = CaseSchema().safeParse(input);
      expect(result.success, JSON.stringify(input)).toBe(false);
      expect(result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n')).toMatch(pattern);
      expect(isCertainlyCase(input)).toBe(false);
    }
  });
});

describe('reading version 1', () => {
  it('upgradeCase keeps every field of a version 1 record and adds empty tags and follow-ups', () => {
    const v1 = JSON.parse(readFileSync(V1_FILE, 'utf8').split('\n')[0]!);
    const upgraded = upgradeCase(structuredClone(v1)) as Record<string, unknown>;
    expect(upgraded).toEqual({ ...v1, version: 2, tags: [], followups: [] });
    expect(CaseSchema().parse(upgraded)).toEqual(upgraded);
  });

  it('leaves a current record, a newer one and anything else as it was, for the schema to judge', () => {
    const current = makeCase();
    expect(upgradeCase(current)).toBe(current);
    const newer = { ...current, version: 3 };
    expect(upgradeCase(newer)).toBe(newer);
    for (const other of [null, 1, 'text', [1], { version: '1' }]) expect(upgradeCase(other)).toBe(other);
  });

  it('a version 1 file reads with no problem, every case in version 2, and writes back as version 2', () => {
    const text = readFileSync(V1_FILE, 'utf8');
    const read = readCases(text, 'v1-team.jsonl');
    expect(read.problems).toEqual([]);
    expect(read.cases).toHaveLength(3);
    const originals = text.trim().split('\n').map((line) => JSON.parse(line));
    read.cases.forEach((record, index) => expect(record).toEqual({ ...originals[index], version: 2, tags: [], followups: [] }));
    const again = readCases(writeCases(read.cases), 'again.jsonl');
    expect(again).toEqual({ cases: read.cases, problems: [], drillResults: 0 });
  });

  it('a file mixing versions 1 and 2 reads both; a bad version 1 line is still named by its line', () => {
    const v1 = readFileSync(V1_FILE, 'utf8').split('\n')[0]!;
    const broken = JSON.stringify({ ...JSON.parse(v1), outcome: 'maybe' });
    const { cases, problems } = readCases([v1, JSON.stringify(makeCase({ tags: ['x'] })), broken].join('\n'), 'mixed.jsonl');
    expect(cases.map((record) => record.version)).toEqual([2, 2]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3, severity: 'error', message: expect.stringMatching(/at outcome/) });
  });
});

describe('merging version 2 fields', () => {
  it('unites the tags of every copy, each once, whichever copy is newest', () => {
    const id = uuid();
    const phone = makeCase({ id, updatedAt: at(10), tags: ['hot_lead', 'price_sensitive'] });
    const laptop = makeCase({ id, updatedAt: at(20), tags: ['referral_friend', 'price_sensitive'], notes: 'newest' });
    const [merged] = mergeCases([phone], [laptop]);
    expect(merged).toMatchObject({ notes: 'newest', tags: ['hot_lead', 'price_sensitive', 'referral_friend'] });
  });

  it('keeps one state per follow-up (rule, due), the latest action winning, even from an older copy', () => {
    const id = uuid();
    const snoozed: CaseFollowup = { rule: 'care_day1', due: at(1440), state: 'snoozed', at: at(1450), until: at(2000) };
    const older = makeCase({ id, updatedAt: at(10), followups: [done('care_day1', 1440, 2100), done('repurchase', 9000, 9100)] });
    const newer = makeCase({ id, updatedAt: at(3000), followups: [snoozed] });
    const [merged] = mergeCases([newer], [older]);
    expect(merged!.followups).toEqual([done('care_day1', 1440, 2100), done('repurchase', 9000, 9100)]);
  });

  it('is idempotent and does not depend on the order of the files', () => {
    const ids = [uuid(7001), uuid(7002)];
    const followup = fc.record({
      rule: fc.constantFrom('a', 'b'), due: fc.integer({ min: 0, max: 2 }).map(at), state: fc.constantFrom('done' as const, 'declined' as const, 'skipped' as const), at: fc.integer({ min: 0, max: 3 }).map(at),
    });
    const record: fc.Arbitrary<Case> = fc
      .record({ id: fc.constantFrom(...ids), updated: fc.integer({ min: 0, max: 2 }), tags: fc.array(fc.constantFrom('t1', 't2', 't3'), { maxLength: 3 }), followups: fc.array(followup, { maxLength: 3 }) })
      .map(({ id, updated, tags, followups }) => makeCase({ id, updatedAt: at(updated), tags, followups }));
    const file = fc.array(record, { maxLength: 4 });
    fc.assert(
      fc.property(file, file, (a, b) => {
        const merged = mergeCases(a, b);
        expect(mergeCases(b, a)).toEqual(merged);
        expect(mergeCases(merged)).toEqual(merged);
        expect(mergeCases(merged, a)).toEqual(merged);
      }),
      { numRuns: 500 },
    );
  });
});
