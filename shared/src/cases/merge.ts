// Merging case files from several salespeople (or the same file twice). For one id the newest
// copy's fields win and the timelines are united, so nothing recorded anywhere is lost.
// The merge is idempotent, commutative and associative: merging again changes nothing.
// Each tag is on or off as its latest change in the united timeline says (tags no event mentions
// are united), and what was done with each follow-up is kept per (rule, due), the latest action
// winning, so a tag taken off or a follow-up done on one computer is so everywhere.
import { canonicalJson } from '../playbook/hash.ts';
import type { Case, CaseEvent, CaseFollowup } from './case.ts';
import { latestTagChanges, tagsAfterChanges } from './tag-changes.ts';

export function mergeCases(...lists: readonly (readonly Case[])[]): Case[] {
  const byId = new Map<string, Case>();
  for (const list of lists) {
    for (const record of list) {
      const earlier = byId.get(record.id);
      byId.set(record.id, earlier ? combine(earlier, record) : record);
    }
  }
  const merged = [...byId.values()].map(normalCase);
  // Sorted by creation, then id, so the result never depends on the order of the inputs.
  const keyed = merged.map((record) => ({ time: Date.parse(record.createdAt), record }));
  keyed.sort((a, b) => a.time - b.time || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
  return keyed.map(({ record }) => record);
}

function combine(a: Case, b: Case): Case {
  const winner = isNewerCopy(a, b) ? a : b;
  return { ...winner, tags: [...a.tags, ...b.tags], followups: [...a.followups, ...b.followups], timeline: [...a.timeline, ...b.timeline] };
}

/** The record with its lists in their one order, each entry once, as merging leaves it; copied only when something changes. */
export function normalCase(record: Case): Case {
  const timeline = isNormal(record.timeline) ? record.timeline : normalTimeline(record.timeline);
  const tags = normalTags(record.tags, timeline);
  const followups = normalFollowups(record.followups);
  if (timeline === record.timeline && tags === record.tags && followups === record.followups) return record;
  return { ...record, tags, followups, timeline };
}

/** The tags sorted, each once, each changed one as its latest change says; the same array when nothing changes. */
function normalTags(tags: string[], timeline: readonly CaseEvent[]): string[] {
  const latest = latestTagChanges(timeline);
  if (!latest) return isSortedSet(tags) ? tags : [...new Set(tags)].sort(compareText);
  const derived = tagsAfterChanges(tags, latest);
  return derived.length === tags.length && derived.every((tag, index) => tag === tags[index]) ? tags : derived;
}

function isSortedSet(values: readonly string[]): boolean {
  for (let index = 1; index < values.length; index++) if (compareText(values[index - 1]!, values[index]!) >= 0) return false;
  return true;
}

/** One entry per (rule, due): the latest action wins, equal times settled by content. Sorted by due, then rule. */
export function normalFollowups(followups: CaseFollowup[]): CaseFollowup[] {
  if (followups.length === 0) return followups;
  const byKey = new Map<string, CaseFollowup>();
  for (const followup of followups) {
    const key = `${Date.parse(followup.due)} ${followup.rule}`;
    const earlier = byKey.get(key);
    if (!earlier || isLaterAction(followup, earlier)) byKey.set(key, followup);
  }
  const kept = [...byKey.values()].sort((a, b) => Date.parse(a.due) - Date.parse(b.due) || compareText(a.rule, b.rule));
  return kept.length === followups.length && kept.every((followup, index) => followup === followups[index]) ? followups : kept;
}

function isLaterAction(a: CaseFollowup, b: CaseFollowup): boolean {
  const difference = Date.parse(a.at) - Date.parse(b.at);
  if (difference !== 0) return difference > 0;
  return canonicalJson(a) > canonicalJson(b);
}

/** A case's fields, with or without its timeline. */
export type CaseFields = Omit<Case, 'timeline'> & { timeline?: unknown };

/**
 * Whether copy `a` of a case wins over copy `b`: the newest `updatedAt` wins; equal times are
 * settled by content (timeline aside), so the order of the inputs never matters.
 */
export function isNewerCopy(a: CaseFields, b: CaseFields): boolean {
  const difference = Date.parse(a.updatedAt) - Date.parse(b.updatedAt);
  if (difference !== 0) return difference > 0;
  return fieldsKey(a) >= fieldsKey(b);
}

function fieldsKey(record: CaseFields): string {
  const { timeline: _timeline, ...fields } = record;
  return canonicalJson(fields);
}

/** Events in time order, each once. */
function normalTimeline(timeline: readonly CaseEvent[]): CaseEvent[] {
  const sorted = [...timeline].sort(compareEvents);
  return sorted.filter((event, index) => index === 0 || compareEvents(sorted[index - 1]!, event) !== 0);
}

/** Already in order with each event once: the usual case, checked without sorting or copying. */
function isNormal(timeline: readonly CaseEvent[]): boolean {
  for (let index = 1; index < timeline.length; index++) if (compareEvents(timeline[index - 1]!, timeline[index]!) >= 0) return false;
  return true;
}

/** A total order on events: time, then kind, then content, then the time's spelling; 0 only for identical events. */
function compareEvents(a: CaseEvent, b: CaseEvent): number {
  return compareTimes(a.at, b.at) || compareText(a.type, b.type) || compareText(payloadOf(a), payloadOf(b)) || compareText(a.at, b.at);
}

function payloadOf(event: CaseEvent): string {
  switch (event.type) {
    case 'message': return event.intent;
    case 'step': return event.step;
    case 'meeting': return '';
    case 'signal': return event.signal;
    // An adapted and a verbatim insert of one reply at the same moment are two events, not one.
    case 'inserted': return event.adapted ? `${event.reply} adapted ${event.adapted.backend}${event.adapted.hosted ? ' hosted' : ''}` : event.reply;
    case 'suggested': return event.replies.join(',');
    // Two requests for one reply at the same moment differ by what was sent.
    case 'sent': return `${event.reply} ${canonicalJson(event.replaced)} ${event.message}`;
    case 'tag': return `${event.tag} ${event.added ? 'on' : 'off'}`;
  }
}

// Times written by Closer are UTC with milliseconds and compare as text; others are parsed.
function compareTimes(a: string, b: string): number {
  if (a.length === 24 && b.length === 24 && a.charCodeAt(23) === 90 && b.charCodeAt(23) === 90) return compareText(a, b);
  return Date.parse(a) - Date.parse(b);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
