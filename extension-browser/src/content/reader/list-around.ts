import { parentOf } from './deep.ts';
import { listAlignment } from './list-alignment.ts';
import { listAlike } from './list-alike.ts';
import { listCandidate, type ListCandidate, type ListContext } from './list-candidate.ts';
import { listClickable } from './list-clickable.ts';
import { listComposer } from './list-composer.ts';
import { listRepetition } from './list-repetition.ts';
import { listScroll } from './list-scroll.ts';
import { listVisible } from './list-visible.ts';
import { listWords } from './list-words.ts';
import { scoreWith, type Signal } from './signal.ts';

// Pick mode: the list the hovered element belongs to. Every ancestor with repeated children is
// scored with the same signals as the guess, so hovering a bubble whose body has three parts
// (name, text, time) frames the conversation, not the bubble.

const SIGNALS: readonly Signal<ListCandidate, ListContext>[] = [listRepetition, listAlike, listScroll, listWords, listVisible, listAlignment, listClickable, listComposer];

/** Down through wrappers with one child (a scroller's inner box) to where the items are. */
function unwrap(element: Element): Element {
  let inner = element;
  for (let depth = 0; depth < 6 && inner.childElementCount === 1; depth += 1) inner = inner.firstElementChild!;
  return inner;
}

/** The best message list among `target`'s ancestors (and the inside of the box it is in). */
export function listAround(target: Element, composer?: HTMLElement): Element | undefined {
  const context: ListContext = { composer, viewportWidth: target.ownerDocument.defaultView?.innerWidth ?? 1000 };
  let best: { element: Element; score: number } | undefined;
  const consider = (element: Element) => {
    const candidate = listCandidate(element);
    if (!candidate) return;
    const { score } = scoreWith(SIGNALS, candidate, context);
    if (!best || score > best.score) best = { element, score };
  };
  consider(unwrap(target));
  for (let node: Element | null = target; node && node.localName !== 'body' && node.localName !== 'html'; node = parentOf(node)) consider(node);
  return best?.element;
}
