// Where a piece of text sits across its list: chat layouts put one side's messages against the
// left edge and the other's against the right, and notices in the middle.

export type Side = 'left' | 'right' | 'centre' | 'wide';

/** The side `text` (a box) leans to inside `list` (its list's box). */
export function sideOf(text: DOMRect, list: DOMRect): Side | undefined {
  if (text.width === 0 || list.width === 0) return undefined;
  const left = text.left - list.left;
  const right = list.right - text.right;
  // A box spanning most of the width says nothing about its side.
  if (text.width > list.width * 0.85) return 'wide';
  if (Math.abs(left - right) <= Math.max(8, list.width * 0.05)) return 'centre';
  return left < right ? 'left' : 'right';
}

/** The box around an element's text (not its padding or a full-width row around it). */
export function textBox(element: Element): DOMRect {
  const range = element.ownerDocument.createRange();
  range.selectNodeContents(element);
  return range.getBoundingClientRect();
}
