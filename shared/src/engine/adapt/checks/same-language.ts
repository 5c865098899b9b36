import type { AdaptationCheck } from '../check.ts';
import { textLanguage } from '../language.ts';

const NAMES = { 'zh-CN': 'Chinese', en: 'English' } as const;

/** The adaptation is in the customer's language (else the approved reply's, when the customer wrote only figures). */
export const sameLanguage: AdaptationCheck = {
  id: 'same-language',
  check({ original, adapted, customerMessage, language }) {
    const wanted = language ?? textLanguage(customerMessage) ?? textLanguage(original);
    const written = textLanguage(adapted);
    if (!wanted || !written || written === wanted) return [];
    return [{ check: 'same-language', code: 'same-language.other', params: [written, wanted], message: `it is written in ${NAMES[written]}, but the customer writes ${NAMES[wanted]}` }];
  },
};
