import { findPageEditor } from '../editable.ts';
import { findMessageList } from '../reader/find-list.ts';
import type { SiteAdapter } from './site-adapter.ts';

/**
 * Any page: the conversation is the page's address, the message list is picked or found by
 * the reader's scored signals, whose message is whose is the reader's to tell, the chat box is
 * the last visible editor.
 */
export const genericAdapter: SiteAdapter = {
  id: 'generic',
  matches: () => true,
  conversationKey: (location) => `${location.host}${location.pathname}${location.hash}`,
  findMessageList: () => findMessageList(document),
  findEditor: findPageEditor,
};
