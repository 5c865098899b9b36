import { GOLDEN_STEPS } from '../../schema.ts';
import type { Diagnostic } from '../../diagnostic.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

// A drill walks the golden model forwards, as a real sale does: a turn that names a step
// before the previous turn's teaches the new hire an order the method does not follow.
// Staying in a step, or skipping ahead, is how chats go and is left alone.
export const drillStepOrder: LintRule = {
  id: 'drill-step-order',
  description: 'The steps a drill\'s turns name follow the golden model\'s order (icebreak … push_close).',
  configurable: true,
  check: ({ valid }) =>
    valid.flatMap(({ parsed, playbook }) =>
      (playbook.drills ?? []).flatMap((drill, d): Diagnostic[] => {
        const found: Diagnostic[] = [];
        let furthest = -1;
        let furthestStep = '';
        drill.turns.forEach((turn, t) => {
          if (!turn.step) return;
          const at = GOLDEN_STEPS.indexOf(turn.step);
          if (at < furthest) {
            found.push(diagnosticAt(parsed, ['drills', d, 'turns', t, 'step'], 'warning', 'drill-step-order',
              `turn ${t + 1} of drill "${drill.id}" goes back to step "${turn.step}" after "${furthestStep}"; the golden model runs ${GOLDEN_STEPS.join(' → ')}`));
          } else {
            furthest = at;
            furthestStep = turn.step;
          }
        });
        return found;
      }),
    ),
};
