import type { Phrase } from '../../../playbook/lint/customer-text.ts';
import { PHRASES as GUARANTEES } from '../../../playbook/lint/rules/absolute-guarantee.ts';
import { PHRASES as SCARCITY } from '../../../playbook/lint/rules/false-scarcity.ts';
import { PHRASES as HEALTH_OR_MONEY } from '../../../playbook/lint/rules/health-or-money-claim.ts';
import { PHRASES as SUPERLATIVES } from '../../../playbook/lint/rules/unprovable-superlative.ts';
import type { AdaptationCheck } from '../check.ts';

// The authoring compliance rules, so a model is held to what ops are held to: a claim the
// approved reply did not make is a claim nobody approved.
const CLAIMS: readonly Phrase[] = [...GUARANTEES, ...SUPERLATIVES, ...HEALTH_OR_MONEY, ...SCARCITY];

function claimsIn(text: string): Map<string, string> {
  const found = new Map<string, string>();
  const plain = text.normalize('NFKC');
  for (const phrase of CLAIMS) {
    const global = new RegExp(phrase.pattern.source, phrase.pattern.flags.includes('g') ? phrase.pattern.flags : phrase.pattern.flags + 'g');
    for (const match of plain.matchAll(global)) {
      const key = `${phrase.what}:${match[0].toLowerCase().replace(/\s+/g, ' ')}`;
      if (!found.has(key)) found.set(key, `${phrase.what} ("${match[0]}")`);
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
      .map(([, what]) => ({ check: 'no-new-claims', message: `it adds ${what}, a claim the approved reply does not make` }));
  },
};
