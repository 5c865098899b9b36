// Changes to a case as the salesperson works: each returns a new record with `updatedAt`
// moved on, so a later merge knows which copy is newest.
import type { Case, CaseEvent, CaseFollowup, LifecycleStage, Outcome } from './case.ts';
import { isLaterChange, latestTagChanges, type TagEvent } from './tag-changes.ts';

export interface OutcomeChange {
  outcome: Outcome;
  /** The order's amount, for a won case. */
  amount?: number;
  /** Why it was lost (a reason id), for a lost case. */
  lossReason?: string;
  now?: Date;
}

/** Mark a case won, lost or open again. A loss reason is kept only on a lost case. */
export function setOutcome(record: Case, change: OutcomeChange): Case {
  const time = (change.now ?? new Date()).toISOString();
  const { lossReason: _dropReason, closedAt: _dropClosed, ...rest } = record;
  const next: Case = { ...rest, outcome: change.outcome, updatedAt: laterOf(record.updatedAt, time) };
  if (change.amount !== undefined) next.amount = change.amount;
  if (change.outcome === 'lost') next.lossReason = change.lossReason ?? record.lossReason ?? 'other';
  if (change.outcome !== 'open') next.closedAt = change.outcome === record.outcome && record.closedAt ? record.closedAt : time;
  return next;
}

/** Add an event to the timeline (kept in time order). */
export function addEvent(record: Case, event: CaseEvent): Case {
  const timeline = [...record.timeline, event];
  const last = record.timeline[record.timeline.length - 1];
  if (last && byTime(event, last) < 0) timeline.sort(byTime);
  return { ...record, timeline, updatedAt: laterOf(record.updatedAt, event.at) };
}

/** Replace the case's fields the salesperson edits by hand. */
export function editCase(record: Case, fields: Partial<Pick<Case, 'notes' | 'customer' | 'product' | 'amount' | 'salesperson'>>, now = new Date()): Case {
  return { ...record, ...fields, updatedAt: laterOf(record.updatedAt, now.toISOString()) };
}

/**
 * Put the customer's tags on the case (each once, in the order given), with the lifecycle stage
 * seen as it is saved. Each tag put on or taken off is a `tag` event too, so a merge with an
 * older copy of the case keeps the latest change instead of bringing a removed tag back.
 */
export function setTags(record: Case, tags: readonly string[], lifecycle?: LifecycleStage, now = new Date()): Case {
  const time = now.toISOString();
  const wanted = [...new Set(tags)];
  const before = new Set(record.tags);
  const after = new Set(wanted);
  const latest = latestTagChanges(record.timeline);
  let next: Case = record;
  const change = (tag: string, added: boolean) => {
    next = addEvent(next, laterThan(latest?.get(tag), { type: 'tag', at: time, tag, added }));
  };
  for (const tag of wanted) if (!before.has(tag)) change(tag, true);
  for (const tag of before) if (!after.has(tag)) change(tag, false);
  next = { ...next, tags: wanted, updatedAt: laterOf(next.updatedAt, time) };
  if (lifecycle !== undefined) next.lifecycle = lifecycle;
  return next;
}

/** Record what the salesperson did with a follow-up; it replaces an earlier action on the same (rule, due). */
export function recordFollowup(record: Case, followup: CaseFollowup): Case {
  const due = Date.parse(followup.due);
  const followups = record.followups.filter((earlier) => earlier.rule !== followup.rule || Date.parse(earlier.due) !== due);
  followups.push(followup);
  return { ...record, followups, updatedAt: laterOf(record.updatedAt, followup.at) };
}

/** The change, moved just after the tag's latest change when the clock went back, so it is what a merge keeps. */
function laterThan(latest: TagEvent | undefined, change: TagEvent): TagEvent {
  if (!latest || isLaterChange(change, latest)) return change;
  return { ...change, at: new Date(Date.parse(latest.at) + 1).toISOString() };
}

function byTime(a: CaseEvent, b: CaseEvent): number {
  return Date.parse(a.at) - Date.parse(b.at);
}

// ISO strings in UTC compare as text; a clock that went backwards must not make an edit look older.
function laterOf(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a;
}
