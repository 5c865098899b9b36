// A case's tags as its tag events decide them. Each tag put on or taken off is recorded as a
// `tag` event, and when copies of a case meet (an import, a merge of files, a sync conflict) the
// latest change of each tag wins, so a tag the salesperson took off stays off when an older copy
// comes back. Tags no event mentions (cases written before tag events existed) keep the union
// of the copies, as before.
import type { CaseEvent } from './case.ts';

export type TagEvent = Extract<CaseEvent, { type: 'tag' }>;

/**
 * Whether change `a` of a tag is later than `b`: by the instant; at the same instant taking the
 * tag off wins (a deliberate act), so the verdict never depends on the order of the copies.
 */
export function isLaterChange(a: TagEvent, b: TagEvent): boolean {
  const difference = Date.parse(a.at) - Date.parse(b.at);
  if (difference !== 0) return difference > 0;
  return !a.added && b.added;
}

/** The latest change of each tag among `events` (in any order; other kinds are passed over), or undefined when there is none. */
export function latestTagChanges(events: Iterable<CaseEvent>): Map<string, TagEvent> | undefined {
  let latest: Map<string, TagEvent> | undefined;
  for (const event of events) {
    if (event.type !== 'tag') continue;
    latest ??= new Map();
    const earlier = latest.get(event.tag);
    if (!earlier || isLaterChange(event, earlier)) latest.set(event.tag, event);
  }
  return latest;
}

/** `tags` (the union of the copies) with each changed tag on or off as its latest change says: sorted, each once. */
export function tagsAfterChanges(tags: readonly string[], latest: ReadonlyMap<string, TagEvent> | undefined): string[] {
  const kept = new Set(tags);
  if (latest) for (const [tag, change] of latest) change.added ? kept.add(tag) : kept.delete(tag);
  return [...kept].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
