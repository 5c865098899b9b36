import { customerTexts, findPhrases, type Phrase } from '../customer-text.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

// Superlatives a regulator would ask the seller to prove (advertising law bans 最/第一/国家级 claims
// without evidence). "第一次", "第一步", "第一时间" are counting, not ranking, and are left alone;
// "最好先…" (you had better…) is advice, not a claim.
export const PHRASES: Phrase[] = [
  { pattern: /最便宜|最低价|全网最低|价格最低|史上最[低好强]?|最好的|最强|最优秀|最顶级|顶级|国家级|独一无二|第一(?!次|步|个|天|条|时间|印象|眼|句|周|年|期|批|单|位|件|反应)/, what: 'a superlative' },
  { pattern: /\bbest in the (?:world|market|country|industry)\b|\bworld'?s best\b|\bcheapest\b|\blowest prices?\b|\bnumber one\b|#\s?1\b|\bNo\.\s?1\b|\bunbeatable\b|\bbest prices?\b/i, what: 'a superlative' },
];

export const unprovableSuperlative: LintRule = {
  id: 'unprovable-superlative',
  description: 'No superlatives a regulator would ask to prove (最便宜, 第一, best in the world).',
  configurable: true,
  check: ({ valid }) =>
    valid.flatMap(({ parsed, playbook }) =>
      findPhrases(customerTexts(playbook), PHRASES).map(({ text, match }) =>
        diagnosticAt(parsed, text.path, 'warning', 'unprovable-superlative',
          `${text.owner} claims "${match}", a superlative the seller would have to prove; name the concrete fact instead (what it costs, what it includes, what customers said)`,
          { text: match }),
      ),
    ),
};
