import type { AdaptationCheck } from '../check.ts';

/** The model gave a text to send: not nothing, no template slot, no placeholder left unfilled. */
export const answered: AdaptationCheck = {
  id: 'answered',
  check({ adapted }) {
    if (!adapted.trim()) return [{ check: 'answered', code: 'answered.empty', params: [], message: 'the model answered with no text' }];
    const reasons = [];
    if (/\{\{|\}\}/.test(adapted)) reasons.push({ check: 'answered', code: 'answered.slot-unfilled' as const, params: [], message: 'it leaves a {{variable}} slot unfilled' });
    const placeholder = /\[(?:NAME|PHONE|EMAIL|ID|CARD|ADDRESS)_\d+\]/.exec(adapted);
    if (placeholder) reasons.push({ check: 'answered', code: 'answered.placeholder-left' as const, params: [placeholder[0]], message: `it leaves the placeholder ${placeholder[0]} where a personal detail belongs` });
    return reasons;
  },
};
