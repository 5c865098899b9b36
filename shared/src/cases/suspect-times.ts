// Times a case cannot really have: closed before it was created, or dates no salesperson lived
// through (1970, the clock's zero, or 9999, a placeholder). One such case skews the mean time to
// close by years, so the report leaves it out of time figures and says so, by line.
import type { Case } from './case.ts';

const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
const LATEST = Date.parse('2100-01-01T00:00:00Z');

/** Why a closed case's times are not to be believed, or undefined when they are. */
export function suspectTimes(record: Pick<Case, 'outcome' | 'createdAt' | 'updatedAt' | 'closedAt'>): string | undefined {
  if (record.outcome === 'open') return undefined;
  const closedText = record.closedAt ?? record.updatedAt;
  const created = Date.parse(record.createdAt);
  const closed = Date.parse(closedText);
  if (!Number.isFinite(created) || !Number.isFinite(closed)) return undefined;
  for (const [name, value, text] of [['created', created, record.createdAt], ['closed', closed, closedText]] as const) {
    if (value < EARLIEST || value >= LATEST) return `it was ${name} ${text.slice(0, 10)}, a date outside 2000–2099`;
  }
  if (closed < created) return `it closes (${closedText}) before it starts (${record.createdAt})`;
  return undefined;
}
