import type { Diagnostic } from '../diagnostic.ts';
import type { ParsedPlaybook } from '../parse.ts';
import type { LintSettings } from '../schema.ts';

/**
 * The levels a team (closer.config.yaml) and each playbook (its "lint" key) set for the rules
 * that warn, applied to what the rules found: a playbook's own setting wins over the team's,
 * "off" drops the diagnostic, "error" and "warning" set its severity.
 */
export function applyLintSettings(
  diagnostics: readonly Diagnostic[],
  files: readonly ParsedPlaybook[],
  configurable: ReadonlySet<string>,
  team: LintSettings = {},
): Diagnostic[] {
  const own = new Map(files.map((file) => [file.file, file.playbook?.lint ?? {}]));
  const result: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    if (!configurable.has(diagnostic.rule)) {
      result.push(diagnostic);
      continue;
    }
    const level = own.get(diagnostic.file)?.[diagnostic.rule] ?? team[diagnostic.rule];
    if (level === 'off') continue;
    // A number is a rule's limit (too-many-tags: 40), which the rule applied itself; the level stays.
    result.push(level === undefined || typeof level === 'number' ? diagnostic : { ...diagnostic, severity: level });
  }
  return result;
}
