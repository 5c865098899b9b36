import type { ParsedPlaybook, Path } from '../../parse.ts';
import type { Playbook } from '../../schema.ts';
import { itemsOf, type ItemAt } from '../items.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

/**
 * Each file's ids, kept with its parse: an editor lints the whole workspace at each keystroke but
 * re-parses only the edited file, so only that file's ids are listed again.
 */
const idsOf = new WeakMap<Playbook, { parsed: ParsedPlaybook; items: ItemAt[] }>();

function fileIds(parsed: ParsedPlaybook, playbook: Playbook): ItemAt[] {
  const known = idsOf.get(playbook);
  if (known?.parsed === parsed) return known.items;
  const items = itemsOf(playbook);
  idsOf.set(playbook, { parsed, items });
  return items;
}

interface First {
  parsed: ParsedPlaybook;
  path: Path;
}

/** Where an id was first given, as messages cite it; worked out only for an id given twice (locating every id cost more than the rest of the rule). */
function where({ parsed, path }: First): string {
  const range = parsed.locate([...path, 'id']);
  return `${parsed.file}:${range.line}:${range.column}`;
}

export const duplicateId: LintRule = {
  id: 'duplicate-id',
  description: 'Ids are unique across all playbooks, so every reference points at exactly one item.',
  acrossFiles: true,
  check: ({ valid }) => {
    const diagnostics = [];
    const seenItems = new Map<string, First>();
    const seenPlaybooks = new Map<string, First>();
    for (const { parsed, playbook } of valid) {
      const firstPlaybook = seenPlaybooks.get(playbook.id);
      if (firstPlaybook) {
        diagnostics.push(diagnosticAt(parsed, ['id'], 'error', 'duplicate-id', `playbook id "${playbook.id}" is already used at ${where(firstPlaybook)}`));
      } else seenPlaybooks.set(playbook.id, { parsed, path: [] });
      for (const item of fileIds(parsed, playbook)) {
        const first = seenItems.get(item.id);
        if (first) {
          diagnostics.push(diagnosticAt(parsed, [...item.path, 'id'], 'error', 'duplicate-id', `${item.kind} id "${item.id}" is already used at ${where(first)}; ids must be unique across all playbooks`));
        } else seenItems.set(item.id, { parsed, path: item.path });
      }
    }
    return diagnostics;
  },
};
