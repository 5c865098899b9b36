import { parentOf } from './deep.ts';
import { isScroller, type ListCandidate, type ListContext } from './list-candidate.ts';
import type { Signal } from './signal.ts';

/**
 * A message list scrolls, or sits inside a box that does: the scroller is often a wrapper or two
 * above the list (pull-to-refresh and virtual-scroll wrappers), and some scroll by script inside
 * an `overflow: hidden` box, which counts when its content is taller than the box.
 */
export const listScroll: Signal<ListCandidate, ListContext> = {
  name: 'scrolls',
  score(candidate) {
    let node: Element | null = candidate.element;
    for (let depth = 0; node && depth < 4; depth += 1, node = parentOf(node)) {
      if (node.localName === 'body' || node.localName === 'html') return 0;
      if (isScroller(node)) return 1.5 - depth * 0.25;
    }
    return 0;
  },
};
