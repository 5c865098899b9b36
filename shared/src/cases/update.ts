// Changes to a case as the salesperson works: each returns a new record with `updatedAt`
// moved on, so a later merge knows which copy is newest.
import type { Case, CaseEvent, CaseFollowup, LifecycleStage, Outcome } from './case.ts';

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

/** Put the customer's tags on the case (each once, in the order given), with the lifecycle stage seen as it is saved. */
export function setTags(record: Case, tags: readonly string[], lifecycle?: LifecycleStage, now = new Date()): Case {
  const next: Case = { ...record, tags: [...new Set(tags)], updatedAt: laterOf(record.updatedAt, now.toISOString()) };
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

function byTime(a: CaseEvent, b: CaseEvent): number {
  return Date.parse(a.at) - Date.parse(b.at);
}

// ISO strings in UTC compare as text; a clock that went backwards must not make an edit look older.
function laterOf(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a;
}
