import type { Diagnostic } from '../../diagnostic.ts';
import type { ParsedPlaybook } from '../../parse.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

interface Seen {
  objection: string;
  parsed: ParsedPlaybook;
  path: (string | number)[];
}

/** Case, width and spacing differences do not make two triggers different for a customer. */
function normalise(trigger: string): string {
  return trigger.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export const triggerCollision: LintRule = {
  id: 'trigger-collision',
  description: 'Two objections must not share a keyword or an example message, or the engine cannot tell them apart.',
  acrossFiles: true,
  configurable: true,
  check: ({ valid }) => {
    const seen = new Map<string, Seen>();
    const diagnostics: Diagnostic[] = [];
    for (const { parsed, playbook } of valid) {
      playbook.objections?.forEach((objection, o) => {
        for (const kind of ['keywords', 'examples'] as const) {
          objection.triggers[kind]?.forEach((trigger, t) => {
            const key = `${kind}\u0000${normalise(trigger)}`;
            const first = seen.get(key);
            const path = ['objections', o, 'triggers', kind, t];
            if (!first) {
              seen.set(key, { objection: objection.id, parsed, path });
            } else if (first.objection !== objection.id) {
              const range = first.parsed.locate(first.path);
              diagnostics.push(diagnosticAt(parsed, path, 'warning', 'trigger-collision',
                `"${trigger}" is a trigger of both "${objection.id}" and "${first.objection}" (${first.parsed.file}:${range.line}:${range.column}); keep it in one`));
            } else {
              diagnostics.push(diagnosticAt(parsed, path, 'warning', 'trigger-collision', `"${trigger}" is listed twice in objection "${objection.id}"`));
            }
          });
        }
      });
    }
    return diagnostics;
  },
};
