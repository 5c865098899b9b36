// Times a case cannot really have: closed before it was created, or dates no salesperson lived
// through (1970, the clock's zero, or 9999, a placeholder). One such case skews the mean time to
// close by years, so the report leaves it out of time figures and says so, by line.
import type { Case } from './case.ts';

const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
const LATEST = Date.parse('2100-01-01T00:00:00Z');

type TimedCase = Pick<Case, 'outcome' | 'createdAt' | 'updatedAt' | 'closedAt'>;

/** A case's start and close (its closedAt, else its updatedAt) in milliseconds, NaN when unreadable. */
export interface CaseTimes {
  created: number;
  closed: number;
}

/** Parsed once per case: the report reads them for the warning and again for its figures, and Date.parse is slow on 100,000 cases. */
export function caseTimes(record: TimedCase): CaseTimes {
  return { created: Date.parse(record.createdAt), closed: Date.parse(record.closedAt ?? record.updatedAt) };
}

/** Whether suspectTimes finds fault with a case of this outcome and these times: what the figures need, without the words. */
export function hasSuspectTimes(outcome: Case['outcome'], times: CaseTimes): boolean {
  if (outcome === 'open') return false;
  const { created, closed } = times;
  if (!Number.isFinite(created) || !Number.isFinite(closed)) return false;
  return created < EARLIEST || created >= LATEST || closed < EARLIEST || closed >= LATEST || closed < created;
}

/** Why a closed case's times are not to be believed, or undefined when they are; `times` are the record's own, if already parsed. */
export function suspectTimes(record: TimedCase, times: CaseTimes = caseTimes(record)): string | undefined {
  if (record.outcome === 'open') return undefined;
  const closedText = record.closedAt ?? record.updatedAt;
  const { created, closed } = times;
  if (!Number.isFinite(created) || !Number.isFinite(closed)) return undefined;
  for (const [name, value, text] of [['created', created, record.createdAt], ['closed', closed, closedText]] as const) {
    if (value < EARLIEST || value >= LATEST) return `it was ${name} ${text.slice(0, 10)}, a date outside 2000–2099`;
  }
  if (closed < created) return `it closes (${closedText}) before it starts (${record.createdAt})`;
  return undefined;
}
