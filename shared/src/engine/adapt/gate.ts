import type { AdaptationCheck, AdaptationInput, AdaptationReason } from './check.ts';
import { adaptAllowed } from './checks/adapt-allowed.ts';
import { answered } from './checks/answered.ts';
import { figuresKept } from './checks/figures-kept.ts';
import { noInjectionObeyed } from './checks/no-injection-obeyed.ts';
import { noNewClaims } from './checks/no-new-claims.ts';
import { sameLanguage } from './checks/same-language.ts';
import { valuesKept } from './checks/values-kept.ts';
import { withinBounds } from './checks/within-bounds.ts';

/** The gate's checks, one per file in checks/, in the order their reasons are told. */
export const ADAPTATION_CHECKS: readonly AdaptationCheck[] = [adaptAllowed, answered, figuresKept, valuesKept, noNewClaims, withinBounds, sameLanguage, noInjectionObeyed];

export interface GateResult {
  accepted: boolean;
  /** Every reason the adaptation may not be shown, from every check; empty when accepted. */
  reasons: AdaptationReason[];
  /** What the salesperson gets: the adaptation when accepted, else the approved text. */
  text: string;
}

/** Decide mechanically whether a model's adaptation of an approved reply may be shown. */
export function gateAdaptation(input: AdaptationInput): GateResult {
  const safe: AdaptationInput = {
    ...input,
    original: typeof input.original === 'string' ? input.original : '',
    adapted: typeof input.adapted === 'string' ? input.adapted.trim() : '',
    customerMessage: typeof input.customerMessage === 'string' ? input.customerMessage : '',
  };
  const reasons = ADAPTATION_CHECKS.flatMap((check) => check.check(safe));
  return { accepted: reasons.length === 0, reasons, text: reasons.length === 0 ? safe.adapted : safe.original };
}

/** The reasons as one plain sentence for the salesperson. */
export function reasonsText(reasons: readonly AdaptationReason[]): string {
  if (reasons.length === 0) return '';
  return 'Not shown: ' + reasons.map((reason) => reason.message).join('; ') + '. The approved reply is offered instead.';
}
