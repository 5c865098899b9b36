import { dispatchPaste } from './events.ts';
import type { InsertStrategy } from './strategy.ts';

/** ProseMirror (and Tiptap on top of it) parses a paste's plain text into its document at its selection. */
export const prosemirrorStrategy: InsertStrategy = {
  id: 'prosemirror',
  // EditorView gives its editable root this class.
  matches: (editor) => editor.classList.contains('ProseMirror'),
  readsDomEdits: true,
  insert(editor, text) {
    dispatchPaste(editor, text);
  },
};
