// A customer's lifecycle stage (DOMAIN.md, seed 003: intro → growth → mature → dormant → lost),
// derived from all the cases of that customer: when they first and last were in contact, how
// often they bought, and how long ago the last contact was. A case keeps only a snapshot.
import { LIFECYCLE_STAGES, type LifecycleStage } from './case-format.ts';
import type { Case } from './case.ts';

export { LIFECYCLE_STAGES, type LifecycleStage };

export interface Lifecycle {
  stage: LifecycleStage;
  firstContact?: string;
  lastContact?: string;
  /** Won cases. */
  purchases: number;
  /** Whole days from the last contact to now (0 for a contact in the future, a clock set wrong). */
  daysSinceContact?: number;
}

/**
 * Two months without contact: past a usual repurchase cycle for the consumer trades the playbooks
 * serve, and the point where the method's revisit plan starts waking a customer (its idle rule).
 */
export const DORMANT_AFTER_DAYS = 60;
/** Half a year without contact: the customer has gone; waking them is winning a new customer. */
export const LOST_AFTER_DAYS = 180;
/** A second purchase makes a repeat customer: the relationship has matured beyond the first sale. */
export const MATURE_PURCHASES = 2;

const DAY = 86_400_000;

/** The lifecycle of `customer` (matched exactly, as the cases spell the name) at `now`. */
export function lifecycleOf(cases: readonly Case[], customer: string, now: Date): Lifecycle {
  return lifecycleOfCases(cases.filter((record) => record.customer === customer), now);
}

/** The lifecycle over cases that are all one customer's, for callers that grouped them already. */
export function lifecycleOfCases(cases: readonly Case[], now: Date): Lifecycle {
  if (cases.length === 0) return { stage: 'intro', purchases: 0 };
  let first = Infinity;
  let last = -Infinity;
  let purchases = 0;
  // The latest close decides whether the relationship ended on a loss.
  let lastClose = -Infinity;
  let lastCloseLost = false;
  for (const record of cases) {
    const start = Date.parse(record.createdAt);
    const contact = lastContactOf(record);
    first = Math.min(first, start, firstEventOf(record));
    last = Math.max(last, contact);
    if (record.outcome === 'won') purchases++;
    if (record.outcome !== 'open') {
      const closed = closeTimeOf(record);
      if (closed > lastClose || (closed === lastClose && record.outcome === 'lost')) {
        lastClose = closed;
        lastCloseLost = record.outcome === 'lost';
      }
    }
  }
  const daysSinceContact = Math.max(0, Math.floor((now.getTime() - last) / DAY));
  const lifecycle = { firstContact: new Date(first).toISOString(), lastContact: new Date(last).toISOString(), purchases, daysSinceContact };
  return { stage: stageOf(daysSinceContact, purchases, lastCloseLost && last <= lastClose), ...lifecycle };
}

function stageOf(daysSinceContact: number, purchases: number, endedOnLoss: boolean): LifecycleStage {
  // A lost last case with no contact since ends the relationship, however recent.
  if (endedOnLoss || daysSinceContact >= LOST_AFTER_DAYS) return 'lost';
  if (daysSinceContact >= DORMANT_AFTER_DAYS) return 'dormant';
  if (purchases >= MATURE_PURCHASES) return 'mature';
  return purchases > 0 ? 'growth' : 'intro';
}

/**
 * The last time the salesperson and the customer were in touch in this case: the case's start,
 * its events, its close, and follow-ups done or declined (a message went, an answer came). Not
 * `updatedAt` or a tag event: editing notes or tags later is not contact.
 */
export function lastContactOf(record: Case): number {
  let last = record.createdAt;
  for (const event of record.timeline) if (event.type !== 'suggested' && event.type !== 'tag') last = laterTime(last, event.at);
  if (record.closedAt !== undefined) last = laterTime(last, record.closedAt);
  for (const followup of record.followups) if (followup.state === 'done' || followup.state === 'declined') last = laterTime(last, followup.at);
  return Date.parse(last);
}

/** When a won or lost case closed; a case without `closedAt` (written before it existed) closed at its last event. */
export function closeTimeOf(record: Case): number {
  if (record.closedAt !== undefined) return Date.parse(record.closedAt);
  let last = record.createdAt;
  // Tagging the customer later is not part of the conversation, so it never moves the close.
  for (const event of record.timeline) if (event.type !== 'tag') last = laterTime(last, event.at);
  return Date.parse(last);
}

// Times written by Closer are UTC with milliseconds and compare as text, which spares parsing
// every event of 10,000 cases; others are parsed.
function laterTime(a: string, b: string): string {
  if (a.length === 24 && b.length === 24 && a.charCodeAt(23) === 90 && b.charCodeAt(23) === 90) return b > a ? b : a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

function firstEventOf(record: Case): number {
  let first = Infinity;
  for (const event of record.timeline) if (event.type !== 'tag') first = Math.min(first, Date.parse(event.at));
  return first;
}
