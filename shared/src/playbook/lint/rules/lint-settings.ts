import { didYouMean } from '../../closest.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

export const lintSettings: LintRule = {
  id: 'lint-settings',
  description: 'A playbook\'s "lint" settings name rules that exist and that warn (only those can be turned off or made errors), and give a number only to a rule that warns past one.',
  check: ({ valid, configurable, limits }) =>
    valid.flatMap(({ parsed, playbook }) =>
      Object.entries(playbook.lint ?? {}).flatMap(([rule, level]) => {
        if (!configurable.has(rule)) {
          return [diagnosticAt(parsed, ['lint', rule], 'error', 'lint-settings',
            `"${rule}" is not a rule that can be set here${didYouMean(rule, configurable)} (these can: ${[...configurable].sort().join(', ')})`,
            { key: true })];
        }
        if (typeof level === 'number' && !limits?.has(rule)) {
          return [diagnosticAt(parsed, ['lint', rule], 'error', 'lint-settings',
            `"${rule}" has no number to set; give it off, warning or error${limits?.size ? ` (a number fits ${[...limits.keys()].sort().join(', ')})` : ''}`)];
        }
        return [];
      }),
    ),
};
