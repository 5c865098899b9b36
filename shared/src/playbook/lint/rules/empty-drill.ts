import type { Diagnostic } from '../../diagnostic.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

// The schema accepts an empty list of turns so that this rule, not a bare "too small", says
// what a drill without turns means for the new hire and what to write.
export const emptyDrill: LintRule = {
  id: 'empty-drill',
  description: 'A drill needs at least one customer turn, or there is nothing to practise.',
  check: ({ valid }) =>
    valid.flatMap(({ parsed, playbook }) =>
      (playbook.drills ?? []).flatMap((drill, d): Diagnostic[] =>
        drill.turns.length > 0
          ? []
          : [diagnosticAt(parsed, ['drills', d, 'turns'], 'error', 'empty-drill',
              `drill "${drill.id}" has no turns, so the simulated customer never writes; add turns, each with an intent and what the customer says`, { key: true })],
      ),
    ),
};
