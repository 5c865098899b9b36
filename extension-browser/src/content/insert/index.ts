import type { InsertResult } from '../../protocol.ts';
import { ckeditorStrategy } from './ckeditor.ts';
import { contenteditableStrategy } from './contenteditable.ts';
import { draftStrategy } from './draft.ts';
import { lexicalStrategy } from './lexical.ts';
import { prosemirrorStrategy } from './prosemirror.ts';
import { quillStrategy } from './quill.ts';
import { slateStrategy } from './slate.ts';
import type { InsertStrategy } from './strategy.ts';
import { isTextField, textareaStrategy } from './textarea.ts';

/** The ladder, most specific first: the first strategy that recognises the editor inserts. */
export const insertStrategies: readonly InsertStrategy[] = [
  textareaStrategy,
  lexicalStrategy,
  slateStrategy,
  draftStrategy,
  ckeditorStrategy,
  prosemirrorStrategy,
  quillStrategy,
  contenteditableStrategy,
];

export function strategyFor(editor: HTMLElement): InsertStrategy | undefined {
  return insertStrategies.find((strategy) => strategy.matches(editor));
}

function snapshot(editor: HTMLElement): string {
  return isTextField(editor) ? editor.value : editor.textContent ?? '';
}

/** Resolves once `editor` shows a change, or with false after `timeoutMs`. */
function waitForChange(editor: HTMLElement, before: string, timeoutMs: number): Promise<boolean> {
  if (snapshot(editor) !== before) return Promise.resolve(true);
  return new Promise((resolve) => {
    // React-based editors (Slate, Draft.js) render their new state a moment after the event.
    const observer = new MutationObserver(() => {
      if (snapshot(editor) === before) return;
      finish(true);
    });
    const timer = setTimeout(() => finish(snapshot(editor) !== before), timeoutMs);
    function finish(changed: boolean) {
      observer.disconnect();
      clearTimeout(timer);
      resolve(changed);
    }
    observer.observe(editor, { childList: true, subtree: true, characterData: true });
    editor.addEventListener('input', () => finish(snapshot(editor) !== before), { once: true });
  });
}

/**
 * Inserts `text` at the selection of `editor` (focused by the caller). Never presses Enter,
 * never submits. When an editor's own strategy leaves it unchanged and the editor reads DOM
 * edits, plain insertText is tried once, since a page may wrap a known editor in a way that
 * swallows its events.
 */
export async function insertInto(editor: HTMLElement, text: string): Promise<InsertResult> {
  const strategy = strategyFor(editor);
  if (!strategy) return { ok: false, strategy: 'none', error: 'the focused element is not a text box or editor' };
  const before = snapshot(editor);
  try {
    strategy.insert(editor, text);
  } catch (error) {
    return { ok: false, strategy: strategy.id, error: (error as Error).message };
  }
  if (text === '' || await waitForChange(editor, before, 1000)) return { ok: true, strategy: strategy.id };
  if (strategy !== contenteditableStrategy && strategy.readsDomEdits && editor.isContentEditable) {
    try {
      contenteditableStrategy.insert(editor, text);
      if (await waitForChange(editor, before, 1000)) return { ok: true, strategy: `${strategy.id}+contenteditable` };
    } catch {
      // Reported below as the editor's own failure.
    }
  }
  return { ok: false, strategy: strategy.id, error: `the ${strategy.id} editor did not take the text` };
}
