import { dispatchBeforeInput, dispatchPaste } from './events.ts';
import type { InsertStrategy } from './strategy.ts';

/**
 * Slate renders from its own model and throws away DOM edits; its `beforeinput` handler turns
 * insertText into `Editor.insertText` at Slate's selection. Multi-line text goes in as a
 * plain-text paste, which Slate splits into blocks.
 */
export const slateStrategy: InsertStrategy = {
  id: 'slate',
  // slate-react's Editable renders this attribute on its root.
  matches: (editor) => editor.dataset.slateEditor === 'true',
  insert(editor, text) {
    if (text.includes('\n')) dispatchPaste(editor, text);
    else dispatchBeforeInput(editor, text);
  },
};
