/**
 * What the content script needs to know about one chat site. The generic adapter works on any
 * page; a site's own adapter knows its message list and conversation key without being shown.
 */
export interface SiteAdapter {
  id: string;
  matches(location: Location): boolean;
  /** Identifies the conversation open in the page (variables and history are kept per key). */
  conversationKey(location: Location): string;
  /** The message list, when the site's layout is known; the user's pick overrides it. */
  findMessageList(): Element | undefined;
}
