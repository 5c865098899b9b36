import { customerTexts, findPhrases, type Phrase } from '../customer-text.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

// A price or a discount written into a reply goes stale the day it changes, in every reply that
// repeats it; a variable is changed in one place (or per customer, in the side panel). Counts,
// durations and sizes (3年质保, 7 days, 1.8米) are not prices and are left alone.
// The pieces are literals, whose Chinese the build escapes (the worker's script stays ASCII:
// extension-browser/scripts/build.js); String.raw's text it cannot.
const DIGITS = /\d+(?:[,，]\d{3})*(?:\.\d+)?/.source;
const CURRENCY = /[¥￥$€£]/.source;
const UNIT = /(?:元|块钱|万元|美元|RMB|CNY|yuan|dollars?|USD|EUR|euros?)(?![a-z])/.source;
const PERCENT = /[%％]/.source;
const DISCOUNT_BEFORE = /(?:打|优惠|减|省|降|让利|返|discount of|save)/.source;
const DISCOUNT_AFTER = /(?:off|折扣|优惠|返现|cashback)/.source;
const TENTHS = /(?<![\d.])[1-9](?:\.\d)?\s?折(?![叠扣])/.source;
const PHRASES: Phrase[] = [
  { pattern: new RegExp(String.raw`${CURRENCY}\s?${DIGITS}|${DIGITS}\s?${UNIT}`, 'i'), what: 'price' },
  // A percentage is a discount only beside a discount word: "100%纯棉" is what a thing is made of.
  { pattern: new RegExp(String.raw`${DISCOUNT_BEFORE}\s?${DIGITS}\s?${PERCENT}|${DIGITS}\s?${PERCENT}\s?${DISCOUNT_AFTER}|${TENTHS}|${DIGITS}\s?percent off`, 'i'), what: 'discount' },
];

export const hardCodedFigure: LintRule = {
  id: 'hard-coded-figure',
  description: 'Prices and discounts in a reply are variables, not figures written into the text, which go stale.',
  configurable: true,
  check: ({ valid }) =>
    valid.flatMap(({ parsed, playbook }) =>
      findPhrases(customerTexts(playbook).filter((text) => text.kind === 'reply'), PHRASES).map(({ text, phrase, match }) =>
        diagnosticAt(parsed, text.path, 'warning', 'hard-coded-figure',
          `${text.owner} writes the ${phrase.what} "${match.trim()}" into its text, where it goes stale when the ${phrase.what} changes; use a variable such as {{${phrase.what}}} declared under "variables"`,
          { text: match.trim() }),
      ),
    ),
};
