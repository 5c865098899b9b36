import type { Diagnostic } from '../../diagnostic.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

// The golden model's own steps are where every other sequence's step is filed in search and in
// the chat's step; a step of another sequence says which one it serves.
const GOLDEN = 'golden';

export const stepServes: LintRule = {
  id: 'step-serves',
  description: 'A step of a sequence other than the golden model names the golden step or the intent it serves.',
  configurable: true,
  check: ({ valid }) =>
    valid.flatMap(({ parsed, playbook }) =>
      (playbook.sequences ?? []).flatMap((sequence, s) =>
        sequence.id === GOLDEN
          ? []
          : sequence.steps.flatMap((step, t): Diagnostic[] =>
              step.serves
                ? []
                : [
                    diagnosticAt(parsed, ['sequences', s, 'steps', t, 'id'], 'warning', 'step-serves',
                      `step "${step.id}" of sequence "${sequence.id}" does not say what it serves; add serves: with a golden-model step (icebreak, introduce, consider, ask_close, resolve_doubt, push_close) or an intent, so a new hire's search finds it there`),
                  ],
            ),
      ),
    ),
};
