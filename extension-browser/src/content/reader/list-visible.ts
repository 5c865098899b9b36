import type { ListCandidate, ListContext } from './list-candidate.ts';
import type { Signal } from './signal.ts';

/**
 * Seen and sizeable: a hidden list (another tab of the app, a closed drawer) is not the chat on
 * screen, and the conversation usually takes a good part of the page's width.
 */
export const listVisible: Signal<ListCandidate, ListContext> = {
  name: 'on screen',
  score(candidate, context) {
    const box = candidate.box;
    if (box.width < 40 || box.height < 20) return -10;
    return Math.min(1, box.width / Math.max(1, context.viewportWidth)) * 1.5;
  },
};
