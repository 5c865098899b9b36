import { didYouMean } from '../../closest.ts';
import { findVariables } from '../../variables.ts';
import { repliesOf } from '../items.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

export const undeclaredVariable: LintRule = {
  id: 'undeclared-variable',
  description: 'Every {{variable}} a reply uses is declared under "variables" in the same playbook, so it can be filled.',
  check: ({ valid }) =>
    valid.flatMap(({ parsed, playbook }) => {
      const declared = Object.keys(playbook.variables ?? {});
      return repliesOf(playbook).flatMap(({ reply, path }) =>
        findVariables(reply.text)
          .filter((use) => !declared.includes(use.name))
          .map((use) =>
            diagnosticAt(parsed, [...path, 'text'], 'error', 'undeclared-variable',
              use.name === ''
                ? `reply "${reply.id}" has an empty slot {{}}; write a variable name inside the braces`
                : `reply "${reply.id}" uses {{${use.name}}}, which is not declared${didYouMean(use.name, declared, (name) => `{{${name}}}`)}`,
              { text: use.slot }),
          ),
      );
    }),
};
