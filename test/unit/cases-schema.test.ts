import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addEvent, CaseSchema, GOLDEN_STEPS, INTENTS, LOSS_REASONS, newCase, OUTCOMES, setOutcome, type Case } from '@closer/shared';
import { isCertainlyCase } from '../../shared/src/cases/quick-check.ts';
import { at, inserted, makeCase, message, step } from './cases-fixtures.ts';

describe('case record', () => {
  it('accepts a complete won case with a timeline of every kind of event', () => {
    const record = makeCase({
      outcome: 'won', amount: 1299, product: 'annual-plan', notes: '开了两家店', closedAt: at(90), updatedAt: at(90),
      timeline: [message(1, 'price'), step(1, 'consider'), { type: 'suggested', at: at(2), replies: ['a', 'b'] }, inserted(3, 'a')],
    });
    expect(CaseSchema().parse(record)).toEqual(record);
  });

  it('names the field that is wrong', () => {
    const cases: [unknown, RegExp][] = [
      [{ ...makeCase(), id: 'nope' }, /UUID/],
      [{ ...makeCase(), outcome: 'maybe' }, /outcome/],
      [{ ...makeCase(), amount: -5 }, /amount/],
      [{ ...makeCase(), createdAt: '2026-11-01' }, /ISO 8601/],
      [{ ...makeCase(), timeline: [{ type: 'message', at: at(1), intent: 'angry' }] }, /intent/],
      [{ ...makeCase(), surprise: 1 }, /surprise/],
      [{ ...makeCase(), outcome: 'won', lossReason: 'price' }, /loss reason belongs only to a lost case/],
    ];
    for (const [input, pattern] of cases) {
      const result = CaseSchema().safeParse(input);
      expect(result.success).toBe(false);
      const text = result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n');
      expect(text).toMatch(pattern);
    }
  });

  it('keeps the default loss reasons and outcomes as the issue lists them', () => {
    expect(LOSS_REASONS).toEqual(['price', 'rival', 'timing', 'no_need', 'no_trust', 'other']);
    expect(OUTCOMES).toEqual(['won', 'lost', 'open']);
  });

  it('newCase makes a valid open case with a fresh UUID each time', () => {
    const a = newCase({ conversation: 'x', salesperson: 'bo' });
    const b = newCase({ conversation: 'x', salesperson: 'bo' });
    expect(CaseSchema().parse(a)).toEqual(a);
    expect(a.id).not.toBe(b.id);
    expect(a.outcome).toBe('open');
  });

  it('setOutcome moves updatedAt on, sets closedAt, and keeps a loss reason only on a lost case', () => {
    const open = makeCase();
    const lost = setOutcome(open, { outcome: 'lost', lossReason: 'rival', now: new Date(at(60)) });
    expect(lost).toMatchObject({ outcome: 'lost', lossReason: 'rival', closedAt: at(60), updatedAt: at(60) });
    const won = setOutcome(lost, { outcome: 'won', amount: 500, now: new Date(at(70)) });
    expect(won.lossReason).toBeUndefined();
    expect(won).toMatchObject({ outcome: 'won', amount: 500, closedAt: at(70) });
    expect(CaseSchema().safeParse(won).success).toBe(true);
    const reopened = setOutcome(won, { outcome: 'open', now: new Date(at(80)) });
    expect(reopened.closedAt).toBeUndefined();
  });

  it('an insert records whether the text was a model\'s adaptation; a case written before adaptation existed stays valid', () => {
    const old = makeCase({ timeline: [message(1, 'price'), inserted(2, 'tea-price-value')] });
    expect(CaseSchema().safeParse(JSON.parse(JSON.stringify(old))).success).toBe(true);
    const adapted = addEvent(old, { type: 'inserted', at: at(3), reply: 'tea-price-value', adapted: { backend: 'chrome-built-in', hosted: false } });
    expect(CaseSchema().parse(JSON.parse(JSON.stringify(adapted))).timeline.at(-1)).toEqual({ type: 'inserted', at: at(3), reply: 'tea-price-value', adapted: { backend: 'chrome-built-in', hosted: false } });
    const unknown = CaseSchema().safeParse(JSON.parse(JSON.stringify({ ...adapted, timeline: [{ type: 'inserted', at: at(3), reply: 'r', adapted: { backend: 'gpt-9', hosted: false } }] })));
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.path).toEqual(['timeline', 0, 'adapted', 'backend']);
  });

  it('what was sent to a hosted model is recorded masked, with how many details of each kind were replaced; an unknown kind or a zero count is refused', () => {
    const old = makeCase({ timeline: [message(1, 'price'), inserted(2, 'tea-price-value')] });
    const sent = { type: 'sent' as const, at: at(3), reply: 'tea-price-value', message: '我是[NAME_1]，电话[PHONE_1]，太贵了', replaced: { NAME: 1, PHONE: 1 } };
    const record = addEvent(old, sent);
    expect(CaseSchema().parse(JSON.parse(JSON.stringify(record))).timeline.at(-1)).toEqual(sent);
    const withKind = (replaced: unknown) => CaseSchema().safeParse({ ...record, timeline: [{ ...sent, replaced }] });
    expect(withKind({}).success).toBe(true);
    expect(withKind({ PASSWORD: 1 }).error?.issues[0]?.path).toEqual(['timeline', 0, 'replaced']);
    expect(withKind({ PHONE: 0 }).error?.issues[0]?.path).toEqual(['timeline', 0, 'replaced', 'PHONE']);
    // The details themselves have no place in the event.
    expect(CaseSchema().safeParse({ ...record, timeline: [{ ...sent, details: { '[PHONE_1]': '13900139000' } }] }).success).toBe(false);
  });

  it('addEvent keeps the timeline in time order', () => {
    const record = addEvent(addEvent(makeCase(), message(5, 'price')), inserted(2, 'a'));
    expect(record.timeline.map((event) => event.at)).toEqual([at(2), at(5)]);
    expect(record.updatedAt).toBe(at(5));
  });
});

