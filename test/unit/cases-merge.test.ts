import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INTENTS, mergeCases, type Case, type CaseEvent } from '@closer/shared';
import { at, inserted, makeCase, message, uuid } from './cases-fixtures.ts';

const ids = [uuid(9001), uuid(9002), uuid(9003)];
const eventArbitrary: fc.Arbitrary<CaseEvent> = fc.oneof(
  fc.record({ type: fc.constant('message' as const), at: fc.integer({ min: 0, max: 50 }).map(at), intent: fc.constantFrom(...INTENTS) }),
  fc.record({ type: fc.constant('inserted' as const), at: fc.integer({ min: 0, max: 50 }).map(at), reply: fc.constantFrom('a', 'b', 'c') }),
  fc.record({ type: fc.constant('sent' as const), at: fc.integer({ min: 0, max: 50 }).map(at), reply: fc.constantFrom('a', 'b'), message: fc.constantFrom('[NAME_1] 太贵', 'too dear'), replaced: fc.constantFrom({}, { NAME: 1 }, { NAME: 1, PHONE: 2 }) }),
);
// Few ids and few times, so the same case often appears in several files with equal or different times.
const caseArbitrary: fc.Arbitrary<Case> = fc
  .record({
    id: fc.constantFrom(...ids),
    updated: fc.integer({ min: 0, max: 3 }),
    outcome: fc.constantFrom('won' as const, 'lost' as const, 'open' as const),
    notes: fc.constantFrom('', 'called back', '王姐 likes it'),
    timeline: fc.array(eventArbitrary, { maxLength: 4 }),
  })
  .map(({ id, updated, outcome, notes, timeline }) => makeCase({ id, updatedAt: at(100 + updated), outcome, notes, timeline }));
const fileArbitrary = fc.array(caseArbitrary, { maxLength: 5 });

describe('merging case files', () => {
  it('the newest copy of a case wins and the timelines are united', () => {
    const id = uuid();
    const older = makeCase({ id, updatedAt: at(10), outcome: 'open', notes: 'first', timeline: [message(1, 'price')] });
    const newer = makeCase({ id, updatedAt: at(20), outcome: 'won', amount: 300, notes: 'closed', timeline: [message(1, 'price'), inserted(5, 'a')] });
    const phone = makeCase({ id, updatedAt: at(15), timeline: [message(3, 'doubt')] });
    const merged = mergeCases([newer], [older, phone]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ outcome: 'won', amount: 300, notes: 'closed', updatedAt: at(20) });
    expect(merged[0]!.timeline).toEqual([message(1, 'price'), message(3, 'doubt'), inserted(5, 'a')]);
  });

  it('orders events by the instant, whatever zone their time was written in, and keeps each once', () => {
    const id = uuid();
    const beijing: CaseEvent = { type: 'message', at: '2026-11-01T17:00:00.000+08:00', intent: 'price' };
    const utc: CaseEvent = { type: 'inserted', at: '2026-11-01T08:30:00.000Z', reply: 'a' };
    const a = makeCase({ id, updatedAt: at(100), timeline: [beijing, utc] });
    const b = makeCase({ id, updatedAt: at(100), timeline: [utc, beijing, utc] });
    expect(mergeCases([a], [b])[0]!.timeline).toEqual([utc, beijing]);
    expect(mergeCases([b])[0]!.timeline).toEqual([utc, beijing]);
  });

  it('keeps an adapted and a verbatim insert of the same reply at the same moment as two events', () => {
    const id = uuid();
    const adapted: CaseEvent = { type: 'inserted', at: at(5), reply: 'a', adapted: { backend: 'openai-compatible', hosted: false } };
    const merged = mergeCases([makeCase({ id, timeline: [inserted(5, 'a')] })], [makeCase({ id, timeline: [adapted, inserted(5, 'a')] })]);
    expect(merged[0]!.timeline).toHaveLength(2);
    expect(merged[0]!.timeline).toContainEqual(adapted);
    expect(merged[0]!.timeline).toContainEqual(inserted(5, 'a'));
  });

  it('keeps two requests to a hosted model for one reply at the same moment as two events when what was sent differs', () => {
    const id = uuid();
    const first: CaseEvent = { type: 'sent', at: at(5), reply: 'a', message: '[NAME_1] 太贵', replaced: { NAME: 1 } };
    const second: CaseEvent = { ...first, message: '[NAME_1] 太贵 [PHONE_1]', replaced: { NAME: 1, PHONE: 1 } };
    const merged = mergeCases([makeCase({ id, timeline: [first] })], [makeCase({ id, timeline: [second, first] })]);
    expect(merged[0]!.timeline).toHaveLength(2);
    expect(merged[0]!.timeline).toContainEqual(second);
  });

  it('is idempotent: merging the result again, or a file with itself, changes nothing', () => {
    fc.assert(
      fc.property(fileArbitrary, fileArbitrary, (a, b) => {
        const once = mergeCases(a, b);
        expect(mergeCases(once, a, b)).toEqual(once);
        expect(mergeCases(once, once)).toEqual(once);
      }),
    );
  });

  it('does not depend on the order of the files or of the lines (commutative and associative)', () => {
    fc.assert(
      fc.property(fileArbitrary, fileArbitrary, fileArbitrary, (a, b, c) => {
        const expected = mergeCases(a, b, c);
        expect(mergeCases(c, b, a)).toEqual(expected);
        expect(mergeCases(mergeCases(a, b), c)).toEqual(expected);
        expect(mergeCases(a, mergeCases(b, c))).toEqual(expected);
        expect(mergeCases([...a, ...b, ...c].reverse())).toEqual(expected);
      }),
    );
  });

  it('loses nothing: every case id and every timeline event of every file is in the result', () => {
    fc.assert(
      fc.property(fc.array(fileArbitrary, { maxLength: 4 }), (files) => {
        const merged = mergeCases(...files);
        const byId = new Map(merged.map((record) => [record.id, record]));
        for (const record of files.flat()) {
          const kept = byId.get(record.id)!;
          expect(kept).toBeDefined();
          for (const event of record.timeline) expect(kept.timeline).toContainEqual(event);
          expect(Date.parse(kept.updatedAt)).toBeGreaterThanOrEqual(Date.parse(record.updatedAt));
        }
        expect(merged).toHaveLength(new Set(files.flat().map((record) => record.id)).size);
      }),
    );
  });
});
