import { editableRoot } from '../editable.ts';
import { deepElements } from './deep.ts';
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

// Finding the message list: every element with repeated children is a candidate; cheap signals
// score them all, the costlier ones (layout, styles of items) only the best few.

const CHEAP: readonly Signal<ListCandidate, ListContext>[] = [listRepetition, listAlike, listScroll, listWords, listVisible];
const COSTLY: readonly Signal<ListCandidate, ListContext>[] = [listComposer, listAlignment, listClickable];
const FINALISTS = 12;
/** Below this, nothing on the page looks enough like a conversation to read. */
const MINIMUM_SCORE = 3;

export interface ListFinding {
  list: Element;
  score: number;
  /** The signals that spoke, strongest first, e.g. "above the chat box +3". */
  reasons: string[];
}

const OWN_UI = '#closer-pick-highlight';

function isVisible(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
}

/** The chat box of each document or shadow root: its last visible editor (chat boxes sit at the bottom). */
function composersOf(elements: readonly Element[]): Map<Node, HTMLElement> {
  const composers = new Map<Node, HTMLElement>();
  for (const element of elements) {
    if (!element.matches('textarea, input, [contenteditable]')) continue;
    const editor = editableRoot(element);
    if (editor && isVisible(editor)) composers.set(editor.ownerDocument, editor);
  }
  return composers;
}

/** The finalists for the message list, best first, each with its score and why. */
export function rankMessageLists(root: Document = document): ListFinding[] {
  const elements = deepElements(root);
  const composers = composersOf(elements);
  const scored: Array<{ candidate: ListCandidate; context: ListContext; score: number; reasons: string[] }> = [];
  for (const element of elements) {
    if (element.childElementCount < 2 || element.localName === 'head' || element.localName === 'html') continue;
    if ((element as HTMLElement).isContentEditable || element.closest(OWN_UI)) continue;
    const candidate = listCandidate(element);
    if (!candidate) continue;
    const view = element.ownerDocument.defaultView;
    const context: ListContext = { composer: composers.get(element.ownerDocument), viewportWidth: view?.innerWidth ?? 1000 };
    scored.push({ candidate, context, ...scoreWith(CHEAP, candidate, context) });
  }
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, FINALISTS).map((entry) => {
    const more = scoreWith(COSTLY, entry.candidate, entry.context);
    return { list: entry.candidate.element, score: entry.score + more.score, reasons: [...more.reasons, ...entry.reasons] };
  }).sort((a, b) => b.score - a.score);
}

/** The best-scoring message list on the page, with why; undefined when nothing scores enough. */
export function findMessageList(root: Document = document): ListFinding | undefined {
  const best = rankMessageLists(root)[0];
  return best && best.score >= MINIMUM_SCORE ? best : undefined;
}
