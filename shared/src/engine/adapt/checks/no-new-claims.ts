import type { Phrase } from '../../../playbook/lint/customer-text.ts';
import { PHRASES as GUARANTEES } from '../../../playbook/lint/rules/absolute-guarantee.ts';
import { PHRASES as SCARCITY } from '../../../playbook/lint/rules/false-scarcity.ts';
import { PHRASES as HEALTH_OR_MONEY } from '../../../playbook/lint/rules/health-or-money-claim.ts';
import { PHRASES as SUPERLATIVES } from '../../../playbook/lint/rules/unprovable-superlative.ts';
import type { AdaptationCheck } from '../check.ts';

// The authoring compliance rules, so a model is held to what ops are held to: a claim the
// approved reply did not make is a claim nobody approved.
// Each with its rule's id, which names the kind of claim in every language.
const CLAIMS: readonly (Phrase & { rule: string })[] = [
  ...GUARANTEES.map((phrase) => ({ ...phrase, rule: 'absolute-guarantee' })),
  ...SUPERLATIVES.map((phrase) => ({ ...phrase, rule: 'unprovable-superlative' })),
  ...HEALTH_OR_MONEY.map((phrase) => ({ ...phrase, rule: 'health-or-money-claim' })),
  ...SCARCITY.map((phrase) => ({ ...phrase, rule: 'false-scarcity' })),
];

function claimsIn(text: string): Map<string, { what: string; rule: string; words: string }> {
  const found = new Map<string, { what: string; rule: string; words: string }>();
  const plain = text.normalize('NFKC');
  for (const phrase of CLAIMS) {
    const global = new RegExp(phrase.pattern.source, phrase.pattern.flags.includes('g') ? phrase.pattern.flags : phrase.pattern.flags + 'g');
    for (const match of plain.matchAll(global)) {
      const key = `${phrase.what}:${match[0].toLowerCase().replace(/\s+/g, ' ')}`;
      if (!found.has(key)) found.set(key, { what: `${phrase.what} ("${match[0]}")`, rule: phrase.rule, words: match[0] });
    }
  }
  return found;
}

/** No guarantee, superlative, medical or financial claim, or scarcity that the approved reply did not make. */
export const noNewClaims: AdaptationCheck = {
  id: 'no-new-claims',
  check({ original, adapted }) {
    const approved = claimsIn(original);
    return [...claimsIn(adapted)]
      .filter(([key]) => !approved.has(key))
      .map(([, { what, rule, words }]) => ({ check: 'no-new-claims', code: 'no-new-claims.added' as const, params: [rule, words], message: `it adds ${what}, a claim the approved reply does not make` }));
  },
};
