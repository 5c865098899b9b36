import { styleOf } from './deep.ts';
import type { ListCandidate, ListContext } from './list-candidate.ts';
import type { Signal } from './signal.ts';

const SAMPLE = 12;

function isClickable(item: Element): boolean {
  if (item.matches('a[href], button, [role=button], [role=option], [role=tab], [role=menuitem], [role=link]')) return true;
  if (item.querySelector(':scope > a[href]:only-child, :scope > button:only-child')) return true;
  return styleOf(item).cursor === 'pointer';
}

/**
 * Link density, as Readability counts it: items that are links or buttons as a whole belong to
 * a list of conversations or a menu; messages are read, not clicked.
 */
export const listClickable: Signal<ListCandidate, ListContext> = {
  name: 'items are links',
  score(candidate) {
    const sample = candidate.items.slice(-SAMPLE);
    const clickable = sample.filter(isClickable).length;
    return sample.length === 0 ? 0 : -3 * (clickable / sample.length);
  },
};
