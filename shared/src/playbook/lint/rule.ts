import type { Diagnostic, Severity } from '../diagnostic.ts';
import type { ParsedPlaybook, Path } from '../parse.ts';
import type { LintSettings, Playbook } from '../schema.ts';

export interface ValidPlaybook {
  parsed: ParsedPlaybook;
  playbook: Playbook;
}

export interface LintContext {
  /** Every file, including those that failed to parse or match the schema. */
  files: readonly ParsedPlaybook[];
  /** The files that match the schema: content rules look only at these. */
  valid: readonly ValidPlaybook[];
  /** The ids of the rules whose level a team or a playbook may set (the rules that warn). */
  configurable: ReadonlySet<string>;
  /** The rules that warn past a number (too-many-tags), each with its default; a team or a playbook sets another in "lint". */
  limits?: ReadonlyMap<string, number>;
  /** The team's settings (closer.config.yaml), for the rules with a limit; only the rules that compare files see them. */
  settings?: LintSettings;
}

export interface LintRule {
  id: string;
  description: string;
  /** A rule that warns: teams may turn it off or make it an error (closer.config.yaml, a playbook's "lint"). */
  configurable?: boolean;
  /** A rule that compares files (ids, references, triggers); the others look at one file at a time. */
  acrossFiles?: boolean;
  /** For a rule that warns past a number: its default. A team or a playbook sets another as "rule-id: N" in "lint". */
  limit?: number;
  check(context: LintContext): Diagnostic[];
}

export function diagnosticAt(
  parsed: ParsedPlaybook,
  path: Path,
  severity: Severity,
  rule: string,
  message: string,
  options: { key?: boolean; text?: string } = {},
): Diagnostic {
  const range = options.text !== undefined ? parsed.locateText(path, options.text) : parsed.locate(path, { key: options.key });
  return { file: parsed.file, ...range, severity, rule, message };
}

/** The number past which a rule with a limit warns: a playbook's own setting, else the team's, else the rule's default. */
export function limitOf(rule: LintRule, context: LintContext): number {
  for (const { playbook } of context.valid) {
    const own = playbook.lint?.[rule.id];
    if (typeof own === 'number') return own;
  }
  const team = context.settings?.[rule.id];
  return typeof team === 'number' ? team : (rule.limit ?? Infinity);
}
