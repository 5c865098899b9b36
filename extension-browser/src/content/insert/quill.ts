import { dispatchPaste } from './events.ts';
import type { InsertStrategy } from './strategy.ts';

/** Quill's clipboard module takes a paste's plain text into its Delta at Quill's selection. */
export const quillStrategy: InsertStrategy = {
  id: 'quill',
  // Quill's editable root, inside .ql-container.
  matches: (editor) => editor.classList.contains('ql-editor'),
  readsDomEdits: true,
  insert(editor, text) {
    dispatchPaste(editor, text);
  },
};
