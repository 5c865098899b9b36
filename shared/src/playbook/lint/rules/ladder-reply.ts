import { didYouMean } from '../../closest.ts';
import { repliesOf } from '../items.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

export const ladderReply: LintRule = {
  id: 'ladder-reply',
  description: 'Each rung of the product ladder names the reply whose approved text offers it.',
  acrossFiles: true,
  check: ({ valid }) => {
    const replies = new Set(valid.flatMap(({ playbook }) => repliesOf(playbook).map(({ reply }) => reply.id)));
    return valid.flatMap(({ parsed, playbook }) =>
      (playbook.ladder?.rungs ?? []).flatMap((rung, r) => {
        const named: [(string | number)[], string][] = [[['reply'], rung.reply], ...Object.entries(rung.translations ?? {}).map(([language, id]): [(string | number)[], string] => [['translations', language], id])];
        return named
          .filter(([, id]) => !replies.has(id))
          .map(([path, id]) =>
            diagnosticAt(parsed, ['ladder', 'rungs', r, ...path], 'error', 'ladder-reply',
              `rung "${rung.id}" is offered by reply "${id}", which does not exist${didYouMean(id, replies)}`),
          );
      }),
    );
  },
};
