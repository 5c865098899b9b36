import { dispatchPaste } from './events.ts';
import type { InsertStrategy } from './strategy.ts';

/**
 * CKEditor 5, as helpdesk agent workspaces embed it. It keeps its own model and takes a plain
 * text paste through its clipboard pipeline, which turns line breaks into its own paragraphs;
 * a browser insertText of a line break leaves its model unchanged.
 */
export const ckeditorStrategy: InsertStrategy = {
  id: 'ckeditor',
  // The editable CKEditor 5 renders: its root carries ck-editor__editable (and the instance).
  matches: (editor) => editor.classList.contains('ck-editor__editable') || 'ckeditorInstance' in editor,
  // It turns the browser's own typing events into model changes, so insertText is a fair second try.
  readsDomEdits: true,
  insert(editor, text) {
    if (!dispatchPaste(editor, text)) throw new Error('CKEditor did not take the paste');
  },
};
