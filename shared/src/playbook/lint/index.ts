import { compareDiagnostics, type Diagnostic } from '../diagnostic.ts';
import type { ParsedPlaybook } from '../parse.ts';
import type { LintSettings } from '../schema.ts';
import type { LintContext, LintRule } from './rule.ts';
import { applyLintSettings } from './settings.ts';
import { collapseRepeats } from './collapse.ts';
import { absoluteGuarantee } from './rules/absolute-guarantee.ts';
import { danglingReference } from './rules/dangling-reference.ts';
import { defaultLanguage } from './rules/default-language.ts';
import { duplicateId } from './rules/duplicate-id.ts';
import { emptyTriggers } from './rules/empty-triggers.ts';
import { emptyDrill } from './rules/empty-drill.ts';
import { drillStepOrder } from './rules/drill-step-order.ts';
import { falseScarcity } from './rules/false-scarcity.ts';
import { hardCodedFigure } from './rules/hard-coded-figure.ts';
import { lintSettings } from './rules/lint-settings.ts';
import { healthOrMoneyClaim } from './rules/health-or-money-claim.ts';
import { replyTooLong } from './rules/reply-too-long.ts';
import { stepServes } from './rules/step-serves.ts';
import { triggerCollision } from './rules/trigger-collision.ts';
import { undeclaredVariable } from './rules/undeclared-variable.ts';
import { unprovableSuperlative } from './rules/unprovable-superlative.ts';
import { unknownKey } from './rules/unknown-key.ts';
import { unusedVariable } from './rules/unused-variable.ts';
import { wrongType } from './rules/wrong-type.ts';
import { yamlSyntax } from './rules/yaml-syntax.ts';
// Issue 18: the customer tag tree, the revisit plan and the product ladder.
import { unknownTag } from './rules/unknown-tag.ts';
import { tagCycle } from './rules/tag-cycle.ts';
import { tagDepth } from './rules/tag-depth.ts';
import { tagLevel } from './rules/tag-level.ts';
import { tooManyTags } from './rules/too-many-tags.ts';
import { followupSend } from './rules/followup-send.ts';
import { followupDelay } from './rules/followup-delay.ts';
import { followupLossReason } from './rules/followup-loss-reason.ts';
import { ladderReply } from './rules/ladder-reply.ts';
import { ladderPrice } from './rules/ladder-price.ts';
import { ladderOrder } from './rules/ladder-order.ts';
import { ladderTier } from './rules/ladder-tier.ts';

/** Every lint rule, one file each under rules/, the file named after the rule's id. */
export const LINT_RULES: readonly LintRule[] = [
  yamlSyntax,
  unknownKey,
  wrongType,
  duplicateId,
  danglingReference,
  undeclaredVariable,
  unusedVariable,
  defaultLanguage,
  emptyTriggers,
  emptyDrill,
  drillStepOrder,
  replyTooLong,
  stepServes,
  triggerCollision,
  absoluteGuarantee,
  unprovableSuperlative,
  healthOrMoneyClaim,
  falseScarcity,
  hardCodedFigure,
  lintSettings,
  unknownTag,
  tagCycle,
  tagDepth,
  tagLevel,
  tooManyTags,
  followupSend,
  followupDelay,
  followupLossReason,
  ladderReply,
  ladderPrice,
  ladderOrder,
  ladderTier,
];

/** The rules whose level a team or a playbook may set. */
export const CONFIGURABLE_RULES: ReadonlySet<string> = new Set(LINT_RULES.filter((rule) => rule.configurable).map((rule) => rule.id));

/** The rules that warn past a number, with their defaults; a team or a playbook gives another as "rule-id: N". */
export const RULE_LIMITS: ReadonlyMap<string, number> = new Map(LINT_RULES.flatMap((rule) => (rule.limit === undefined ? [] : [[rule.id, rule.limit] as const])));

/**
 * What the rules that look at one file found in it, kept with its parse: an editor re-parses only
 * the file being edited (the others keep their parse object), so an edit re-runs these rules on
 * that file alone, and only the rules that compare files run over the whole workspace.
 */
const byFile = new WeakMap<ParsedPlaybook, Diagnostic[]>();

function fileDiagnostics(parsed: ParsedPlaybook): Diagnostic[] {
  let found = byFile.get(parsed);
  if (!found) {
    const context: LintContext = { files: [parsed], valid: parsed.playbook ? [{ parsed, playbook: parsed.playbook }] : [], configurable: CONFIGURABLE_RULES, limits: RULE_LIMITS };
    found = LINT_RULES.filter((rule) => !rule.acrossFiles).flatMap((rule) => rule.check(context));
    byFile.set(parsed, found);
  }
  return found;
}

export interface LintOptions {
  /** The team's settings (closer.config.yaml); each playbook's own "lint" key wins over them. */
  settings?: LintSettings;
}

/** Lint a set of playbooks together, so problems that span files (duplicate ids, references) are found. */
export function lintPlaybooks(files: readonly ParsedPlaybook[], options: LintOptions = {}): Diagnostic[] {
  const context: LintContext = {
    files,
    valid: files.flatMap((parsed) => (parsed.playbook ? [{ parsed, playbook: parsed.playbook }] : [])),
    configurable: CONFIGURABLE_RULES,
    limits: RULE_LIMITS,
    settings: options.settings,
  };
  const found = [
    ...files.flatMap((parsed) => fileDiagnostics(parsed)),
    ...LINT_RULES.filter((rule) => rule.acrossFiles).flatMap((rule) => rule.check(context)),
  ];
  return collapseRepeats(applyLintSettings(found, files, CONFIGURABLE_RULES, options.settings).sort(compareDiagnostics));
}
