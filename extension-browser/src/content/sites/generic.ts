import { findPageEditor } from '../editable.ts';
import { guessMessageList, isOwnMessage } from '../message-list.ts';
import type { SiteAdapter } from './site-adapter.ts';

/**
 * Any page: the conversation is the page's address, the message list is picked or guessed,
 * own messages are told by class names or by sitting on the right, the chat box is the last
 * visible editor.
 */
export const genericAdapter: SiteAdapter = {
  id: 'generic',
  matches: () => true,
  conversationKey: (location) => `${location.host}${location.pathname}${location.hash}`,
  findMessageList: guessMessageList,
  isOwnMessage,
  findEditor: findPageEditor,
};
