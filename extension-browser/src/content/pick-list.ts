// "Pick the message list": hovering highlights the list under the pointer, a click chooses it,
// Escape cancels. While picking, the page gets no clicks, so choosing cannot trigger the site.

import { findPageEditor } from './editable.ts';
import { listAround } from './reader/list-around.ts';

const HIGHLIGHT_ID = 'closer-pick-highlight';

/** The message list the hovered element belongs to (the element itself when nothing looks like one). */
export function listCandidate(target: Element): Element {
  return listAround(target, findPageEditor()) ?? target;
}

// Inside a shadow root the event's target is the host; the path starts at the element itself.
function targetOf(event: Event): Element | undefined {
  const first = event.composedPath()[0] ?? event.target;
  return first instanceof Element ? first : undefined;
}

function createHighlight(): HTMLElement {
  const highlight = document.createElement('div');
  highlight.id = HIGHLIGHT_ID;
  highlight.style.cssText = [
    'position:fixed', 'z-index:2147483647', 'pointer-events:none', 'box-sizing:border-box',
    'border:2px solid #2563eb', 'background:rgba(37,99,235,0.08)', 'border-radius:4px', 'display:none',
  ].join(';');
  const label = document.createElement('div');
  label.style.cssText = 'position:absolute;left:0;top:0;padding:2px 6px;background:#2563eb;color:#fff;font:12px/1.4 system-ui,sans-serif;white-space:nowrap';
  // The panel's own hint, in the user's language; the English text if the locale lacks it.
  label.textContent = chrome.i18n?.getMessage('pickListHint') || 'Click the chat\'s message list in the page (Escape cancels).';
  highlight.append(label);
  document.documentElement.append(highlight);
  return highlight;
}

let stopCurrent: (() => void) | undefined;

/** Starts picking; `onChosen` gets the chosen list, `onEnded` is told whether one was. Starting again restarts. */
export function startPicking(onChosen: (list: Element) => void, onEnded: (chosen: boolean) => void = () => undefined): void {
  stopCurrent?.();
  const highlight = createHighlight();
  let candidate: Element | undefined;
  let hovered: Element | undefined;

  const show = (event: MouseEvent) => {
    const target = targetOf(event);
    if (!target) return;
    // Mouse moves fire many times over one element; score its ancestors once.
    if (target !== hovered || !candidate) candidate = listCandidate(target);
    hovered = target;
    const box = candidate.getBoundingClientRect();
    Object.assign(highlight.style, { display: 'block', left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` });
    // The hint sits above the list when there is room, so it hides no message.
    const label = highlight.firstElementChild as HTMLElement;
    label.style.top = box.top >= 24 ? '-24px' : '0';
  };
  const swallow = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  const choose = (event: MouseEvent) => {
    swallow(event);
    const target = targetOf(event);
    const chosen = target === hovered && candidate ? candidate : target ? listCandidate(target) : candidate;
    stop();
    if (chosen) onChosen(chosen);
    onEnded(chosen !== undefined);
  };
  const cancel = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    swallow(event);
    stop();
    onEnded(false);
  };
  const swallowed = ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick', 'contextmenu'] as const;

  function stop() {
    document.removeEventListener('mouseover', show, true);
    document.removeEventListener('mousemove', show, true);
    document.removeEventListener('click', choose, true);
    document.removeEventListener('keydown', cancel, true);
    for (const type of swallowed) document.removeEventListener(type, swallow, true);
    highlight.remove();
    stopCurrent = undefined;
  }

  document.addEventListener('mouseover', show, true);
  document.addEventListener('mousemove', show, true);
  document.addEventListener('click', choose, true);
  document.addEventListener('keydown', cancel, true);
  for (const type of swallowed) document.addEventListener(type, swallow, true);
  stopCurrent = stop;
}

/** Ends picking, if on, without choosing. */
export function stopPicking(): void {
  stopCurrent?.();
}
