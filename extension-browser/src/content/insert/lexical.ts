import { dispatchPaste } from './events.ts';
import type { InsertStrategy } from './strategy.ts';

/**
 * Lexical reverts DOM changes it did not make, and a synthetic `beforeinput` insertText is left
 * to the browser's default action (which an untrusted event does not have), so nothing happens.
 * Its paste handler does read a plain-text paste into its own state, line breaks included.
 */
export const lexicalStrategy: InsertStrategy = {
  id: 'lexical',
  // Lexical marks its root element with this attribute.
  matches: (editor) => editor.dataset.lexicalEditor === 'true',
  readsDomEdits: true,
  insert(editor, text) {
    dispatchPaste(editor, text);
  },
};
