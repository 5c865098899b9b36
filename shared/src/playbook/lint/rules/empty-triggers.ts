import type { Diagnostic } from '../../diagnostic.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

export const emptyTriggers: LintRule = {
  id: 'empty-triggers',
  description: 'An objection needs keywords or example messages, or the engine can never recognise it.',
  check: ({ valid }) =>
    valid.flatMap(({ parsed, playbook }) =>
      (playbook.objections ?? []).flatMap((objection, o): Diagnostic[] => {
        const { keywords = [], examples = [] } = objection.triggers;
        const count = [...keywords, ...examples].filter((trigger) => trigger.trim() !== '').length;
        if (count > 0) return [];
        return [diagnosticAt(parsed, ['objections', o, 'triggers'], 'error', 'empty-triggers',
          `objection "${objection.id}" has no triggers; add keywords or example customer messages so it can be recognised`, { key: true })];
      }),
    ),
};
