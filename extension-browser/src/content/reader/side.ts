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

/**
 * The box around an element's text, from its text nodes (up to `limit`): a range over the whole
 * element would take in the full-width rows and containers around the words.
 */
export function textBox(element: Element, limit = 20): DOMRect {
  const document = element.ownerDocument;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < limit; node = walker.nextNode()) {
    if (!(node as Text).data.trim()) continue;
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    seen += 1;
    left = Math.min(left, box.left);
    top = Math.min(top, box.top);
    right = Math.max(right, box.right);
    bottom = Math.max(bottom, box.bottom);
  }
  return seen === 0 ? new DOMRect() : new DOMRect(left, top, right - left, bottom - top);
}
