// Small DOM helpers for the webviews. Every text goes in through textContent, never as HTML.

export function el(tag: string, className?: string, text?: string, ...children: Node[]): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  node.append(...children);
  return node;
}

/** Fill `{0}`, `{1}`… in a localised template. */
export function format(template: string | undefined, ...values: (string | number)[]): string {
  return (template ?? '').replace(/\{(\d+)\}/g, (_, index: string) => String(values[Number(index)] ?? ''));
}
