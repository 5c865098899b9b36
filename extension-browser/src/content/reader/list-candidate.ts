import { styleOf } from './deep.ts';

// A candidate message list: an element and its item children (the repeated structures that
// would be messages). Built once per candidate and shared by the list signals.

export interface ListCandidate {
  element: Element;
  /** The children that carry text or an image, in order. */
  items: Element[];
  /** How many items share the most common tag. */
  repeated: number;
  box: DOMRect;
}

export interface ListContext {
  /** The chat box of the candidate's document, when one is found. */
  composer: HTMLElement | undefined;
  /** The candidate's window width, for judging how much of the page it takes. */
  viewportWidth: number;
}

const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'link', 'meta', 'noscript', 'br', 'hr']);

function hasContent(element: Element): boolean {
  return (element.textContent ?? '').trim() !== '' || element.querySelector('img, video, audio, svg') !== null || element.shadowRoot !== null;
}

/** The candidate built from `element`, or undefined when it has fewer than two repeated items. */
export function listCandidate(element: Element): ListCandidate | undefined {
  if (element.childElementCount < 2) return undefined;
  const items: Element[] = [];
  const tags = new Map<string, number>();
  for (const child of Array.from(element.children)) {
    if (SKIPPED_TAGS.has(child.localName) || !hasContent(child)) continue;
    items.push(child);
    tags.set(child.localName, (tags.get(child.localName) ?? 0) + 1);
  }
  const repeated = Math.max(0, ...tags.values());
  if (repeated < 2) return undefined;
  return { element, items, repeated, box: element.getBoundingClientRect() };
}

/** Whether an element scrolls its content, or clips content taller than itself (scrolled by script). */
export function isScroller(element: Element): boolean {
  const overflow = styleOf(element).overflowY;
  if (overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay') return true;
  return overflow === 'hidden' && element.scrollHeight > element.clientHeight + 1;
}
