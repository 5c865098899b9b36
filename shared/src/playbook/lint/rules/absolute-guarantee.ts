import { customerTexts, findPhrases, type Phrase } from '../customer-text.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

// Promises no seller can keep, which consumer-protection law treats as the seller's word.
// "保证金" (a deposit), "质保" (a warranty) and "100%纯棉" (what a thing is made of) are not
// promises of a result.
export const PHRASES: Phrase[] = [
  { pattern: /保证(?!金)/, what: 'a guarantee' },
  { pattern: /(?:100\s*[%％]|百分之?百)\s*(?:有效|满意|成功|安全|保证|放心|见效|治愈|退款|回本)/, what: 'a 100% promise' },
  { pattern: /无效(?:全额)?退款|不满意(?:全额)?退款|包退包换/, what: 'a promise of a refund if it does not work' },
  { pattern: /零风险|无风险|没有任何风险|绝对(?:有效|安全|没问题|正品)/, what: 'a promise of no risk' },
  { pattern: /\bguarantee(?:d|s)?\b/i, what: 'a guarantee' },
  { pattern: /\brisk[- ]free\b|\bno risk\b|\bzero risk\b/i, what: 'a promise of no risk' },
  { pattern: /\b100\s*%\s+(?:effective|safe|satisfied|satisfaction|success|guaranteed|risk[- ]free)\b|\bmoney[- ]back\b/i, what: 'a 100% promise' },
];

export const absoluteGuarantee: LintRule = {
  id: 'absolute-guarantee',
  description: 'No absolute guarantees (保证, 100%有效, 无效退款, guaranteed, risk-free): they are promises the seller is held to.',
  configurable: true,
  check: ({ valid }) =>
    valid.flatMap(({ parsed, playbook }) =>
      findPhrases(customerTexts(playbook), PHRASES).map(({ text, phrase, match }) =>
        diagnosticAt(parsed, text.path, 'warning', 'absolute-guarantee',
          `${text.owner} makes ${phrase.what} ("${match}"); a promise of a result is one the seller is held to — say what the customer gets and what the terms are instead`,
          { text: match }),
      ),
    ),
};
