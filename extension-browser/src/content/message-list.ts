// Reading a message list: its newest message from the customer, and live updates as messages
// arrive. Chat-page text is read as text (innerText), never as HTML.

const MAX_MESSAGE_LENGTH = 4000;
// Class names chat sites commonly give to the user's own messages and to incoming ones.
const OWN_CLASS = /(^|[-_\s])(me|mine|own|self|outgoing|sent|right|agent)([-_\s]|$)/i;
const INCOMING_CLASS = /(^|[-_\s])(customer|incoming|received|left|other|them|visitor)([-_\s]|$)/i;

function classesOf(item: Element): string {
  const names: string[] = [];
  for (let node: Element | null = item; node; node = node.firstElementChild) names.push(node.className.toString());
  return names.join(' ');
}

/**
 * Whether a list item is the user's own message. Class names decide when they say; otherwise
 * geometry: in nearly every chat layout one's own messages sit against the right edge.
 */
export function isOwnMessage(item: Element, list: Element): boolean {
  const classes = classesOf(item);
  if (OWN_CLASS.test(classes)) return true;
  if (INCOMING_CLASS.test(classes)) return false;
  const range = document.createRange();
  range.selectNodeContents(item);
  const text = range.getBoundingClientRect();
  const box = list.getBoundingClientRect();
  if (text.width === 0) return false;
  return box.right - text.right + 8 < text.left - box.left;
}

export function messageText(item: Element): string {
  const text = item instanceof HTMLElement ? item.innerText : item.textContent ?? '';
  return text.trim().slice(0, MAX_MESSAGE_LENGTH);
}

interface FoundMessage {
  item: Element;
  text: string;
}

/** Tells the user's own messages from the customer's; a site adapter may know better than the heuristic. */
export type IsOwnMessage = (item: Element, list: Element) => boolean;

function newestCustomerItem(list: Element, isOwn: IsOwnMessage): FoundMessage | undefined {
  const items = Array.from(list.children);
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const item = items[index]!;
    const text = messageText(item);
    if (text && !isOwn(item, list)) return { item, text };
  }
  return undefined;
}

/** The newest message in the list that the customer wrote, if any. */
export function latestCustomerMessage(list: Element, isOwn: IsOwnMessage = isOwnMessage): string | undefined {
  return newestCustomerItem(list, isOwn)?.text;
}

/** Calls `onMessage` whenever the list's newest customer message changes. Returns a stop function. */
export function watchMessageList(list: Element, isOwn: IsOwnMessage, onMessage: (text: string) => void): () => void {
  let last = newestCustomerItem(list, isOwn);
  // One check per batch of mutations: a new message usually arrives as several DOM changes.
  const observer = new MutationObserver(() => {
    const latest = newestCustomerItem(list, isOwn);
    // A new element counts even with the same text: customers do send "?" twice.
    if (latest && (latest.item !== last?.item || latest.text !== last.text)) onMessage(latest.text);
    last = latest;
  });
  observer.observe(list, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}

/**
 * The element whose children are the messages: chats often wrap them in a single inner
 * element (for virtual scrolling or padding) inside the scrolling box.
 */
export function listRoot(container: Element): Element {
  let root = container;
  while (root.childElementCount === 1 && root.firstElementChild) root = root.firstElementChild;
  return root;
}

/**
 * A guess at the message list when none was picked: the scrolling element with the most
 * text among those with several children. Picking one overrides it.
 */
export function guessMessageList(): Element | undefined {
  let best: Element | undefined;
  let bestLength = 0;
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    if (element.childElementCount === 0 || !(element instanceof HTMLElement) || element.isContentEditable) continue;
    const overflow = getComputedStyle(element).overflowY;
    if (overflow !== 'auto' && overflow !== 'scroll') continue;
    const root = listRoot(element);
    if (root.childElementCount < 2) continue;
    const length = element.innerText.length;
    if (length > bestLength) {
      best = root;
      bestLength = length;
    }
  }
  return best;
}
