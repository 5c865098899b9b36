// The revisit plan's arithmetic: which follow-ups are due on a day in a time zone, across
// daylight-saving changes; the stop rule; many cases per customer; done, edited, snoozed; 10,000 cases.
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays, dueFollowups, editCase, followupFigures, instantOf, mergeCases, recordFollowup, setTags, startOfDay, wallClockOf,
  type Case, type CaseFollowup, type DueFollowup,
} from '@closer/shared';
import { makeCase, uuid } from './cases-fixtures.ts';
import { planBundle } from './followups-fixture.ts';

const bundle = planBundle();
const T = (iso: string): number => Date.parse(iso);
const won = (closedAt: string, fields: Partial<Case> = {}): Case =>
  makeCase({ outcome: 'won', customer: '王姐', createdAt: new Date(T(closedAt) - 3_600_000).toISOString(), updatedAt: closedAt, closedAt, ...fields });
const due = (cases: Case[], on: string, timeZone: string, language: 'zh-CN' | 'en' = 'zh-CN', values?: Record<string, string>): DueFollowup[] =>
  dueFollowups(cases, bundle, { on: new Date(on), timeZone, language, ...(values ? { values } : {}) });
const rulesOf = (list: DueFollowup[]): string[] => list.map((item) => item.rule);

