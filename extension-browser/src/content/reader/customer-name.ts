import { deepElements } from './deep.ts';
import { cleanName, type NameCandidate } from './name-candidate.ts';
import { namePlace } from './name-place.ts';
import { nameText } from './name-text.ts';
import { nameWords } from './name-words.ts';
import { scoreWith, type Signal } from './signal.ts';

// The customer as the page shows them: the name in the chat's header, found like the list is,
// by scoring every short line of text above the conversation.

const SIGNALS: readonly Signal<NameCandidate, void>[] = [namePlace, nameWords, nameText];
const MINIMUM_SCORE = 2.5;

export interface NameFinding {
  element: Element;
  name: string;
  reasons: string[];
}

/** An element whose own text is one short line, with no text-carrying children of its own. */
function lineOf(element: Element): string | undefined {
  if (element.closest('#closer-pick-highlight')) return undefined;
  for (const child of Array.from(element.children)) if ((child.textContent ?? '').trim()) return undefined;
  const raw = (element.textContent ?? '').trim();
  if (!raw || raw.length > 60 || raw.includes('\n')) return undefined;
  const text = cleanName(raw);
  return text.length > 0 && text.length <= 40 ? text : undefined;
}

/** The customer's name for the conversation in `list`, when the page shows one above it. */
export function findCustomerName(list: Element): NameFinding | undefined {
  const listBox = list.getBoundingClientRect();
  if (listBox.width === 0) return undefined;
  let best: (NameFinding & { score: number }) | undefined;
  for (const element of deepElements(list.ownerDocument)) {
    if (element === list || list.contains(element) || element.contains(list)) continue;
    const text = lineOf(element);
    if (!text) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.bottom > listBox.top + 8 || listBox.top - box.bottom > 240) continue;
    const { score, reasons } = scoreWith(SIGNALS, { element, text, box, listBox }, undefined);
    if (score >= MINIMUM_SCORE && (!best || score > best.score)) best = { element, name: text, reasons, score };
  }
  return best && { element: best.element, name: best.name, reasons: best.reasons };
}

/** The name shown by a header found before, if it is still on the page and still reads like one. */
export function nameStillShown(found: NameFinding): string | undefined {
  if (!found.element.isConnected) return undefined;
  return lineOf(found.element);
}
