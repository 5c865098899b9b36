import { editableRoot } from './editable.ts';
import { frameDocument } from './reader/deep.ts';

// Clicking the side panel takes the focus from the page, so the content script remembers the
// last editor the user typed in, and where the caret was, and puts both back before inserting.
// Events inside a same-origin iframe stay in the iframe's document, so those are watched too.

let lastEditor: HTMLElement | undefined;
let lastRange: Range | undefined;
// Typing marks the chat box; merely clicking into a field (a search box, say) does not take
// over from it, but a focused box counts when nothing was typed anywhere yet.
let typedIn = false;
const watched = new WeakSet<Document>();
let lifetime: AbortSignal | undefined;

function remember(target: EventTarget | null, typing: boolean): void {
  const node = target && typeof (target as Node).nodeType === 'number' ? (target as Node) : null;
  if (node && (node as Element).localName === 'iframe') watchFrame(node as HTMLIFrameElement);
  const editor = editableRoot(node);
  if (!editor || (!typing && typedIn && lastEditor?.isConnected)) return;
  if (editor !== lastEditor) lastRange = undefined;
  lastEditor = editor;
  typedIn ||= typing;
}

/**
 * The selection an editor's caret is in. Inside a shadow root the document's selection shows
 * only the host; Chromium gives the shadow root its own getSelection().
 */
function selectionFor(editor: HTMLElement): Selection | null {
  const root = editor.getRootNode() as Node & { host?: Element; getSelection?: () => Selection | null };
  if (root.host && root.getSelection) return root.getSelection() ?? editor.ownerDocument.getSelection();
  return editor.ownerDocument.getSelection();
}

function rememberCaret(): void {
  const selection = lastEditor ? selectionFor(lastEditor) : null;
  if (!lastEditor || !selection || selection.rangeCount === 0) return;
  if (lastEditor.contains(selection.anchorNode)) lastRange = selection.getRangeAt(0).cloneRange();
}

// composedPath()[0] is the element itself even inside a shadow root, where `target` is the host.
const targetOf = (event: Event) => event.composedPath()[0] ?? event.target;

function watchDocument(document: Document): void {
  if (!lifetime || lifetime.aborted || watched.has(document)) return;
  watched.add(document);
  const signal = lifetime;
  document.addEventListener('focusin', (event) => remember(targetOf(event), false), { capture: true, signal });
  document.addEventListener('keydown', (event) => remember(targetOf(event), true), { capture: true, signal });
  document.addEventListener('input', (event) => remember(targetOf(event), true), { capture: true, signal });
  document.addEventListener('selectionchange', rememberCaret, { signal });
  for (const frame of Array.from(document.querySelectorAll('iframe'))) watchFrame(frame);
}

function watchFrame(frame: HTMLIFrameElement): void {
  const inner = frameDocument(frame);
  if (inner) watchDocument(inner);
  // A frame that loads later (or navigates) gets a new document.
  frame.addEventListener('load', () => {
    const loaded = frameDocument(frame);
    if (loaded) watchDocument(loaded);
  }, { once: true, signal: lifetime });
}

/** Follows the user's typing, in the page and its same-origin iframes, until `signal` aborts. */
export function watchTyping(signal: AbortSignal): void {
  lifetime = signal;
  watchDocument(document);
}

/** The next `selectionchange` (editors sync their model from it), or a short while at most. */
function selectionSettled(document: Document): Promise<void> {
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

/** The focused element of the editor's own tree (its shadow root's, or its iframe's document's). */
function focusedIn(editor: HTMLElement): Element | null {
  const root = editor.getRootNode() as Document | ShadowRoot;
  return root.activeElement ?? null;
}

/**
 * Focuses the editor to insert into, with the caret where the user left it; `fallback` finds
 * the chat box when the user has not typed in this page yet.
 */
export async function focusLastEditor(fallback: () => HTMLElement | undefined): Promise<HTMLElement | undefined> {
  const editor = lastEditor?.isConnected ? lastEditor : fallback();
  if (!editor) return undefined;
  const document = editor.ownerDocument;
  const selection = selectionFor(editor);
  const caretInside = () => !!selection && selection.rangeCount > 0 && editor.contains(selection.anchorNode);
  if (focusedIn(editor) === editor && (!editor.isContentEditable || caretInside())) return editor;
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
  await selectionSettled(document);
  return editor;
}
