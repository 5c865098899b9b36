import type { AdaptationCheck } from '../check.ts';

/** The model gave a text to send: not nothing, no template slot, no placeholder left unfilled. */
export const answered: AdaptationCheck = {
  id: 'answered',
  check({ adapted }) {
    if (!adapted.trim()) return [{ check: 'answered', message: 'the model answered with no text' }];
    const reasons = [];
    if (/\{\{|\}\}/.test(adapted)) reasons.push({ check: 'answered', message: 'it leaves a {{variable}} slot unfilled' });
    const placeholder = /\[(?:NAME|PHONE|EMAIL|ID|CARD|ADDRESS)_\d+\]/.exec(adapted);
    if (placeholder) reasons.push({ check: 'answered', message: `it leaves the placeholder ${placeholder[0]} where a personal detail belongs` });
    return reasons;
  },
};
