import type { KnownDirection } from '../reader/read-chat.ts';

/**
 * What the content script needs to know about one chat site. The generic adapter works on any
 * page; a site's own adapter knows its message list, its chat box and whose message is whose
 * without being shown. Reading and inserting themselves are shared (reader/, insert/).
 */
export interface SiteAdapter {
  id: string;
  matches(location: Location): boolean;
  /** Identifies the conversation open in the page (variables and history are kept per key). */
  conversationKey(location: Location): string;
  /** The message list, when the site's layout is known; the user's pick overrides it. */
  findMessageList(): { list: Element; reasons: string[] } | undefined;
  /** Whose a bubble is, when the site says so plainly; undefined leaves it to the reader's signals. */
  knownDirection?: KnownDirection;
  /** The chat box, for when the user has not typed in the page yet. */
  findEditor(): HTMLElement | undefined;
}
