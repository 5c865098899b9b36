// A tag taken off stays off: setTags records each change as a `tag` event, and merging copies of
// a case (import, files, sync conflicts) lets each tag's latest change win; tags no event mentions
// keep the union. The report, the lifecycle and the quick check read the new events alike.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseReport, CaseReportBuilder, CaseSchema, mergeCases, readCases, setTags, writeCases, type Case, type CaseEvent } from '@closer/shared';
import { lastContactOf } from '../../shared/src/cases/lifecycle.ts';
import { at, inserted, makeCase, message, step, uuid } from './cases-fixtures.ts';

const tagEvent = (minutes: number, tag: string, added: boolean): CaseEvent => ({ type: 'tag', at: at(minutes), tag, added });
const minute = (minutes: number) => new Date(at(minutes));

describe('tag changes', () => {
  it('setTags records each tag put on and taken off as a tag event at that moment', () => {
    const on = setTags(makeCase(), ['hot_lead', 'price_sensitive'], 'intro', minute(5));
    expect(on.tags).toEqual(['hot_lead', 'price_sensitive']);
    expect(on.timeline).toEqual([tagEvent(5, 'hot_lead', true), tagEvent(5, 'price_sensitive', true)]);
    const off = setTags(on, ['price_sensitive'], 'intro', minute(9));
    expect(off.tags).toEqual(['price_sensitive']);
    expect(off.timeline.slice(2)).toEqual([tagEvent(9, 'hot_lead', false)]);
    expect(off.updatedAt).toBe(at(9));
    expect(CaseSchema().parse(off)).toEqual(off);
    // Setting the same tags again is no change, so no event.
    expect(setTags(off, ['price_sensitive'], undefined, minute(12)).timeline).toEqual(off.timeline);
  });

  it('a tag taken off stays off when an older copy of the case is merged in, in either order', () => {
    const older = setTags(makeCase({ id: uuid(), timeline: [message(1, 'price')] }), ['hot_lead', 'price_sensitive'], undefined, minute(2));
    const newer = setTags(older, ['price_sensitive'], undefined, minute(30));
    for (const [merged] of [mergeCases([older], [newer]), mergeCases([newer], [older]), mergeCases([older, newer])]) {
      expect(merged!.tags).toEqual(['price_sensitive']);
      expect(merged!.timeline).toEqual(newer.timeline);
    }
  });

  it('the later change wins when one copy puts a tag on and another takes it off', () => {
    const id = uuid();
    const base = setTags(makeCase({ id }), ['hot_lead'], undefined, minute(1));
    // The laptop takes it off at minute 10; the phone, not yet synced, puts it on again at minute 20.
    const laptop = setTags(base, [], undefined, minute(10));
    const phone = setTags({ ...laptop, tags: [], timeline: laptop.timeline }, ['hot_lead'], undefined, minute(20));
    expect(mergeCases([laptop], [phone])[0]!.tags).toEqual(['hot_lead']);
    expect(mergeCases([phone], [laptop])[0]!.tags).toEqual(['hot_lead']);
    // And the other way round: put on again at minute 10 on one copy, taken off at minute 20 on another.
    const added = setTags(setTags(base, [], undefined, minute(5)), ['hot_lead'], undefined, minute(10));
    const removed = makeCase({ id, tags: [], updatedAt: at(20), timeline: [tagEvent(1, 'hot_lead', true), tagEvent(20, 'hot_lead', false)] });
    expect(mergeCases([added], [removed])[0]!.tags).toEqual([]);
    expect(mergeCases([removed], [added])[0]!.tags).toEqual([]);
  });

  it('decides by the instant, whatever zone the change was written in, and a removal wins a tie', () => {
    const id = uuid();
    const onBeijing = makeCase({ id, tags: ['hot_lead'], updatedAt: at(60), timeline: [{ type: 'tag', at: '2026-11-01T18:00:00.000+08:00', tag: 'hot_lead', added: true }] });
    const offUtc = makeCase({ id, tags: [], updatedAt: at(50), timeline: [{ type: 'tag', at: '2026-11-01T09:30:00.000Z', tag: 'hot_lead', added: false }] });
    // 18:00 in Beijing is 10:00 UTC, after the removal at 09:30 UTC, though the text sorts first.
    expect(mergeCases([onBeijing], [offUtc])[0]!.tags).toEqual(['hot_lead']);
    const offSame = makeCase({ id, tags: [], timeline: [tagEvent(60, 'hot_lead', false)] });
    expect(mergeCases([onBeijing], [offSame])[0]!.tags).toEqual([]);
    expect(mergeCases([offSame], [onBeijing])[0]!.tags).toEqual([]);
  });

  it('keeps the union for tags no event mentions (cases written before tag events), beside evented ones', () => {
    const id = uuid();
    const old = makeCase({ id, updatedAt: at(5), tags: ['referral_friend', 'hot_lead'] });
    const evented = makeCase({ id, updatedAt: at(9), tags: ['price_sensitive'], timeline: [tagEvent(8, 'hot_lead', false), tagEvent(8, 'price_sensitive', true)] });
    expect(mergeCases([old], [evented])[0]!.tags).toEqual(['price_sensitive', 'referral_friend']);
    expect(mergeCases([makeCase({ id, tags: ['a'] })], [makeCase({ id, tags: ['b'] })])[0]!.tags).toEqual(['a', 'b']);
  });

  it('a removal made while the clock is behind the last change still wins the merge', () => {
    const on = setTags(makeCase(), ['hot_lead'], undefined, minute(30));
    const off = setTags(on, [], undefined, minute(10));
    const change = off.timeline.at(-1)!;
    expect(change).toMatchObject({ type: 'tag', tag: 'hot_lead', added: false });
    expect(Date.parse(change.at)).toBeGreaterThan(Date.parse(at(30)));
    expect(mergeCases([on], [off])[0]!.tags).toEqual([]);
  });

  it('merging stays idempotent, commutative and associative with tag events', () => {
    const ids = [uuid(8101), uuid(8102)];
    const event = fc.oneof(
      fc.record({ type: fc.constant('tag' as const), at: fc.integer({ min: 0, max: 4 }).map(at), tag: fc.constantFrom('t1', 't2', 't3'), added: fc.boolean() }),
      fc.record({ type: fc.constant('message' as const), at: fc.integer({ min: 0, max: 4 }).map(at), intent: fc.constant('price' as const) }),
    );
    const copy: fc.Arbitrary<Case> = fc
      .record({ id: fc.constantFrom(...ids), updated: fc.integer({ min: 0, max: 2 }), tags: fc.array(fc.constantFrom('t1', 't2', 't3', 't4'), { maxLength: 3 }), timeline: fc.array(event, { maxLength: 4 }) })
      .map(({ id, updated, tags, timeline }) => makeCase({ id, updatedAt: at(updated), tags, timeline }));
    const file = fc.array(copy, { maxLength: 4 });
    fc.assert(
      fc.property(file, file, file, (a, b, c) => {
        const merged = mergeCases(a, b, c);
        expect(mergeCases(c, b, a)).toEqual(merged);
        expect(mergeCases(mergeCases(a, b), c)).toEqual(merged);
        expect(mergeCases(a, mergeCases(b, c))).toEqual(merged);
        expect(mergeCases(merged, a)).toEqual(merged);
        // Each evented tag is on exactly when its latest change (removal winning ties) put it on.
        for (const record of merged) {
          for (const tag of new Set(record.timeline.flatMap((e) => (e.type === 'tag' ? [e.tag] : [])))) {
            const changes = record.timeline.filter((e): e is Extract<CaseEvent, { type: 'tag' }> => e.type === 'tag' && e.tag === tag);
            const last = Math.max(...changes.map((e) => Date.parse(e.at)));
            const on = changes.filter((e) => Date.parse(e.at) === last).every((e) => e.added);
            expect(record.tags.includes(tag)).toBe(on);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the report counts tags as the merge keeps them, and tag events change no intent, reply or step figure', () => {
    const ids = [uuid(8201), uuid(8202), uuid(8203)];
    const event: fc.Arbitrary<CaseEvent> = fc.oneof(
      fc.record({ type: fc.constant('tag' as const), at: fc.integer({ min: 0, max: 4 }).map(at), tag: fc.constantFrom('t1', 't2'), added: fc.boolean() }),
      fc.constantFrom(message(1, 'price'), step(2, 'consider'), inserted(3, 'a'), step(4, 'ask_close')),
    );
    const copy: fc.Arbitrary<Case> = fc
      .record({ id: fc.constantFrom(...ids), updated: fc.integer({ min: 0, max: 2 }), outcome: fc.constantFrom('won' as const, 'open' as const, 'lost' as const), tags: fc.array(fc.constantFrom('t1', 't2', 't3'), { maxLength: 2 }), timeline: fc.array(event, { maxLength: 5 }) })
      .map(({ id, updated, outcome, tags, timeline }) => makeCase({ id, customer: id, updatedAt: at(100 + updated), outcome, tags, timeline, ...(outcome === 'lost' ? { lossReason: 'price' } : {}) }));
    fc.assert(
      fc.property(fc.array(copy, { maxLength: 8 }), (copies) => {
        const builder = new CaseReportBuilder();
        for (const record of copies) builder.add(record);
        const merged = mergeCases(copies);
        expect(builder.report()).toEqual(caseReport(merged));
        const withoutTagEvents = merged.map((record) => ({ ...record, timeline: record.timeline.filter((e) => e.type !== 'tag') }));
        const { byIntent, byReply, byStep, totals } = caseReport(withoutTagEvents);
        expect(caseReport(merged)).toMatchObject({ byIntent, byReply, byStep, totals });
      }),
      { numRuns: 300 },
    );
  });

  it('tagging a customer later is no contact and does not move their lifecycle', () => {
    const record = makeCase({ createdAt: at(0), timeline: [message(3, 'price')] });
    const tagged = setTags(record, ['hot_lead'], undefined, minute(60 * 24 * 90));
    expect(lastContactOf(tagged)).toBe(lastContactOf(record));
  });

  it('a case file with tag events reads back as it was written, and a bad tag event is named', () => {
    const record = setTags(setTags(makeCase(), ['hot_lead'], undefined, minute(1)), [], undefined, minute(2));
    const read = readCases(writeCases([record]), 'tags.jsonl');
    expect(read.problems).toEqual([]);
    expect(read.cases).toEqual([record]);
    const bad = { ...record, timeline: [{ type: 'tag', at: at(1), tag: 'hot_lead', added: 'yes' }] };
    const broken = readCases(JSON.stringify(bad), 'bad.jsonl');
    expect(broken.cases).toEqual([]);
    expect(broken.problems.map((problem) => `${problem.file}:${problem.line} ${problem.message}`).join('\n')).toMatch(/^bad\.jsonl:1 .*timeline\.0\.added/m);
  });
});
