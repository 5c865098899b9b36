import type { Diagnostic } from '../../diagnostic.ts';
import type { ParsedPlaybook, Path } from '../../parse.ts';
import type { Playbook } from '../../schema.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

interface Seen {
  objection: string;
  parsed: ParsedPlaybook;
  path: Path;
}

interface Trigger {
  /** The kind and the normalised trigger: what two triggers must share to collide. */
  key: string;
  trigger: string;
  objection: string;
  path: Path;
}

/** Case, width and spacing differences do not make two triggers different for a customer. */
function normalise(trigger: string): string {
  return trigger.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Each file's triggers, normalised, kept with its parse: an editor lints the whole workspace at
 * each keystroke but re-parses only the edited file, so only its triggers are normalised again.
 */
const triggersByFile = new WeakMap<Playbook, { parsed: ParsedPlaybook; triggers: Trigger[] }>();

function fileTriggers(parsed: ParsedPlaybook, playbook: Playbook): Trigger[] {
  const known = triggersByFile.get(playbook);
  if (known?.parsed === parsed) return known.triggers;
  const triggers: Trigger[] = [];
  playbook.objections?.forEach((objection, o) => {
    for (const kind of ['keywords', 'examples'] as const) {
      objection.triggers[kind]?.forEach((trigger, t) =>
        triggers.push({ key: `${kind}\u0000${normalise(trigger)}`, trigger, objection: objection.id, path: ['objections', o, 'triggers', kind, t] }),
      );
    }
  });
  triggersByFile.set(playbook, { parsed, triggers });
  return triggers;
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
      for (const { key, trigger, objection, path } of fileTriggers(parsed, playbook)) {
        const first = seen.get(key);
        if (!first) {
          seen.set(key, { objection, parsed, path });
        } else if (first.objection !== objection) {
          const range = first.parsed.locate(first.path);
          diagnostics.push(diagnosticAt(parsed, path, 'warning', 'trigger-collision',
            `"${trigger}" is a trigger of both "${objection}" and "${first.objection}" (${first.parsed.file}:${range.line}:${range.column}); keep it in one`));
        } else {
          diagnostics.push(diagnosticAt(parsed, path, 'warning', 'trigger-collision', `"${trigger}" is listed twice in objection "${objection}"`));
        }
      }
    }
    return diagnostics;
  },
};
