import type { Diagnostic } from '../../diagnostic.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

// A year is the longest wait that is still a plan: past it the customer, the product and the
// salesperson have all changed, and a delay that long is almost always a typing slip (hours for days).
const MOST_DAYS = 365;

export const followupDelay: LintRule = {
  id: 'followup-delay',
  description: `A follow-up's delay says how long to wait (days: or hours:), at most ${MOST_DAYS} days; a rule for idle customers waits at least a day.`,
  check: ({ valid }) =>
    valid.flatMap(({ parsed, playbook }) =>
      (playbook.followups?.rules ?? []).flatMap((rule, r): Diagnostic[] => {
        const at = ['followups', 'rules', r, 'after'];
        const { days, hours } = rule.after;
        if (days === undefined && hours === undefined) {
          return [diagnosticAt(parsed, at, 'error', 'followup-delay', `follow-up "${rule.id}" does not say how long to wait: give days: or hours: (days: 0 for the same day)`)];
        }
        const total = (days ?? 0) + (hours ?? 0) / 24;
        if (total > MOST_DAYS) {
          const where = days !== undefined && days > MOST_DAYS ? [...at, 'days'] : [...at, hours !== undefined ? 'hours' : 'days'];
          return [diagnosticAt(parsed, where, 'error', 'followup-delay',
            `follow-up "${rule.id}" waits ${Math.round(total)} days, more than a year (${MOST_DAYS}); is it hours for days?`)];
        }
        if (rule.when === 'idle' && total < 1) {
          return [diagnosticAt(parsed, at, 'error', 'followup-delay',
            `follow-up "${rule.id}" is for customers idle for ${total === 0 ? 'no time' : `${hours} hours`}, so every customer would be due at once; give the days without contact, e.g. days: 30`)];
        }
        return [];
      }),
    ),
};
