import { didYouMean } from '../../closest.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

export const lintSettings: LintRule = {
  id: 'lint-settings',
  description: 'A playbook\'s "lint" settings name rules that exist and that warn (only those can be turned off or made errors).',
  check: ({ valid, configurable }) =>
    valid.flatMap(({ parsed, playbook }) =>
      Object.keys(playbook.lint ?? {})
        .filter((rule) => !configurable.has(rule))
        .map((rule) =>
          diagnosticAt(parsed, ['lint', rule], 'error', 'lint-settings',
            `"${rule}" is not a rule that can be set here${didYouMean(rule, configurable)} (these can: ${[...configurable].sort().join(', ')})`,
            { key: true }),
        ),
    ),
};
