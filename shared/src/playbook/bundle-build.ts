// Compiling playbooks into a bundle, which lints them first: only `closer build` and the
// authoring surfaces load the linter this way, never a start.
import { BUNDLE_FORMAT, BUNDLE_VERSION, BundleError } from './bundle-format.ts';
import { bundlePlanOf } from './bundle-plan.ts';
import type { Bundle, ReplyStats } from './bundle-schema.ts';
import { hashOf } from './bundle.ts';
import type { BaseCorpus } from './base-corpus.ts';
import { hasErrors } from './diagnostic.ts';
import { itemsOf } from './lint/items.ts';
import { lintPlaybooks } from './lint/index.ts';
import type { ParsedPlaybook } from './parse.ts';
import type { Playbook } from './schema.ts';

/** Compile playbooks into one bundle. Refuses playbooks with errors: lint them first to show why. */
export function buildBundle(files: readonly ParsedPlaybook[], options: { stats?: ReplyStats; base?: BaseCorpus } = {}): Bundle {
  const errors = lintPlaybooks(files).filter((d) => d.severity === 'error');
  if (hasErrors(errors)) {
    throw new BundleError(`cannot build a bundle: ${errors.length} error(s), the first at ${errors[0]!.file}:${errors[0]!.line}:${errors[0]!.column} ${errors[0]!.message}`);
  }
  const playbooks = files
    .filter((file): file is ParsedPlaybook & { playbook: Playbook } => file.playbook !== undefined)
    .map((file) => ({ file: file.file, playbook: file.playbook, lines: linesOf(file, file.playbook) }));
  const unhashed = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    playbooks,
    ...(options.stats ? { stats: options.stats } : {}),
    ...(options.base ? { base: options.base } : {}),
  } as const;
  return { ...unhashed, hash: hashOf(unhashed), ...bundlePlanOf(playbooks) };
}

function linesOf(file: ParsedPlaybook, playbook: Playbook): Record<string, number> {
  const lines: Record<string, number> = {};
  for (const item of itemsOf(playbook)) lines[item.id] = file.locate([...item.path, 'id']).line;
  return lines;
}
