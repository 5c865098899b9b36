// What the revisit plan reads of a case, worked out once per case: its times as numbers, its
// meetings and hot-lead signal, what was done with its follow-ups. The plan looks at a case once
// per rule and again for its customer, so parsing a time once saves tens of thousands of
// Date.parse calls over a team's year of cases; the CLI's reader (followup-cases.ts) makes these
// records straight from a line's text, without the case in between.
import type { Case, CaseFollowup } from './case.ts';
import { closeTimeOf, lastContactOf } from './lifecycle.ts';

/** A follow-up recorded in a case, its times in milliseconds (`until` NaN unless snoozed). */
export interface PlanFollowup {
  rule: string;
  due: number;
  state: CaseFollowup['state'];
  at: number;
  until: number;
}

export interface PlanCase {
  id: string;
  customer: string;
  conversation: string;
  salesperson: string;
  outcome: Case['outcome'];
  lossReason: string | undefined;
  product: string | undefined;
  tags: readonly string[];
  /** When the case was created, as written; only its customer's cases are ever put in order by it. */
  createdAt: string;
  /** When it closed (closeTimeOf); NaN while it is open. */
  closed: number;
  /** The last contact (lastContactOf). */
  lastContact: number;
  /** Its meetings, in the timeline's order. */
  meetings: readonly number[];
  /** Its latest buy-soon signal, -Infinity for none. */
  buySoon: number;
  /** Its follow-ups as recorded, in their order. */
  followups: readonly PlanFollowup[];
  /** Follow-ups declined, each (rule, due) counted once, as its latest action says. */
  declined: number;
}

/** The plan's reading of a case. */
export function planCaseOf(record: Case): PlanCase {
  const meetings: number[] = [];
  let buySoon = -Infinity;
  for (const event of record.timeline) {
    if (event.type === 'meeting') meetings.push(Date.parse(event.at));
    else if (event.type === 'signal' && event.signal === 'buy_soon') buySoon = Math.max(buySoon, Date.parse(event.at));
  }
  let declined = 0;
  for (const followup of standingFollowups(record.followups)) if (followup.state === 'declined') declined++;
  return {
    id: record.id, customer: record.customer, conversation: record.conversation, salesperson: record.salesperson,
    outcome: record.outcome, lossReason: record.lossReason, product: record.product, tags: record.tags,
    createdAt: record.createdAt, closed: record.outcome === 'open' ? NaN : closeTimeOf(record), lastContact: lastContactOf(record),
    meetings, buySoon, followups: record.followups.map(planFollowupOf), declined,
  };
}

export function planFollowupOf(followup: CaseFollowup): PlanFollowup {
  return { rule: followup.rule, due: Date.parse(followup.due), state: followup.state, at: Date.parse(followup.at), until: followup.until === undefined ? NaN : Date.parse(followup.until) };
}

/** What stands for each (rule, due) of a case: its latest action. */
export function standingFollowups(followups: readonly CaseFollowup[]): CaseFollowup[] {
  if (followups.length < 2) return followups as CaseFollowup[];
  const byKey = new Map<string, CaseFollowup>();
  for (const followup of followups) {
    const key = `${followup.rule} ${Date.parse(followup.due)}`;
    const earlier = byKey.get(key);
    if (!earlier || Date.parse(followup.at) >= Date.parse(earlier.at)) byKey.set(key, followup);
  }
  return [...byKey.values()];
}

/**
 * The customer's cases, grouped by the name the cases give (exactly as written), in the order
 * given. A case with no customer name is a customer of its own.
 */
export function customersOf(cases: readonly PlanCase[]): PlanCase[][] {
  const groups = new Map<string, PlanCase[]>();
  for (const record of cases) {
    const key = customerKey(record);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  return [...groups.values()];
}

export function customerKey(record: PlanCase): string {
  return record.customer === '' ? `\u0000${record.id}` : record.customer;
}

/** mergeCases' order: by creation, then id. */
export function byCreation(a: PlanCase, b: PlanCase): number {
  // Times written by Closer are UTC with milliseconds and compare as text; others are parsed.
  const x = a.createdAt;
  const y = b.createdAt;
  const time = x.length === 24 && y.length === 24 && x.charCodeAt(23) === 90 && y.charCodeAt(23) === 90 ? (x < y ? -1 : x > y ? 1 : 0) : Date.parse(x) - Date.parse(y);
  return time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
