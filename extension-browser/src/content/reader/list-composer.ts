import type { ListCandidate, ListContext } from './list-candidate.ts';
import type { Signal } from './signal.ts';

/**
 * The chat box sits right under the conversation and as wide as it; a contact list beside the
 * conversation does not overlap the chat box sideways at all.
 */
export const listComposer: Signal<ListCandidate, ListContext> = {
  name: 'above the chat box',
  score(candidate, context) {
    if (!context.composer || !context.composer.isConnected) return 0;
    if (candidate.element.contains(context.composer)) return -1;
    const box = candidate.box;
    const composer = context.composer.getBoundingClientRect();
    if (box.width === 0 || composer.width === 0) return 0;
    const overlap = Math.min(box.right, composer.right) - Math.max(box.left, composer.left);
    if (overlap <= 0) return -1.5;
    const sideways = overlap / Math.min(box.width, composer.width);
    const gap = composer.top - box.bottom;
    // Below the list and close to it; a list that ends far above the box is probably not the chat.
    if (gap < -composer.height || gap > 240) return sideways * 0.5;
    return sideways * 3;
  },
};
