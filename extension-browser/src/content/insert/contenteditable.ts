import type { InsertStrategy } from './strategy.ts';

/**
 * A plain contenteditable. execCommand('insertText') edits at the selection the way typing
 * does (undo history, `input` event, line breaks), which no hand-built DOM change matches. It is
 * deprecated but still the only way browsers offer to do that.
 */
export const contenteditableStrategy: InsertStrategy = {
  id: 'contenteditable',
  matches: (editor) => editor.isContentEditable,
  readsDomEdits: true,
  insert(editor, text) {
    // The editor's own document: a chat in a same-origin iframe edits there.
    if (!editor.ownerDocument.execCommand('insertText', false, text)) throw new Error('the page refused insertText');
  },
};
