import { wordsOf } from './words.ts';

// The bubbles of a message list: its children, except that a child grouping several messages
// (by sender, by day) is opened up into its messages. Read newest first, lazily, so that the
// newest customer message of a 5,000-message list costs a few bubbles, not the whole list.

const GROUP_WORDS = new Set(['group', 'grouped', 'groups', 'section', 'day', 'cluster', 'batch', 'stack']);
const MESSAGE_WORDS = new Set(['message', 'msg', 'bubble', 'chat', 'item', 'row', 'entry', 'line']);
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'link', 'meta', 'noscript', 'br', 'hr']);

/** Down through wrappers with one child, to the element that holds the group's messages. */
function unwrap(element: Element): Element {
  let inner = element;
  for (let depth = 0; depth < 3 && inner.childElementCount === 1; depth += 1) inner = inner.firstElementChild!;
  return inner;
}

function classKey(element: Element): string {
  return `${element.localName}.${element.getAttribute('class') ?? ''}`;
}

/**
 * The messages inside `item` when it groups several, else undefined. A group says so in its
 * class names, or holds several children of one class that are themselves named as messages
 * (a bubble's own parts — name, text, time — are each of a different class).
 */
export function groupMembers(item: Element): Element[] | undefined {
  const words = wordsOf(item);
  for (const holder of new Set([item, unwrap(item)])) {
    if (holder.childElementCount < 2) continue;
    const children = Array.from(holder.children).filter((child) => !SKIPPED_TAGS.has(child.localName));
    const byClass = new Map<string, number>();
    for (const child of children) {
      if (!wordsOf(child).some((word) => MESSAGE_WORDS.has(word))) continue;
      const key = classKey(child);
      byClass.set(key, (byClass.get(key) ?? 0) + 1);
    }
    const repeated = Math.max(0, ...byClass.values());
    const saysGroup = words.some((word) => GROUP_WORDS.has(word));
    if (repeated >= 2 || (saysGroup && children.length >= 2)) {
      // Inside a group, members of the repeated class are messages; a group heading (a name, a
      // date) is another class and is read as a notice.
      return children;
    }
  }
  return undefined;
}

/** The list's bubbles, newest first (groups opened up, at most two levels). */
export function* bubblesNewestFirst(list: Element): Generator<Element> {
  const children = list.children;
  for (let index = children.length - 1; index >= 0; index -= 1) {
    const child = children[index]!;
    if (SKIPPED_TAGS.has(child.localName)) continue;
    const members = groupMembers(child);
    if (!members) {
      yield child;
      continue;
    }
    for (let inner = members.length - 1; inner >= 0; inner -= 1) {
      const member = members[inner]!;
      const nested = groupMembers(member);
      if (nested) for (let deepest = nested.length - 1; deepest >= 0; deepest -= 1) yield nested[deepest]!;
      else yield member;
    }
  }
}
