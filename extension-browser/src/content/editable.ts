import { isTextField } from './insert/textarea.ts';
import { deepElements } from './reader/deep.ts';

/** The editor an element belongs to: a text field, or the outermost contenteditable around it. */
export function editableRoot(node: Node | null): HTMLElement | undefined {
  // Checked by node type and properties, not instanceof: an iframe's elements have their own classes.
  const element = node?.nodeType === Node.ELEMENT_NODE ? (node as Element) : node?.parentElement;
  if (!element) return undefined;
  if (isTextField(element)) return element.disabled || element.readOnly ? undefined : element;
  if (!('isContentEditable' in element) || !(element as HTMLElement).isContentEditable) return undefined;
  let root = element as HTMLElement;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  return root;
}

function isVisible(element: HTMLElement): boolean {
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
}

/**
 * When the user never typed anywhere: the page's only visible editor, or the last one (chat
 * boxes sit at the bottom), also inside open shadow roots and same-origin iframes.
 */
export function findPageEditor(): HTMLElement | undefined {
  const candidates = deepElements(document).filter((element) => element.matches('textarea, input, [contenteditable]'))
    .map((element) => editableRoot(element))
    .filter((element): element is HTMLElement => element !== undefined && isVisible(element));
  return candidates.at(-1);
}