// The quick check lets most records skip zod; it must never accept what zod refuses.
describe('quick check', () => {
  const time = fc.oneof(
    fc.integer({ min: 0, max: 10_000 }).map(at),
    fc.constantFrom('2026-02-29T00:00:00Z', '2028-02-29T00:00:00+08:00', '2026-13-01T00:00:00Z', '2026-11-01T24:00:00Z', '2026-11-01', 'now', ''),
  );
  const id = fc.oneof(fc.constantFrom('price-value', 'a', 'A', '-x', 'x y', ''), fc.string({ maxLength: 6 }));
  const event = fc.oneof(
    fc.record({ type: fc.constant('message'), at: time, intent: fc.oneof(fc.constantFrom(...INTENTS), fc.string({ maxLength: 4 })) }),
    fc.record({ type: fc.constant('step'), at: time, step: fc.oneof(fc.constantFrom(...GOLDEN_STEPS), id) }),
    fc.record({ type: fc.constant('inserted'), at: time, reply: id }),
    // Adapted inserts and their near misses: an unknown back-end, a missing or extra key, a wrong type.
    fc.record({
      type: fc.constant('inserted'),
      at: time,
      reply: id,
      adapted: fc.oneof(
        fc.record({ backend: fc.constantFrom('openai-compatible', 'chrome-built-in', 'gpt', ''), hosted: fc.oneof(fc.boolean(), fc.constant('yes')) }),
        fc.record({ backend: fc.constant('openai-compatible') }),
        fc.record({ backend: fc.constant('chrome-built-in'), hosted: fc.boolean(), extra: fc.anything() }),
        fc.anything(),
      ),
    }),
    fc.record({ type: fc.constantFrom('suggested', 'other'), at: time, replies: fc.array(id, { maxLength: 3 }) }),
    // Version 2's meeting and signal events, and their near misses: an extra key, an unknown signal.
    fc.record({ type: fc.constant('meeting'), at: time, extra: fc.anything() }, { requiredKeys: ['type', 'at'] }),
    fc.record({ type: fc.constant('signal'), at: time, signal: fc.constantFrom('buy_soon', 'buy_later', 1) }, { requiredKeys: ['type', 'at'] }),
    // A tag put on or taken off, and its near misses: a tag that is no id, "added" not a boolean, a missing or extra key.
    fc.record({ type: fc.constant('tag'), at: time, tag: id, added: fc.oneof(fc.boolean(), fc.constantFrom('true', 1, null)), extra: fc.anything() }, { requiredKeys: ['type', 'at'] }),
    // What was sent to a hosted model, and its near misses: an unknown kind, a zero, fractional or
    // text count, a message that is not text, a missing or extra key.
    fc.record(
      {
        type: fc.constant('sent'),
        at: time,
        reply: id,
        message: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()),
        replaced: fc.oneof(
          fc.dictionary(fc.constantFrom('EMAIL', 'CARD', 'ID', 'PHONE', 'ADDRESS', 'NAME', 'name', 'PASSWORD', '__proto__'), fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constantFrom(1.5, '1', null)), { maxKeys: 3 }),
          fc.anything(),
        ),
        extra: fc.anything(),
      },
      { requiredKeys: ['type', 'at', 'reply'] },
    ),
    fc.anything(),
  );
  const fields = {
    version: fc.constantFrom(1, 2, 3, '2'),
    tags: fc.oneof(fc.array(id, { maxLength: 3 }), fc.constant('price'), fc.constant(undefined)),
    lifecycle: fc.constantFrom('intro', 'dormant', 'asleep', 3, undefined),
    source: fc.oneof(id, fc.constant(undefined)),
    followups: fc.oneof(
      fc.array(
        fc.record(
          { rule: id, due: time, state: fc.constantFrom('done', 'snoozed', 'declined', 'skipped', 'maybe'), at: time, until: time, extra: fc.anything() },
          { requiredKeys: ['rule', 'due', 'state', 'at'] },
        ),
        { maxLength: 3 },
      ),
      fc.constant({}),
    ),
    id: fc.constantFrom('00000000-0000-4000-8000-000000000001', 'not-a-uuid', 'ABCDEF01-0000-4000-8000-000000000001'),
    conversation: fc.oneof(fc.string(), fc.integer()),
    customer: fc.oneof(fc.string(), fc.constant(null)),
    product: fc.oneof(fc.string(), fc.constant(undefined)),
    amount: fc.oneof(fc.double(), fc.integer({ min: -3, max: 9999 }), fc.constant(undefined)),
    outcome: fc.constantFrom('won', 'lost', 'open', 'WON'),
    lossReason: fc.oneof(id, fc.constant(undefined)),
    timeline: fc.oneof(fc.array(event, { maxLength: 5 }), fc.constant({})),
    createdAt: time,
    closedAt: time,
    extra: fc.anything(),
  };
  // Valid records with one to three fields changed, dropped or added: near misses are the hard part.
  const base = (): Record<string, unknown> =>
    JSON.parse(JSON.stringify(makeCase({
      outcome: 'lost', lossReason: 'price', tags: ['price_sensitive'], lifecycle: 'growth', source: 'referral_friend',
      followups: [{ rule: 'care_day1', due: at(1440), state: 'snoozed', at: at(1500), until: at(2000) }],
      timeline: [message(1, 'price'), inserted(2, 'r'), { type: 'meeting', at: at(3) }, { type: 'signal', at: at(4), signal: 'buy_soon' }, { type: 'tag', at: at(5), tag: 'price_sensitive', added: true }],
    })));
  const mutation = fc.oneof(
    ...Object.entries(fields).map(([key, value]) => (value as fc.Arbitrary<unknown>).map((v) => [key, v] as const)),
    fc.constantFrom('version', 'id', 'notes', 'tags', 'followups', 'timeline', 'updatedAt').map((key) => [key, 'delete'] as const),
  );
  const record = fc.array(mutation, { minLength: 0, maxLength: 3 }).map((changes) => {
    const data = base();
    for (const [key, value] of changes) {
      if (value === 'delete') delete data[key];
      else if (value === undefined) delete data[key];
      else data[key] = value;
    }
    return data;
  });

  it('accepts only records the schema accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(record, (data) => {
        if (!isCertainlyCase(data)) return;
        accepted++;
        expect(CaseSchema().safeParse(data).success).toBe(true);
      }),
      { numRuns: 5000 },
    );
    // The property means something only if the check said yes often enough.
    expect(accepted).toBeGreaterThan(100);
  });

  it('accepts an adapted insert Closer writes, so it skips zod too', () => {
    const record: Case = makeCase({ timeline: [message(1, 'price'), { type: 'inserted', at: at(2), reply: 'r-1', adapted: { backend: 'openai-compatible', hosted: false } }] });
    expect(isCertainlyCase(JSON.parse(JSON.stringify(record)))).toBe(true);
  });

  it('accepts what was sent to a hosted model as Closer writes it, so it skips zod too', () => {
    const record: Case = makeCase({ timeline: [message(1, 'price'), { type: 'sent', at: at(2), reply: 'r-1', message: '[NAME_1]: too dear', replaced: { NAME: 1 } }] });
    expect(isCertainlyCase(JSON.parse(JSON.stringify(record)))).toBe(true);
  });

  it('accepts tag changes as Closer writes them, so they skip zod too', () => {
    const record: Case = makeCase({ tags: ['hot_lead'], timeline: [{ type: 'tag', at: at(1), tag: 'hot_lead', added: true }, { type: 'tag', at: at(2), tag: 'price_sensitive', added: false }] });
    expect(isCertainlyCase(JSON.parse(JSON.stringify(record)))).toBe(true);
  });

  it('accepts the ordinary records Closer writes, so they skip zod', () => {
    const record: Case = makeCase({ outcome: 'lost', lossReason: 'price', product: 'p', amount: 3, closedAt: at(3), timeline: [message(1, 'doubt'), step(2, 'ask_close'), inserted(3, 'r-1')] });
    expect(isCertainlyCase(JSON.parse(JSON.stringify(record)))).toBe(true);
  });
});
