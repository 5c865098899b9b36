import { itemsOf } from '../items.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

export const duplicateId: LintRule = {
  id: 'duplicate-id',
  description: 'Ids are unique across all playbooks, so every reference points at exactly one item.',
  acrossFiles: true,
  check: ({ valid }) => {
    const diagnostics = [];
    const seenItems = new Map<string, string>();
    const seenPlaybooks = new Map<string, string>();
    for (const { parsed, playbook } of valid) {
      const where = (path: readonly (string | number)[]) => {
        const range = parsed.locate([...path, 'id']);
        return `${parsed.file}:${range.line}:${range.column}`;
      };
      const firstPlaybook = seenPlaybooks.get(playbook.id);
      if (firstPlaybook) {
        diagnostics.push(diagnosticAt(parsed, ['id'], 'error', 'duplicate-id', `playbook id "${playbook.id}" is already used at ${firstPlaybook}`));
      } else seenPlaybooks.set(playbook.id, where([]));
      for (const item of itemsOf(playbook)) {
        const first = seenItems.get(item.id);
        if (first) {
          diagnostics.push(diagnosticAt(parsed, [...item.path, 'id'], 'error', 'duplicate-id', `${item.kind} id "${item.id}" is already used at ${first}; ids must be unique across all playbooks`));
        } else seenItems.set(item.id, where(item.path));
      }
    }
    return diagnostics;
  },
};
