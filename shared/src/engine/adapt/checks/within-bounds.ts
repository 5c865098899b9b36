import type { AdaptationCheck } from '../check.ts';
import { wordEditDistance, wordsOf } from '../words.ts';

/** Without a bound in the playbook: the adapted text may be half as long again (plus a greeting), and change at most 60% of the words (edits over the longer text's words). */
export const DEFAULT_MAX_CHANGE = 0.6;
export function defaultMaxLength(original: string): number {
  return Math.ceil([...original].length * 1.5) + 40;
}

/** The adapted text stays within the reply's length and edit bounds (the playbook's, else the defaults). */
export const withinBounds: AdaptationCheck = {
  id: 'within-bounds',
  check({ original, adapted, bounds }) {
    const limits = typeof bounds === 'object' ? bounds : {};
    const maxLength = limits.maxLength ?? defaultMaxLength(original);
    const maxChange = limits.maxChange ?? DEFAULT_MAX_CHANGE;
    const reasons = [];
    const length = [...adapted.trim()].length;
    if (length > maxLength) reasons.push({ check: 'within-bounds', code: 'within-bounds.too-long' as const, params: [String(length), String(maxLength)], message: `it is ${length} characters long; this reply may have at most ${maxLength}` });
    const before = wordsOf(original);
    const after = wordsOf(adapted);
    const change = wordEditDistance(before, after) / Math.max(before.length, after.length, 1);
    if (change > maxChange) {
      reasons.push({ check: 'within-bounds', code: 'within-bounds.too-changed' as const, params: [String(Math.round(change * 100)), String(Math.round(maxChange * 100))], message: `it changes ${Math.round(change * 100)}% of the words; at most ${Math.round(maxChange * 100)}% may change — it is a new reply, not an adaptation` });
    }
    return reasons;
  },
};
