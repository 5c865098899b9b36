import { defaultIn } from '../../render.ts';
import { replyLanguage } from '../../reply-language.ts';
import { variableNames } from '../../variables.ts';
import { repliesOf } from '../items.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

const NAMES = { 'zh-CN': 'Chinese', en: 'English' } as const;

export const defaultLanguage: LintRule = {
  id: 'default-language',
  description: 'A reply uses a variable whose defaults are given per language but not in the reply\'s language, so the slot stays empty until the salesperson fills it.',
  configurable: true,
  check: ({ valid }) =>
    valid.flatMap(({ parsed, playbook }) =>
      repliesOf(playbook).flatMap(({ reply, path }) => {
        const language = replyLanguage(reply);
        return [...variableNames(reply.text)]
          .filter((name) => {
            const declared = Object.hasOwn(playbook.variables ?? {}, name) ? playbook.variables![name]!.default : undefined;
            // A plain default fills every language; no default at all is the salesperson's to give.
            return typeof declared === 'object' && defaultIn(declared, language) === undefined;
          })
          .map((name) =>
            diagnosticAt(
              parsed,
              [...path, 'text'],
              'warning',
              'default-language',
              `${NAMES[language]} reply "${reply.id}" uses {{${name}}}, which has no ${language} default; it is left empty until the salesperson fills it (add ${language}: to its default)`,
            ),
          );
      }),
    ),
};
