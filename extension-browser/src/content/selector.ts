// A CSS selector that finds the chosen element again on the next visit. Ids and class names
// that look generated (long digit runs, hashes) change between builds of a site, so they are skipped.

const GENERATED = /\d{3,}|[0-9a-f]{6,}|^css-|^sc-|__/i;

function stableClasses(element: Element): string[] {
  return Array.from(element.classList).filter((name) => !GENERATED.test(name)).slice(0, 2);
}

function isUnique(selector: string, element: Element): boolean {
  const found = document.querySelectorAll(selector);
  return found.length === 1 && found[0] === element;
}

export function selectorFor(element: Element): string {
  const parts: string[] = [];
  for (let node: Element | null = element; node && node !== document.documentElement; node = node.parentElement) {
    if (node.id && !GENERATED.test(node.id)) {
      parts.unshift(`#${CSS.escape(node.id)}`);
      const selector = parts.join(' > ');
      if (isUnique(selector, element)) return selector;
      parts[0] = `${node.tagName.toLowerCase()}#${CSS.escape(node.id)}`;
    } else {
      let part = node.tagName.toLowerCase() + stableClasses(node).map((name) => `.${CSS.escape(name)}`).join('');
      const parent = node.parentElement;
      if (parent) {
        const twins = Array.from(parent.children).filter((sibling) => sibling.matches(part));
        if (twins.length > 1) {
          const sameTag = Array.from(parent.children).filter((sibling) => sibling.tagName === node!.tagName);
          part += `:nth-of-type(${sameTag.indexOf(node) + 1})`;
        }
      }
      parts.unshift(part);
    }
    const selector = parts.join(' > ');
    if (isUnique(selector, element)) return selector;
  }
  return parts.join(' > ');
}
