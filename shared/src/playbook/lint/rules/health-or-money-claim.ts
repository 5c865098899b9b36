import { customerTexts, findPhrases, type Phrase } from '../customer-text.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

// Medical and financial results are claims only a licence (and evidence) allows.
export const PHRASES: Phrase[] = [
  { pattern: /治愈|根治|药到病除|包治|神药|疗效显著|稳赚|稳赢|保本|躺赚|只赚不赔|收益翻倍|稳定收益/, what: 'a medical or financial claim' },
  { pattern: /\bcures?\b|\bcured\b|\bheals? (?:any|all|every)\b|\bmiracle\b|\bguaranteed (?:returns?|profits?|income)\b|\bcan'?t lose\b|\bdouble your money\b|\bsure profit\b/i, what: 'a medical or financial claim' },
];

export const healthOrMoneyClaim: LintRule = {
  id: 'health-or-money-claim',
  description: 'No medical or financial claims (治愈, 稳赚, cures, guaranteed returns).',
  configurable: true,
  check: ({ valid }) =>
    valid.flatMap(({ parsed, playbook }) =>
      findPhrases(customerTexts(playbook), PHRASES).map(({ text, match }) =>
        diagnosticAt(parsed, text.path, 'warning', 'health-or-money-claim',
          `${text.owner} makes a medical or financial claim ("${match}"); only a licensed professional may promise a cure or a return — describe what the product is and does`,
          { text: match }),
      ),
    ),
};
