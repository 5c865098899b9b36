import type { AdaptationCheck } from '../check.ts';

/** Every {{variable}} value filled into the approved reply (a product, a price, a name) is still there, word for word. */
export const valuesKept: AdaptationCheck = {
  id: 'values-kept',
  check({ original, adapted, values = {} }) {
    const reasons = [];
    for (const [name, value] of Object.entries(values)) {
      const text = value.trim();
      if (!text || !original.includes(text)) continue;
      if (!adapted.normalize('NFKC').includes(text.normalize('NFKC'))) {
        reasons.push({ check: 'values-kept', code: 'values-kept.missing' as const, params: [name, text], message: `the value of {{${name}}} ("${text}") is not in it word for word` });
      }
    }
    return reasons;
  },
};
