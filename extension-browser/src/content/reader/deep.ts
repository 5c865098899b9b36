// Chat widgets often live in an open shadow root (web components) or in a same-origin iframe
// (support widgets); the reader walks into both, so a list or a chat box there is found too.

/** The document or shadow root's elements, and those of open shadow roots and same-origin iframes inside. */
export function deepElements(root: Document | ShadowRoot | Element, into: Element[] = []): Element[] {
  const visit = (element: Element) => {
    into.push(element);
    if (element.shadowRoot) deepElements(element.shadowRoot, into);
    if (element.localName === 'iframe') {
      const inner = frameDocument(element as HTMLIFrameElement);
      if (inner) deepElements(inner, into);
    }
  };
  // By node type: an iframe's document and elements are not instances of this window's classes.
  const owner = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : root.ownerDocument!;
  const walker = owner.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  if (root.nodeType === Node.ELEMENT_NODE) visit(root as Element);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) visit(node as Element);
  return into;
}

/** An iframe's document when it is same-origin (reading another origin's frame throws). */
export function frameDocument(frame: HTMLIFrameElement): Document | undefined {
  try {
    return frame.contentDocument ?? undefined;
  } catch {
    return undefined;
  }
}

/** The element's parent, stepping out of a shadow root to its host. */
export function parentOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.parentNode;
  return root && (root as ShadowRoot).host && root.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? (root as ShadowRoot).host : null;
}

/** The computed style in the element's own window (an iframe's elements have their own). */
export function styleOf(element: Element): CSSStyleDeclaration {
  const view = element.ownerDocument.defaultView ?? window;
  return view.getComputedStyle(element);
}
