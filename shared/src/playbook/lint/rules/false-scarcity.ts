import { clauseAround, customerTexts, findPhrases, type Phrase } from '../customer-text.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

// Scarcity is true only when someone checks it: "仅剩{{stock}}件" is filled in by the team with
// the real stock, "仅剩最后一件" is said to every customer. A phrase whose clause has a
// {{variable}} is left alone.
export const PHRASES: Phrase[] = [
  { pattern: /仅剩|只剩|最后一(?:件|台|套|批|个|天)|仅限今天|只有今天|今天(?:最后一天|截止)|限时|错过(?:就)?(?:没有|不再)|马上(?:就)?涨价|名额有限|库存告急|卖完(?:就)?没有/, what: 'scarcity' },
  { pattern: /\bonly today\b|\btoday only\b|\blast (?:one|chance|few|day)\b|\bonly \w+ left\b|\bwhile stocks? lasts?\b|\bends (?:today|tonight)\b|\blimited[- ]time\b|\bselling fast\b|\bwon'?t last\b|\balmost gone\b/i, what: 'scarcity' },
];

export const falseScarcity: LintRule = {
  id: 'false-scarcity',
  description: 'Scarcity (仅剩最后一件, only today) only when tied to a {{variable}} the team fills with the real stock or date.',
  configurable: true,
  check: ({ valid }) =>
    valid.flatMap(({ parsed, playbook }) =>
      findPhrases(customerTexts(playbook).filter((text) => text.kind === 'reply'), PHRASES)
        .filter(({ text, index }) => !/\{\{[^{}]*\}\}/.test(clauseAround(text.text, index)))
        .map(({ text, match }) =>
          diagnosticAt(parsed, text.path, 'warning', 'false-scarcity',
            `${text.owner} says "${match}" to every customer, whether or not it is true today; tie it to a variable the team fills (仅剩{{stock}}件, "offer ends {{deadline}}") or leave it out`,
            { text: match }),
        ),
    ),
};