describe('wall-clock arithmetic in a time zone', () => {
  it('reads the clock in Asia/Shanghai, America/New_York and Europe/London', () => {
    expect(wallClockOf(T('2026-11-02T17:00:00Z'), 'Asia/Shanghai')).toMatchObject({ year: 2026, month: 11, day: 3, hour: 1, minute: 0 });
    expect(wallClockOf(T('2026-07-01T12:00:00Z'), 'America/New_York')).toMatchObject({ day: 1, hour: 8 });
    expect(wallClockOf(T('2026-07-01T12:00:00Z'), 'Europe/London')).toMatchObject({ day: 1, hour: 13 });
  });

  it('a calendar day keeps the hour on the clock across the March and November changes', () => {
    // New York: clocks go forward on 8 March 2026 and back on 1 November 2026.
    expect(new Date(addCalendarDays(T('2026-03-07T14:00:00Z'), 1, 'America/New_York')).toISOString()).toBe('2026-03-08T13:00:00.000Z');
    expect(new Date(addCalendarDays(T('2026-10-31T13:00:00Z'), 1, 'America/New_York')).toISOString()).toBe('2026-11-01T14:00:00.000Z');
    // London: forward on 29 March, back on 25 October 2026.
    expect(new Date(addCalendarDays(T('2026-03-28T10:00:00Z'), 1, 'Europe/London')).toISOString()).toBe('2026-03-29T09:00:00.000Z');
    expect(new Date(addCalendarDays(T('2026-10-24T09:00:00Z'), 1, 'Europe/London')).toISOString()).toBe('2026-10-25T10:00:00.000Z');
    // Shanghai has no daylight saving: a day is 24 hours.
    expect(addCalendarDays(T('2026-03-07T14:00:00Z'), 30, 'Asia/Shanghai') - T('2026-03-07T14:00:00Z')).toBe(30 * 86_400_000);
  });

  it('days that are 23 and 25 hours long begin at midnight on the clock', () => {
    const march8 = startOfDay(T('2026-03-08T12:00:00Z'), 'America/New_York');
    expect(new Date(march8).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfDay(march8, 'America/New_York', 1) - march8).toBe(23 * 3_600_000);
    const november1 = startOfDay(T('2026-11-01T12:00:00Z'), 'America/New_York');
    expect(startOfDay(november1, 'America/New_York', 1) - november1).toBe(25 * 3_600_000);
  });

  it('a time shown twice is read as the first; a skipped one with the offset from before', () => {
    const wall = { year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0, millisecond: 0 };
    expect(new Date(instantOf(wall, 'America/New_York')).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(new Date(instantOf({ ...wall, month: 3, day: 8, hour: 2 }, 'America/New_York')).toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });
});

describe('dueFollowups', () => {
  it('a sale late in the evening is due the next day on the Shanghai clock, which is not the UTC day', () => {
    // Won at 01:00 on 3 November in Shanghai (17:00 UTC on 2 November): the day-one care is due at 01:00 on the 4th there.
    const sale = won('2026-11-02T17:00:00.000Z');
    expect(rulesOf(due([sale], '2026-11-03T04:00:00Z', 'Asia/Shanghai'))).toEqual([]);
    const on4th = due([sale], '2026-11-04T04:00:00Z', 'Asia/Shanghai');
    expect(on4th).toEqual([{
      case: sale.id, customer: '王姐', conversation: sale.conversation, salesperson: 'alice', rule: 'care_day1', due: '2026-11-03T17:00:00.000Z',
      reason: '成交后第一天问感受 — 2026-11-03 成交', reply: 'reply_care', text: '您好，用了一天感觉怎么样？', state: 'due',
    }]);
    // In UTC the same sale was on the 2nd and the care is due on the 3rd.
    expect(rulesOf(due([sale], '2026-11-03T04:00:00Z', 'UTC'))).toEqual(['care_day1']);
  });

  it('due on the right day in New York across both daylight-saving changes, and in London', () => {
    const march = won('2026-03-07T14:00:00.000Z');
    expect(due([march], '2026-03-08T12:00:00Z', 'America/New_York')[0]).toMatchObject({ rule: 'care_day1', due: '2026-03-08T13:00:00.000Z', state: 'due' });
    const november = won('2026-10-31T13:00:00.000Z');
    expect(due([november], '2026-11-01T20:00:00Z', 'America/New_York')[0]).toMatchObject({ due: '2026-11-01T14:00:00.000Z', state: 'due' });
    // The day-three story of the November sale: 09:00 on 3 November in New York.
    expect(due([november], '2026-11-03T20:00:00Z', 'America/New_York').find((item) => item.rule === 'story_day3')).toMatchObject({ due: '2026-11-03T14:00:00.000Z' });
    const london = won('2026-03-28T10:00:00.000Z');
    expect(due([london], '2026-03-29T12:00:00Z', 'Europe/London')[0]).toMatchObject({ due: '2026-03-29T09:00:00.000Z', state: 'due' });
  });

  it('says why in the language asked and fills the variables with the values given', () => {
    const sale = won('2026-11-02T01:00:00.000Z');
    const [item] = due([sale], '2026-11-03T08:00:00Z', 'Asia/Shanghai', 'en', { name: '王姐' });
    expect(item).toMatchObject({ reason: 'Ask how it feels, the day after the sale — won on 2026-11-02', text: '王姐好，用了一天感觉怎么样？' });
    // A story is told in the language asked.
    const story = due([sale], '2026-11-05T08:00:00Z', 'Asia/Shanghai').find((entry) => entry.rule === 'story_day3');
    expect(story).toMatchObject({ reply: 'story_mum', text: '两个孩子的妈妈\n没时间陪孩子读书\n每天十分钟的共读课\n焦虑 → 轻松' });
  });

  it('a follow-up not done by its day is overdue the next, and leaves the list two weeks later (the figures still count it)', () => {
    const sale = won('2026-11-02T01:00:00.000Z');
    expect(due([sale], '2026-11-04T08:00:00Z', 'Asia/Shanghai').find((item) => item.rule === 'care_day1')?.state).toBe('overdue');
    expect(due([sale], '2026-11-30T08:00:00Z', 'Asia/Shanghai').map((item) => item.rule)).toEqual([]);
    expect(followupFigures([sale], bundle, new Date('2026-11-30T08:00:00Z'), 'Asia/Shanghai')).toEqual([{ salesperson: 'alice', done: 0, overdue: 2, skipped: 0, declined: 0 }]);
  });

  it('the two weeks end on the zone\'s day: 14 days overdue is listed, 15 is not, and a snooze recorded long ago still comes back', () => {
    // New York, across the November change: the sale on 17 October, care due on the 18th at 21:00 on the clock.
    const sale = won('2026-10-18T01:00:00.000Z');
    const care = (on: string) => due([sale], on, 'America/New_York').find((item) => item.rule === 'care_day1');
    expect(care('2026-11-01T17:00:00Z')?.state).toBe('overdue');
    expect(care('2026-11-02T17:00:00Z')).toBeUndefined();
    const snoozed = recordFollowup(sale, { rule: 'care_day1', due: '2026-10-19T01:00:00.000Z', state: 'snoozed', at: '2026-10-19T02:00:00.000Z', until: '2026-11-20T01:00:00.000Z' });
    expect(due([snoozed], '2026-11-21T17:00:00Z', 'America/New_York').find((item) => item.rule === 'care_day1')).toMatchObject({ state: 'snoozed', due: '2026-10-19T01:00:00.000Z' });
  });

  it('a lost case is followed up only for the reasons its rule names', () => {
    const lost = (lossReason: string): Case => makeCase({ outcome: 'lost', lossReason, customer: `c-${lossReason}`, closedAt: '2026-11-01T02:00:00.000Z', updatedAt: '2026-11-01T02:00:00.000Z' });
    const list = due([lost('timing'), lost('price')], '2026-11-08T08:00:00Z', 'Asia/Shanghai', 'en');
    expect(list.map((item) => [item.customer, item.rule])).toEqual([['c-timing', 'timing_week']]);
    expect(list[0]!.reason).toBe('Ask again a week after bad timing — lost (timing) on 2026-11-01');
  });

  it('a hot lead is due two hours after the signal while the case is open; a won case drops it', () => {
    const open = makeCase({ customer: 'Mr Lee', timeline: [{ type: 'signal', at: '2026-11-02T02:00:00.000Z', signal: 'buy_soon' }] });
    expect(due([open], '2026-11-02T08:00:00Z', 'Asia/Shanghai', 'en')).toEqual([expect.objectContaining({
      rule: 'hot_hours', due: '2026-11-02T04:00:00.000Z', text: 'Hi 您, shall I set your order aside for this week?', reason: 'Follow a hot lead up two hours later — said they will buy soon on 2026-11-02',
    })]);
    const closed = { ...open, outcome: 'won' as const, closedAt: '2026-11-02T03:00:00.000Z' };
    expect(rulesOf(due([closed], '2026-11-02T08:00:00Z', 'Asia/Shanghai'))).toEqual([]);
  });

  it('each meeting gets its feedback two days later', () => {
    const visits = makeCase({ customer: 'ACME', timeline: [{ type: 'meeting', at: '2026-11-02T02:00:00.000Z' }, { type: 'meeting', at: '2026-11-09T02:00:00.000Z' }] });
    const list = due([visits], '2026-11-11T08:00:00Z', 'Asia/Shanghai');
    expect(list.map((item) => [item.rule, item.due, item.state])).toEqual([
      ['visit_feedback', '2026-11-04T02:00:00.000Z', 'overdue'],
      ['visit_feedback', '2026-11-11T02:00:00.000Z', 'due'],
    ]);
  });

  it('a customer idle for 60 days is due a wake-up on their latest case; contact on any of their cases resets it', () => {
    const old = makeCase({ customer: '李总', createdAt: '2026-08-01T02:00:00.000Z', updatedAt: '2026-08-01T02:00:00.000Z' });
    const later = makeCase({ customer: '李总', salesperson: 'bo', createdAt: '2026-09-01T02:00:00.000Z', updatedAt: '2026-09-01T02:00:00.000Z' });
    const list = due([old, later], '2026-10-31T08:00:00Z', 'Asia/Shanghai');
    expect(list).toEqual([expect.objectContaining({ case: later.id, salesperson: 'bo', rule: 'wake_dormant', due: '2026-10-31T02:00:00.000Z', reason: '唤醒沉睡客户 — 2026-09-01 最后联系' })]);
    const talked = { ...old, timeline: [{ type: 'message' as const, at: '2026-10-20T02:00:00.000Z', intent: 'other' as const }] };
    expect(due([talked, later], '2026-10-31T08:00:00Z', 'Asia/Shanghai')).toEqual([]);
    // Doing the wake-up is contact: it is not due again the next day.
    const done: CaseFollowup = { rule: 'wake_dormant', due: list[0]!.due, state: 'done', at: '2026-10-31T03:00:00.000Z' };
    expect(due([old, recordFollowup(later, done)], '2026-11-01T08:00:00Z', 'Asia/Shanghai')).toEqual([]);
  });

  it('a customer with many cases: rules attach per case, the idle rule once per customer', () => {
    const cases = [won('2026-11-01T02:00:00.000Z'), won('2026-11-02T02:00:00.000Z'), won('2026-11-02T03:00:00.000Z', { customer: 'Mr Lee' })];
    const list = due(cases, '2026-11-03T08:00:00Z', 'Asia/Shanghai');
    expect(list.map((item) => [item.case, item.rule, item.state])).toEqual([
      [cases[0]!.id, 'care_day1', 'overdue'], [cases[1]!.id, 'care_day1', 'due'], [cases[2]!.id, 'care_day1', 'due'],
    ]);
    const idle = due(cases, '2027-01-05T08:00:00Z', 'Asia/Shanghai').filter((item) => item.rule === 'wake_dormant');
    expect(idle.map((item) => [item.customer, item.case])).toEqual([['王姐', cases[1]!.id], ['Mr Lee', cases[2]!.id]]);
  });

  it('the stop rule is the customer\'s: three refusals over all their cases stop every follow-up of every case', () => {
    const declined = (rule: string, dueAt: string): CaseFollowup => ({ rule, due: dueAt, state: 'declined', at: dueAt });
    const first = won('2026-10-01T02:00:00.000Z', { followups: [declined('care_day1', '2026-10-02T02:00:00.000Z'), declined('story_day3', '2026-10-04T02:00:00.000Z')] });
    const second = won('2026-11-02T02:00:00.000Z');
    const other = won('2026-11-02T02:00:00.000Z', { customer: 'Mr Lee' });
    const on = '2026-11-03T08:00:00Z';
    expect(due([first, second, other], on, 'Asia/Shanghai').map((item) => item.customer)).toEqual(['Mr Lee', '王姐']);
    const third = recordFollowup(second, declined('wake_dormant', '2026-10-31T02:00:00.000Z'));
    expect(due([first, third, other], on, 'Asia/Shanghai').map((item) => item.customer)).toEqual(['Mr Lee']);
  });

  it('a case lost for no need stops the customer until they buy again', () => {
    const lost = makeCase({ customer: '王姐', outcome: 'lost', lossReason: 'no_need', closedAt: '2026-09-01T02:00:00.000Z', updatedAt: '2026-09-01T02:00:00.000Z' });
    const older = won('2026-08-01T02:00:00.000Z');
    expect(due([older, lost], '2026-12-01T08:00:00Z', 'Asia/Shanghai')).toEqual([]);
    const back = won('2026-11-30T02:00:00.000Z');
    expect(rulesOf(due([older, lost, back], '2026-12-01T08:00:00Z', 'Asia/Shanghai'))).toEqual(['care_day1']);
  });

  it('a follow-up done and then the case edited (notes, tags, merged copies) is not due again, even counted in another zone', () => {
    const sale = won('2026-11-02T01:00:00.000Z');
    const [care] = due([sale], '2026-11-03T08:00:00Z', 'Asia/Shanghai');
    const done = recordFollowup(sale, { rule: care!.rule, due: care!.due, state: 'done', at: '2026-11-03T02:00:00.000Z' });
    const edited = setTags(editCase(done, { notes: '她很满意' }, new Date('2026-11-10T00:00:00Z')), ['budget_low'], 'growth', new Date('2026-11-10T01:00:00Z'));
    const copies = mergeCases([edited], [done], [sale]);
    for (const cases of [[done], [edited], copies]) {
      expect(rulesOf(due(cases, '2026-11-04T08:00:00Z', 'Asia/Shanghai'))).toEqual([]);
      // The ops author in New York counts the same due a day's offset away: still the same follow-up.
      expect(rulesOf(due(cases, '2026-11-03T20:00:00Z', 'America/New_York'))).toEqual([]);
    }
    expect(followupFigures(copies, bundle, new Date('2026-11-04T08:00:00Z'), 'Asia/Shanghai')).toEqual([{ salesperson: 'alice', done: 1, overdue: 0, skipped: 0, declined: 0 }]);
  });

  it('a snoozed follow-up comes back on the day its snooze ends, marked snoozed', () => {
    const sale = won('2026-11-02T01:00:00.000Z');
    const snoozed = recordFollowup(sale, { rule: 'care_day1', due: '2026-11-03T01:00:00.000Z', state: 'snoozed', at: '2026-11-03T02:00:00.000Z', until: '2026-11-06T01:00:00.000Z' });
    expect(rulesOf(due([snoozed], '2026-11-04T08:00:00Z', 'Asia/Shanghai'))).toEqual([]);
    expect(due([snoozed], '2026-11-06T08:00:00Z', 'Asia/Shanghai').find((item) => item.rule === 'care_day1')).toMatchObject({ state: 'snoozed', due: '2026-11-03T01:00:00.000Z' });
    // Skipping it after the snooze settles it: the latest action wins.
    const skipped = recordFollowup(snoozed, { rule: 'care_day1', due: '2026-11-03T01:00:00.000Z', state: 'skipped', at: '2026-11-06T02:00:00.000Z' });
    expect(rulesOf(due([skipped], '2026-11-06T08:00:00Z', 'Asia/Shanghai'))).toEqual(['story_day3']);
  });

  it('a rule that offers the next rung proposes the rung after the one bought, else the one above the customer\'s tier', () => {
    const magnet = won('2026-11-02T01:00:00.000Z', { product: 'rung_magnet' });
    expect(due([magnet], '2026-11-05T08:00:00Z', 'Asia/Shanghai').find((item) => item.rule === 'story_day3')?.nextRung).toEqual({ rung: 'rung_course', label: '录播课', reply: 'reply_offer_course', text: '可以先从录播课开始。' });
    const middle = won('2026-11-02T01:00:00.000Z', { customer: 'Mr Lee', tags: ['budget_high'] });
    expect(due([middle], '2026-11-05T08:00:00Z', 'Asia/Shanghai').find((item) => item.rule === 'story_day3')?.nextRung?.rung).toBe('rung_camp');
    const unknown = won('2026-11-02T01:00:00.000Z', { customer: 'Ms Wu' });
    expect(due([unknown], '2026-11-05T08:00:00Z', 'Asia/Shanghai').find((item) => item.rule === 'story_day3')).not.toHaveProperty('nextRung');
    // The care rule does not offer a rung.
    expect(due([magnet], '2026-11-03T08:00:00Z', 'Asia/Shanghai')[0]).not.toHaveProperty('nextRung');
  });

  it('a bundle without a plan has nothing due', () => {
    const empty = { ...bundle, followups: { stop: { refusals: 3, lossReasons: ['no_need'] }, rules: [] } };
    expect(dueFollowups([won('2026-11-02T01:00:00.000Z')], empty, { on: new Date('2026-11-03T08:00:00Z'), timeZone: 'UTC', language: 'en' })).toEqual([]);
  });

  it('10,000 cases over 2,500 customers: each follow-up once, none done, oldest first', () => {
    const cases: Case[] = [];
    for (let index = 0; index < 10_000; index++) {
      const closedAt = new Date(T('2026-10-01T00:00:00Z') + ((index * 7_919) % 45) * 86_400_000 + (index % 24) * 3_600_000).toISOString();
      const outcome = index % 3 === 0 ? 'won' : index % 3 === 1 ? 'lost' : 'open';
      const record = makeCase({
        id: uuid(100_000 + index), customer: `customer-${index % 2_500}`, salesperson: `sales-${index % 7}`, outcome,
        ...(outcome === 'lost' ? { lossReason: index % 2 ? 'timing' : 'price' } : {}), ...(outcome === 'open' ? {} : { closedAt }),
        createdAt: closedAt, updatedAt: closedAt,
        timeline: index % 5 === 0 ? [{ type: 'meeting', at: closedAt }] : index % 11 === 0 ? [{ type: 'signal', at: closedAt, signal: 'buy_soon' }] : [],
        followups: index % 4 === 0 && outcome === 'won' ? [{ rule: 'care_day1', due: new Date(T(closedAt) + 86_400_000).toISOString(), state: 'done', at: closedAt }] : [],
      });
      cases.push(record);
    }
    const list = dueFollowups(cases, bundle, { on: new Date('2026-11-14T08:00:00Z'), timeZone: 'Asia/Shanghai', language: 'zh-CN' });
    expect(list.length).toBeGreaterThan(1_000);
    const keys = new Set(list.map((item) => `${item.case} ${item.rule} ${item.due}`));
    expect(keys.size).toBe(list.length);
    const byId = new Map(cases.map((record) => [record.id, record]));
    for (const item of list) expect(byId.get(item.case)!.followups.some((followup) => followup.rule === item.rule && followup.state === 'done')).toBe(false);
    expect(list.map((item) => item.due)).toEqual([...list.map((item) => item.due)].sort());
    const figures = followupFigures(cases, bundle, new Date('2026-11-14T08:00:00Z'), 'Asia/Shanghai');
    expect(figures.map((entry) => entry.salesperson)).toEqual(['sales-0', 'sales-1', 'sales-2', 'sales-3', 'sales-4', 'sales-5', 'sales-6']);
    expect(figures.reduce((sum, entry) => sum + entry.done, 0)).toBe(cases.filter((record) => record.followups.length > 0).length);
  });
});
