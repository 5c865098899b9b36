// The customer's lifecycle stage from their cases: intro → growth → mature → dormant → lost.
import { describe, expect, it } from 'vitest';
import { DORMANT_AFTER_DAYS, LIFECYCLE_STAGES, LOST_AFTER_DAYS, lifecycleOf, type Case } from '@closer/shared';
import { makeCase } from './cases-fixtures.ts';

const day = (n: number): string => new Date(Date.parse('2026-01-01T00:00:00.000Z') + n * 86_400_000).toISOString();
const on = (n: number): Date => new Date(day(n));
const caseOf = (customer: string, start: number, fields: Partial<Case> = {}): Case => makeCase({ customer, createdAt: day(start), updatedAt: day(start), ...fields });
const wonOn = (customer: string, n: number): Case => caseOf(customer, n, { outcome: 'won', closedAt: day(n) });

describe('lifecycleOf', () => {
  it('has the five stages in order', () => {
    expect(LIFECYCLE_STAGES).toEqual(['intro', 'growth', 'mature', 'dormant', 'lost']);
    expect([DORMANT_AFTER_DAYS, LOST_AFTER_DAYS]).toEqual([60, 180]);
  });

  it('a customer with no cases, or only open ones, is in the intro', () => {
    expect(lifecycleOf([], '王姐', on(0))).toEqual({ stage: 'intro', purchases: 0 });
    const open = caseOf('王姐', 0, { timeline: [{ type: 'message', at: day(2), intent: 'price' }] });
    expect(lifecycleOf([open], '王姐', on(5))).toEqual({ stage: 'intro', firstContact: day(0), lastContact: day(2), purchases: 0, daysSinceContact: 3 });
  });

  it('one purchase is growth, two are mature; other customers\' cases do not count', () => {
    const cases = [wonOn('王姐', 0), wonOn('Mr Lee', 1), wonOn('Mr Lee', 10)];
    expect(lifecycleOf(cases, '王姐', on(5))).toMatchObject({ stage: 'growth', purchases: 1 });
    expect(lifecycleOf(cases, 'Mr Lee', on(12))).toMatchObject({ stage: 'mature', purchases: 2, firstContact: day(1), lastContact: day(10), daysSinceContact: 2 });
  });

  it('60 days without contact is dormant, 180 is lost, whatever was bought', () => {
    const cases = [wonOn('王姐', 0), wonOn('王姐', 1)];
    expect(lifecycleOf(cases, '王姐', on(1 + 59)).stage).toBe('mature');
    expect(lifecycleOf(cases, '王姐', on(1 + 60)).stage).toBe('dormant');
    expect(lifecycleOf(cases, '王姐', on(1 + 179)).stage).toBe('dormant');
    expect(lifecycleOf(cases, '王姐', on(1 + 180)).stage).toBe('lost');
  });

  it('a last case lost with no contact since is lost at once; a contact after it brings them back', () => {
    const lost = caseOf('王姐', 10, { outcome: 'lost', lossReason: 'price', closedAt: day(11) });
    expect(lifecycleOf([wonOn('王姐', 0), lost], '王姐', on(12)).stage).toBe('lost');
    const again = caseOf('王姐', 20);
    expect(lifecycleOf([wonOn('王姐', 0), lost, again], '王姐', on(21)).stage).toBe('growth');
    // A sale after an earlier loss: the relationship did not end on the loss.
    expect(lifecycleOf([lost, wonOn('王姐', 15)], '王姐', on(16)).stage).toBe('growth');
  });

  it('counts follow-ups done or declined as contact, not edits of the case', () => {
    const sale = wonOn('王姐', 0);
    const edited = { ...sale, updatedAt: day(100), notes: 'edited later' };
    expect(lifecycleOf([edited], '王姐', on(100))).toMatchObject({ stage: 'dormant', lastContact: day(0) });
    const followed = { ...sale, followups: [{ rule: 'care', due: day(90), state: 'done' as const, at: day(90) }] };
    expect(lifecycleOf([followed], '王姐', on(100))).toMatchObject({ stage: 'growth', lastContact: day(90), daysSinceContact: 10 });
    const skipped = { ...sale, followups: [{ rule: 'care', due: day(90), state: 'skipped' as const, at: day(90) }] };
    expect(lifecycleOf([skipped], '王姐', on(100)).stage).toBe('dormant');
  });

  it('a contact in the future (a clock set wrong) is 0 days ago, not negative', () => {
    expect(lifecycleOf([wonOn('王姐', 10)], '王姐', on(5)).daysSinceContact).toBe(0);
  });
});
