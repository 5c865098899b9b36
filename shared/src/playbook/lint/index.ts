import { compareDiagnostics, type Diagnostic } from '../diagnostic.ts';
import type { ParsedPlaybook } from '../parse.ts';
import type { LintContext, LintRule } from './rule.ts';
import { danglingReference } from './rules/dangling-reference.ts';
import { duplicateId } from './rules/duplicate-id.ts';
import { emptyTriggers } from './rules/empty-triggers.ts';
import { replyTooLong } from './rules/reply-too-long.ts';
import { triggerCollision } from './rules/trigger-collision.ts';
import { undeclaredVariable } from './rules/undeclared-variable.ts';
import { unknownKey } from './rules/unknown-key.ts';
import { unusedVariable } from './rules/unused-variable.ts';
import { wrongType } from './rules/wrong-type.ts';
import { yamlSyntax } from './rules/yaml-syntax.ts';

/** Every lint rule, one file each under rules/, the file named after the rule's id. */
export const LINT_RULES: readonly LintRule[] = [
  yamlSyntax,
  unknownKey,
  wrongType,
  duplicateId,
  danglingReference,
  undeclaredVariable,
  unusedVariable,
  emptyTriggers,
  replyTooLong,
  triggerCollision,
];

/** Lint a set of playbooks together, so problems that span files (duplicate ids, references) are found. */
export function lintPlaybooks(files: readonly ParsedPlaybook[]): Diagnostic[] {
  const context: LintContext = {
    files,
    valid: files.flatMap((parsed) => (parsed.playbook ? [{ parsed, playbook: parsed.playbook }] : [])),
  };
  return LINT_RULES.flatMap((rule) => rule.check(context)).sort(compareDiagnostics);
}
