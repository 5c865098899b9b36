import type { ListCandidate, ListContext } from './list-candidate.ts';
import type { Signal } from './signal.ts';

/**
 * Items alike: the messages of a list share a class name (or all have none), whichever side
 * they are on; the parts of one bubble (avatar, name, text, time) each have their own.
 */
export const listAlike: Signal<ListCandidate, ListContext> = {
  name: 'items alike',
  score(candidate) {
    const sample = candidate.items.slice(-16);
    const tokens = sample.map((item) => {
      const classes = item.getAttribute('class')?.split(/\s+/).filter(Boolean) ?? [];
      return new Set(classes.length > 0 ? classes : ['']);
    });
    let alike = 0;
    for (const [index, own] of tokens.entries()) {
      if (tokens.some((other, at) => at !== index && sample[at]!.localName === sample[index]!.localName && [...own].some((token) => other.has(token)))) alike += 1;
    }
    return sample.length === 0 ? 0 : 2 * (alike / sample.length) - 1;
  },
};
