// What the noise signals may know about the bubble being read, beyond the element itself.

export interface BubbleContext {
  bubble: Element;
  /** Short texts that open several of the list's bubbles: sender names, as libraries print them above each message. */
  leads: ReadonlySet<string>;
  /** The element holding the bubble's first text, when more text follows it (a name or a header line). */
  firstPiece: Element | undefined;
}

/** The element's own text, trimmed, when it is short enough to be a label (a name, a time). */
export function shortText(element: Element, limit = 40): string | undefined {
  const text = (element.textContent ?? '').trim();
  return text.length > 0 && text.length <= limit && !text.includes('\n') ? text : undefined;
}
