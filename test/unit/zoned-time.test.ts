import { describe, expect, it } from 'vitest';
import { addCalendarDays, dateInZone, instantOf, startOfDay, zoneOffset } from '../../shared/src/cases/zoned-time.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from Intl's parts: the slow way, which zoned-time.ts keeps for a formatter's text it does not know. */
function offsetFromParts(instant: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) formatters.set(timeZone, (formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short' })));
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  // Field by field: Date.UTC would read the years 0 to 99 as 1900 to 1999.
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  return wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second)) - instant;
}

const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'Africa/Casablanca', 'America/St_Johns', 'UTC', 'Etc/GMT+12'];

describe('zone offsets', () => {
  it('are those of Intl in every zone, on and around the days clocks change, and in years long gone', () => {
    const instants: number[] = [];
    // Every 7 hours 15 minutes through 2026, which crosses each change of these zones that year.
    for (let instant = Date.parse('2026-01-01T00:00:00Z'); instant < Date.parse('2027-01-01T00:00:00Z'); instant += 7 * 3_600_000 + 900_000) instants.push(instant);
    instants.push(Date.parse('1900-06-01T12:34:56Z'), Date.parse('0001-01-01T00:00:00Z'), Date.parse('0050-06-01T12:00:00Z'), Date.parse('0099-12-31T23:00:00Z'), Date.parse('9999-12-31T23:59:59Z'));
    for (const timeZone of ZONES) {
      for (const instant of instants) expect(zoneOffset(instant, timeZone), `${timeZone} ${new Date(instant).toISOString()}`).toBe(offsetFromParts(instant, timeZone));
    }
  });

  it('move calendar days at the same hour across a change, and name the zone\'s date', () => {
    // New York went from EDT (−4) to EST (−5) on 2026-11-01.
    expect(new Date(addCalendarDays(Date.parse('2026-10-31T13:00:00Z'), 1, 'America/New_York')).toISOString()).toBe('2026-11-01T14:00:00.000Z');
    expect(dateInZone(Date.parse('2026-10-31T23:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-01');
    expect(dateInZone(Date.parse('9999-12-31T23:30:00Z'), 'Asia/Shanghai')).toBe('10000-01-01');
  });

  it('take the years 0 to 99 as written, not as 1900 to 1999', () => {
    expect(instantOf({ year: 50, month: 6, day: 1, hour: 12, minute: 0, second: 0, millisecond: 0 }, 'UTC')).toBe(Date.parse('0050-06-01T12:00:00Z'));
    // Leap day of the year 4, and a day rolled over past February's end in the year 0.
    expect(new Date(instantOf({ year: 4, month: 2, day: 29, hour: 0, minute: 0, second: 0, millisecond: 0 }, 'UTC')).toISOString()).toBe('0004-02-29T00:00:00.000Z');
    expect(new Date(instantOf({ year: 0, month: 2, day: 30, hour: 0, minute: 0, second: 0, millisecond: 0 }, 'UTC')).toISOString()).toBe('0000-03-01T00:00:00.000Z');
    expect(new Date(startOfDay(Date.parse('0050-06-01T12:00:00Z'), 'Asia/Shanghai', 1)).toISOString()).toBe('0050-06-01T15:54:17.000Z');
  });
});
