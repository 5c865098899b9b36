import type { ListCandidate, ListContext } from './list-candidate.ts';
import type { Signal } from './signal.ts';
import { sideOf, textBox } from './side.ts';

const SAMPLE = 16;

/**
 * Two sides: a conversation has messages against the left edge and messages against the right;
 * a contact list or a menu has every item on the same side. Looks at the newest items only.
 */
export const listAlignment: Signal<ListCandidate, ListContext> = {
  name: 'messages on both sides',
  score(candidate) {
    if (candidate.box.width === 0) return 0;
    let left = 0;
    let right = 0;
    for (const item of candidate.items.slice(-SAMPLE)) {
      const side = sideOf(textBox(item), candidate.box);
      if (side === 'left') left += 1;
      else if (side === 'right') right += 1;
    }
    return left > 0 && right > 0 ? 2 : 0;
  },
};
