import type { ListCandidate, ListContext } from './list-candidate.ts';
import type { Signal } from './signal.ts';

/**
 * Repeated sibling structures: a conversation is many children of one kind. More repeats count
 * for more, up to a point, so a long contact list does not outweigh everything else; children
 * of other kinds among them (a spinner, a load-more bar) lower the share.
 */
export const listRepetition: Signal<ListCandidate, ListContext> = {
  name: 'repeated items',
  score: (candidate) => Math.min(Math.log2(candidate.repeated), 3) * (candidate.repeated / candidate.items.length),
};
