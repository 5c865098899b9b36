// The suggestion engine as the extension uses it: over the workspace's playbooks as they are now.
import { bundlePlanOf, itemsOf, type Bundle, type ParsedPlaybook, type Playbook } from '@closer/shared';
import { baseCorpus } from './base-corpus.ts';
export { classifyMessage } from '@closer/shared';
export { suggestReplies, type Suggestion } from '@closer/shared';

let cache: { key: (Playbook | null)[]; bundle: Bundle } | undefined;

/**
 * A bundle of the playbooks that parse, built even while other playbooks have errors, so an
 * author can try messages mid-edit (the core's buildBundle rightly refuses then). Never shipped:
 * it has no hash and only exists in memory. Like `closer build`, it carries the core's base corpus.
 */
export function draftBundle(files: readonly ParsedPlaybook[]): Bundle {
  // The same parses give the same bundle: reuse it, and with it the engine's index of triggers.
  const key = files.map((file) => file.playbook ?? null);
  if (cache && cache.key.length === key.length && cache.key.every((playbook, index) => playbook === key[index])) return cache.bundle;
  const playbooks = files.flatMap((file) => {
    if (!file.playbook) return [];
    const lines: Record<string, number> = {};
    for (const item of itemsOf(file.playbook)) lines[item.id] ??= file.locate([...item.path, 'id']).line;
    return [{ file: file.file, playbook: file.playbook, lines }];
  });
  const bundle: Bundle = { format: 'closer-bundle', version: 1, hash: '', playbooks, base: baseCorpus(), ...bundlePlanOf(playbooks) };
  cache = { key, bundle };
  return bundle;
}
