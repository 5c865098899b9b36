import type { Diagnostic, Severity } from '../diagnostic.ts';
import type { ParsedPlaybook, Path } from '../parse.ts';
import type { Playbook } from '../schema.ts';

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
}

export interface LintRule {
  id: string;
  description: string;
  /** A rule that warns: teams may turn it off or make it an error (closer.config.yaml, a playbook's "lint"). */
  configurable?: boolean;
  /** A rule that compares files (ids, references, triggers); the others look at one file at a time. */
  acrossFiles?: boolean;
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
