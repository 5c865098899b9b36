import { didYouMean } from '../../closest.ts';
import type { Diagnostic } from '../../diagnostic.ts';
import { repliesOf } from '../items.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

export const danglingReference: LintRule = {
  id: 'dangling-reference',
  description: "References must point at something that exists: a step's next step, the replies a step uses, a story's tags.",
  acrossFiles: true,
  check: ({ valid }) => {
    const replyIds = new Set(valid.flatMap(({ playbook }) => repliesOf(playbook).map(({ reply }) => reply.id)));
    const tagIds = new Set(valid.flatMap(({ playbook }) => Object.keys(playbook.tags ?? {})));
    const diagnostics: Diagnostic[] = [];
    for (const { parsed, playbook } of valid) {
      playbook.sequences?.forEach((sequence, s) => {
        const stepIds = sequence.steps.map((step) => step.id);
        sequence.steps.forEach((step, t) => {
          const at = ['sequences', s, 'steps', t] as const;
          if (step.next !== undefined && !stepIds.includes(step.next)) {
            diagnostics.push(diagnosticAt(parsed, [...at, 'next'], 'error', 'dangling-reference',
              `step "${step.id}" goes next to "${step.next}", which is not a step of sequence "${sequence.id}"${didYouMean(step.next, stepIds)}`));
          }
          step.uses?.forEach((id, u) => {
            if (!replyIds.has(id)) {
              diagnostics.push(diagnosticAt(parsed, [...at, 'uses', u], 'error', 'dangling-reference',
                `step "${step.id}" uses reply "${id}", which does not exist${didYouMean(id, replyIds)}`));
            }
          });
        });
      });
      playbook.stories?.forEach((story, s) =>
        story.tags?.forEach((tag, t) => {
          if (!tagIds.has(tag)) {
            diagnostics.push(diagnosticAt(parsed, ['stories', s, 'tags', t], 'error', 'dangling-reference',
              `story "${story.id}" has tag "${tag}", which is not declared under "tags"${didYouMean(tag, tagIds)}`));
          }
        }),
      );
    }
    return diagnostics;
  },
};
