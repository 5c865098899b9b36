// The words an element's class names, id, role, part, theme and data attributes are made of, lowercased:
// "cs-message--outgoing" gives cs, message, outgoing; "msgRight" gives msg, right. Chat
// libraries say what a part is in these names far more often than in tags.

const SPLIT = /[^a-z0-9]+/;

/** Splits a class name or id into lowercased words, appending them to `into`. */
export function splitWords(text: string, into: string[]): void {
  const spaced = text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  for (const word of spaced.split(SPLIT)) if (word) into.push(word);
}

const cache = new WeakMap<Element, readonly string[]>();

/** The element's own words (class, id, role, short data-* values), remembered per element. */
export function wordsOf(element: Element): readonly string[] {
  const known = cache.get(element);
  if (known) return known;
  const words: string[] = [];
  const className = element.getAttribute('class');
  if (className) splitWords(className, words);
  if (element.id) splitWords(element.id, words);
  const role = element.getAttribute('role');
  if (role) words.push(role.toLowerCase());
  // Web components name their inner parts with `part` and their variants with `theme`.
  for (const name of ['part', 'theme']) {
    const value = element.getAttribute(name);
    if (value && value.length <= 60) splitWords(value, words);
  }
  for (const attribute of Array.from(element.attributes)) {
    if (attribute.name.startsWith('data-') && attribute.value.length <= 40) splitWords(`${attribute.name.slice(5)} ${attribute.value}`, words);
  }
  cache.set(element, words);
  return words;
}

/** Whether any of the element's words is in `set`. */
export function hasWord(element: Element, set: ReadonlySet<string>): boolean {
  for (const word of wordsOf(element)) if (set.has(word)) return true;
  return false;
}

/** How many of the element's words are in `set`. */
export function countWords(element: Element, set: ReadonlySet<string>): number {
  let count = 0;
  for (const word of wordsOf(element)) if (set.has(word)) count += 1;
  return count;
}

/** Forgets remembered words (a page may change an element's classes, e.g. on hover). */
export function forgetWords(element: Element): void {
  cache.delete(element);
}
