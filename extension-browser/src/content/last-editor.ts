import { editableRoot } from './editable.ts';

// Clicking the side panel takes the focus from the page, so the content script remembers the
// last editor the user typed in, and where the caret was, and puts both back before inserting.

let lastEditor: HTMLElement | undefined;
let lastRange: Range | undefined;
// Typing marks the chat box; merely clicking into a field (a search box, say) does not take
// over from it, but a focused box counts when nothing was typed anywhere yet.
let typedIn = false;

function remember(target: EventTarget | null, typing: boolean): void {
  const editor = editableRoot(target instanceof Node ? target : null);
  if (!editor || (!typing && typedIn && lastEditor?.isConnected)) return;
  if (editor !== lastEditor) lastRange = undefined;
  lastEditor = editor;
  typedIn ||= typing;
}

function rememberCaret(): void {
  const selection = document.getSelection();
  if (!lastEditor || !selection || selection.rangeCount === 0) return;
  if (lastEditor.contains(selection.anchorNode)) lastRange = selection.getRangeAt(0).cloneRange();
}

// composedPath()[0] is the element itself even inside a shadow root, where `target` is the host.
const targetOf = (event: Event) => event.composedPath()[0] ?? event.target;

/** Follows the user's typing until `signal` aborts. */
export function watchTyping(signal: AbortSignal): void {
  document.addEventListener('focusin', (event) => remember(targetOf(event), false), { capture: true, signal });
  document.addEventListener('keydown', (event) => remember(targetOf(event), true), { capture: true, signal });
  document.addEventListener('input', (event) => remember(targetOf(event), true), { capture: true, signal });
  document.addEventListener('selectionchange', rememberCaret, { signal });
}

/** The next `selectionchange` (editors sync their model from it), or a short while at most. */
function selectionSettled(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      document.removeEventListener('selectionchange', done);
      // Let the editors' own selectionchange listeners run first.
      setTimeout(resolve, 0);
    };
    const timer = setTimeout(done, 150);
    document.addEventListener('selectionchange', done);
  });
}

/**
 * Focuses the editor to insert into, with the caret where the user left it; `fallback` finds
 * the chat box when the user has not typed in this page yet.
 */
export async function focusLastEditor(fallback: () => HTMLElement | undefined): Promise<HTMLElement | undefined> {
  const editor = lastEditor?.isConnected ? lastEditor : fallback();
  if (!editor) return undefined;
  const selection = document.getSelection();
  const caretInside = () => !!selection && selection.rangeCount > 0 && editor.contains(selection.anchorNode);
  if (document.activeElement === editor && (!editor.isContentEditable || caretInside())) return editor;
  const saved = lastRange;
  editor.focus({ preventScroll: true });
  // A text field keeps its selectionStart/End while blurred; a contenteditable's caret must be put back.
  if (editor.isContentEditable && selection) {
    if (saved && editor.contains(saved.startContainer) && editor.contains(saved.endContainer)) {
      selection.removeAllRanges();
      selection.addRange(saved);
    } else if (!caretInside()) {
      selection.selectAllChildren(editor);
      selection.collapseToEnd();
    }
  }
  await selectionSettled();
  return editor;
}
