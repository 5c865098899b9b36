// The case format's lists and patterns are written out without zod (cases/case-format.ts) so
// readers start quickly; these checks keep them equal to what the schema and zod accept.
import { describe, expect, it } from 'vitest';
import { regexes } from 'zod/v4/core';
import { CaseSchema, PERSONAL_DETAIL_KINDS, ReplacedDetailsSchema, TIME_PATTERN } from '@closer/shared';

describe('case format without zod', () => {
  it('TIME_PATTERN is zod\'s datetime pattern with an offset and seconds', () => {
    expect(TIME_PATTERN.source).toBe(regexes.datetime({ offset: true, local: false, precision: null }).source);
    expect(TIME_PATTERN.flags).toBe('');
  });

  it('PERSONAL_DETAIL_KINDS are the replaced-details schema\'s keys, in order', () => {
    expect([...PERSONAL_DETAIL_KINDS]).toEqual(Object.keys(ReplacedDetailsSchema().shape));
  });

  it('the schema still judges times with the pattern', () => {
    const time = (createdAt: string) => CaseSchema().safeParse({ version: 2, id: '3f2a9c1e-8b7d-4c2a-9e1f-0a1b2c3d4e5f', conversation: 'c', salesperson: 's', customer: 'c', outcome: 'open', notes: '', tags: [], followups: [], timeline: [], createdAt, updatedAt: createdAt }).success;
    expect(time('2026-11-22T15:49:43.000Z')).toBe(true);
    expect(time('2026-11-22T15:49:43+08:00')).toBe(true);
    expect(time('2026-02-30T15:49:43Z')).toBe(false);
    expect(time('2026-11-22 15:49:43')).toBe(false);
  });
});
