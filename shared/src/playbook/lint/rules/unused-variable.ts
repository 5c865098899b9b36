import { variableNames } from '../../variables.ts';
import { repliesOf } from '../items.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

export const unusedVariable: LintRule = {
  id: 'unused-variable',
  description: 'A declared variable that no reply uses is probably a typo or left over.',
  configurable: true,
  check: ({ valid }) =>
    valid.flatMap(({ parsed, playbook }) => {
      const used = new Set(repliesOf(playbook).flatMap(({ reply }) => [...variableNames(reply.text)]));
      return Object.keys(playbook.variables ?? {})
        .filter((name) => !used.has(name))
        .map((name) =>
          diagnosticAt(parsed, ['variables', name], 'warning', 'unused-variable', `variable {{${name}}} is declared but no reply uses it`, { key: true }),
        );
    }),
};
