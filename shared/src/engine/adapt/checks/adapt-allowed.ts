import type { AdaptationCheck } from '../check.ts';

/** The playbook allows adapting this reply (`adapt: false` forbids it, e.g. for a legal text). */
export const adaptAllowed: AdaptationCheck = {
  id: 'adapt-allowed',
  check: ({ bounds }) => (bounds === false ? [{ check: 'adapt-allowed', code: 'adapt-allowed.verbatim-only', params: [], message: 'the playbook says this reply is sent word for word (adapt: false)' }] : []),
};
