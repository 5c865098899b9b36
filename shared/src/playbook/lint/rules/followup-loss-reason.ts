import { LOSS_REASONS } from '../../../cases/case-format.ts';
import { didYouMean } from '../../closest.ts';
import type { Diagnostic } from '../../diagnostic.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

export const followupLossReason: LintRule = {
  id: 'followup-loss-reason',
  description: 'Loss reasons in the revisit plan are the core\'s (price, rival, timing, no_need, no_trust, other) or the team\'s own (followups.reasons), and only a rule for lost cases filters by them.',
  acrossFiles: true,
  check: ({ valid }) => {
    const known = new Set<string>([...LOSS_REASONS, ...valid.flatMap(({ playbook }) => playbook.followups?.reasons ?? [])]);
    const unknown = (parsed: Parameters<typeof diagnosticAt>[0], path: (string | number)[], reason: string, whose: string): Diagnostic[] =>
      known.has(reason)
        ? []
        : [diagnosticAt(parsed, path, 'error', 'followup-loss-reason',
            `${whose} names loss reason "${reason}", which is not one of ${[...known].join(', ')} (a team adds its own under followups.reasons)${didYouMean(reason, known)}`)];
    return valid.flatMap(({ parsed, playbook }) => {
      const plan = playbook.followups;
      if (!plan) return [];
      const found: Diagnostic[] = [];
      plan.rules.forEach((rule, r) => {
        const at = ['followups', 'rules', r, 'lossReasons'];
        if (rule.lossReasons === undefined) return;
        if (rule.when !== 'lost') {
          found.push(diagnosticAt(parsed, at, 'error', 'followup-loss-reason',
            `follow-up "${rule.id}" is for when: ${rule.when}, and only a rule for when: lost is filtered by loss reasons`, { key: true }));
          return;
        }
        rule.lossReasons.forEach((reason, i) => found.push(...unknown(parsed, [...at, i], reason, `follow-up "${rule.id}"`)));
      });
      plan.stop?.lossReasons?.forEach((reason, i) => found.push(...unknown(parsed, ['followups', 'stop', 'lossReasons', i], reason, 'the stop rule')));
      return found;
    });
  },
};
