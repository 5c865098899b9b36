import { latestCustomerMessage, type ReadMessage, type ReadOptions } from './reader/read-chat.ts';

// Watching a message list live: its newest customer message, reported each time it changes.
// The reading itself (bubbles, text, direction, notices) is the reader's (reader/).

/** Calls `onMessage` whenever the list's newest customer message changes. Returns a stop function. */
export function watchMessageList(list: Element, options: () => ReadOptions, onMessage: (message: ReadMessage) => void): () => void {
  let last = latestCustomerMessage(list, options());
  // One check per batch of mutations: a new message usually arrives as several DOM changes.
  const observer = new MutationObserver(() => {
    const latest = latestCustomerMessage(list, options());
    // A new element counts even with the same text: customers do send "?" twice.
    if (latest && (latest.bubble !== last?.bubble || latest.text !== last.text)) onMessage(latest);
    last = latest;
  });
  observer.observe(list, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}
