// The compliance lint run on a new hire's reply, by the same rules that check the playbooks,
// so a promise a reviewer would flag in a playbook is flagged in practice too.
import { lintPlaybooks } from '../../playbook/lint/index.ts';
import { parsePlaybook } from '../../playbook/parse.ts';

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
  // JSON is YAML, and a one-reply playbook is what the rules know how to read.
  const source = JSON.stringify({ id: 'drill', title: 'drill', replies: [{ id: 'answer', label: 'answer', text }] });
  const diagnostics = lintPlaybooks([parsePlaybook(source, 'drill.playbook.yaml')]);
  return diagnostics
    .filter((diagnostic) => COMPLIANCE_RULES.has(diagnostic.rule))
    .filter((diagnostic) => diagnostic.rule !== 'hard-coded-figure' || diagnostic.message.includes('the discount'))
    .map((diagnostic) => ({
      rule: diagnostic.rule,
      message: diagnostic.message.replace('reply "answer" ', 'the reply '),
      quote: /"([^"]+)"/.exec(diagnostic.message.replace('reply "answer" ', ''))?.[1] ?? '',
    }));
}
