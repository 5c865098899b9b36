import { parentOf } from './deep.ts';
import { isScroller, type ListCandidate, type ListContext } from './list-candidate.ts';
import type { Signal } from './signal.ts';

/** The box the list is seen in: its scroller's when it has one (a short list sits at the top of a tall scroller). */
function viewBox(candidate: ListCandidate): DOMRect {
  let node: Element | null = candidate.element;
  for (let depth = 0; node && depth < 4; depth += 1, node = parentOf(node)) {
    if (node.localName === 'body' || node.localName === 'html') break;
    if (isScroller(node)) return node.getBoundingClientRect();
  }
  return candidate.box;
}

/**
 * The chat box sits right under the conversation and as wide as it; a contact list beside the
 * conversation does not overlap the chat box sideways at all.
 */
export const listComposer: Signal<ListCandidate, ListContext> = {
  name: 'above the chat box',
  score(candidate, context) {
    if (!context.composer || !context.composer.isConnected) return 0;
    if (candidate.element.contains(context.composer)) return -1;
    const box = viewBox(candidate);
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
