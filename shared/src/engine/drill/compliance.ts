// The compliance lint run on a new hire's reply, by the same rules that check the playbooks,
// so a promise a reviewer would flag in a playbook is flagged in practice too.
import { lintPlaybooks } from '../../playbook/lint/index.ts';
import type { ParsedPlaybook } from '../../playbook/parse.ts';
import type { Playbook } from '../../playbook/schema.ts';

// What a customer reads may not promise, boast, claim health or money effects, invent scarcity
// or invent a discount. A price said in a live chat is the salesperson's to give (the playbook
// rule asks for a variable only because a written price goes stale), so only discounts count.
const COMPLIANCE_RULES = new Set(['absolute-guarantee', 'unprovable-superlative', 'health-or-money-claim', 'false-scarcity', 'hard-coded-figure']);

export interface ComplianceFinding {
  rule: string;
  message: string;
  /** The words that broke the rule, as written. */
  quote: string;
}

/** Every compliance finding in the text, each with its rule and the linter's message. */
export function complianceFindings(text: string): ComplianceFinding[] {
  if (text.trim() === '') return [];
  const diagnostics = lintPlaybooks([replyPlaybook(text)]);
  return diagnostics
    .filter((diagnostic) => COMPLIANCE_RULES.has(diagnostic.rule))
    .filter((diagnostic) => diagnostic.rule !== 'hard-coded-figure' || diagnostic.message.includes('the discount'))
    .map((diagnostic) => ({
      rule: diagnostic.rule,
      message: diagnostic.message.replace('reply "answer" ', 'the reply '),
      quote: /"([^"]+)"/.exec(diagnostic.message.replace('reply "answer" ', ''))?.[1] ?? '',
    }));
}

/**
 * A one-reply playbook holding the text, as the rules read it: what parsePlaybook makes of the
 * playbook's JSON, made here so that the YAML parser and the playbook schema stay out of the
 * browser's worker (a ninth of its script, compiled at every restart). The words a rule quotes
 * are placed where parsePlaybook places them in that JSON (one line), since the findings come in
 * the order of their places.
 */
export function replyPlaybook(text: string): ParsedPlaybook {
  const playbook: Playbook = { id: 'drill', title: 'drill', replies: [{ id: 'answer', label: 'answer', text }] };
  const source = JSON.stringify(playbook);
  const quoted = JSON.stringify(text);
  // The text is the last value: its quoted form, then "}]}".
  const valueStart = source.length - 3 - quoted.length;
  const at = (offset: number) => ({ line: 1, column: offset + 1, endLine: 1, endColumn: offset + 2 });
  return {
    file: 'drill.playbook.yaml',
    text: source,
    playbook,
    data: playbook,
    schemaIssues: [],
    diagnostics: [],
    locate: () => at(0),
    locateText: (_path, needle) => at(valueStart + Math.max(0, quoted.indexOf(needle))),
  };
}
