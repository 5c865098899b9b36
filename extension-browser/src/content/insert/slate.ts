import { dispatchBeforeInput, dispatchPaste } from './events.ts';
import type { InsertStrategy } from './strategy.ts';

/**
 * Slate renders from its own model and throws away DOM edits; its `beforeinput` handler turns
 * insertText into `Editor.insertText` at Slate's selection. Two kinds of text go in as a
 * plain-text paste instead: a single letter or space, which Slate leaves to the browser's
 * native insertion (a synthetic event has none, so its model and the DOM would part), and
 * multi-line text, which Slate's paste splits into blocks.
 */
export const slateStrategy: InsertStrategy = {
  id: 'slate',
  // slate-react's Editable renders this attribute on its root.
  matches: (editor) => editor.dataset.slateEditor === 'true',
  readsDomEdits: false,
  insert(editor, text) {
    if (text.includes('\n') || /^[a-z ]$/i.test(text)) dispatchPaste(editor, text);
    else dispatchBeforeInput(editor, text);
  },
};
