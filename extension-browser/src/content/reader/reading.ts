// One bubble as read, handed to the direction and notice signals.

export interface BubbleReading {
  bubble: Element;
  /** The message list the bubble belongs to, and its box. */
  list: Element;
  listBox: DOMRect;
  text: string;
  /** Where the text sits on screen (empty when it has no layout). */
  textBox: DOMRect;
  /** The bubble, its ancestors below the list, and its descendants down to its first text. */
  path: Element[];
}

export interface ReadingContext {
  /** Texts the salesperson inserted in this page: a bubble showing one is theirs. */
  ownTexts: ReadonlySet<string>;
}

/** Whitespace-insensitive form of a message, for comparing texts the page may re-wrap. */
export function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
