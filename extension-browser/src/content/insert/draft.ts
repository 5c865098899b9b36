import { dispatchPaste } from './events.ts';
import type { InsertStrategy } from './strategy.ts';

/**
 * Draft.js keeps an immutable EditorState and ignores DOM edits and synthetic `beforeinput`
 * (React builds its onBeforeInput from `textInput`); it does read a paste's plain text.
 */
export const draftStrategy: InsertStrategy = {
  id: 'draft',
  // Draft's contenteditable carries this class inside .DraftEditor-root.
  matches: (editor) => editor.classList.contains('public-DraftEditor-content'),
  readsDomEdits: false,
  insert(editor, text) {
    dispatchPaste(editor, text);
  },
};
