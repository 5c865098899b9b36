import { guessMessageList } from '../message-list.ts';
import type { SiteAdapter } from './site-adapter.ts';

/** Any page: the conversation is the page's address, the message list is picked or guessed. */
export const genericAdapter: SiteAdapter = {
  id: 'generic',
  matches: () => true,
  conversationKey: (location) => `${location.host}${location.pathname}${location.hash}`,
  findMessageList: guessMessageList,
};
