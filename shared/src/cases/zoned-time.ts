// Dates on a wall clock in a time zone, with nothing but Intl: the follow-up plan counts days as
// calendar days in the salesperson's zone, so "the day after the sale" keeps its hour across a
// daylight-saving change. The core runs in browsers, the extension host and Node alike, and all
// of them carry the zone database inside Intl.

/** A date and time as a clock on the wall shows it (month 1–12). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows the zone (an IANA name such as Asia/Shanghai, or UTC). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

// A zone changes its offset at most once a day, and only at a whole quarter hour of UTC (Nepal's
// +5:45 is the finest). So a UTC day whose start and end have one offset has it throughout, and
// only a day with a change is looked at quarter by quarter: Intl is asked a few times per day seen.
const QUARTER_HOUR = 900_000;
const DAY = 86_400_000;
/** Per zone: per UTC day, its one offset, or null for a day with a change. */
const dayOffsets = new Map<string, Map<number, number | null>>();
/** Per zone: per quarter hour of a day with a change, its offset. */
const quarterOffsets = new Map<string, Map<number, number>>();
const REMEMBERED = 100_000;

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
export function zoneOffset(instant: number, timeZone: string): number {
  const day = Math.floor(instant / DAY);
  let days = dayOffsets.get(timeZone);
  if (!days) dayOffsets.set(timeZone, (days = new Map()));
  let known = days.get(day);
  if (known === undefined) {
    const start = offsetFromIntl(day * DAY, timeZone);
    known = start === offsetFromIntl((day + 1) * DAY, timeZone) ? start : null;
    if (days.size >= REMEMBERED) days.clear();
    days.set(day, known);
  }
  if (known !== null) return known;
  const quarter = Math.floor(instant / QUARTER_HOUR) * QUARTER_HOUR;
  let quarters = quarterOffsets.get(timeZone);
  if (!quarters) quarterOffsets.set(timeZone, (quarters = new Map()));
  let offset = quarters.get(quarter);
  if (offset === undefined) {
    offset = offsetFromIntl(quarter, timeZone);
    if (quarters.size >= REMEMBERED) quarters.clear();
    quarters.set(quarter, offset);
  }
  return offset;
}

function offsetFromIntl(instant: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of formatterOf(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  return Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) - instant;
}

/** The wall clock in the zone at `instant`. */
export function wallClockOf(instant: number, timeZone: string): WallClock {
  const shifted = new Date(instant + zoneOffset(instant, timeZone));
  return {
    year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes(), second: shifted.getUTCSeconds(), millisecond: shifted.getUTCMilliseconds(),
  };
}

/**
 * The instant the zone's clock shows `wall` (days past the month's end roll over, as in
 * Date.UTC). Of a time shown twice when clocks go back, the first; a time skipped when they go
 * forward is read with the offset from before the change.
 */
export function instantOf(wall: WallClock, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
  // The offsets a day before and a day after hold on either side of any change near this time.
  const before = asUtc - zoneOffset(asUtc - DAY, timeZone);
  const after = asUtc - zoneOffset(asUtc + DAY, timeZone);
  if (before === after) return before;
  const beforeShows = zoneOffset(before, timeZone) === asUtc - before;
  const afterShows = zoneOffset(after, timeZone) === asUtc - after;
  if (beforeShows && afterShows) return Math.min(before, after);
  if (afterShows) return after;
  return before;
}

/** `instant` moved on by whole calendar days in the zone, at the same time of day on the clock. */
export function addCalendarDays(instant: number, days: number, timeZone: string): number {
  if (days === 0) return instant;
  // With one offset at both ends, the clock moved exactly that many days (the usual case).
  const plain = instant + days * DAY;
  if (zoneOffset(plain, timeZone) === zoneOffset(instant, timeZone)) return plain;
  const wall = wallClockOf(instant, timeZone);
  return instantOf({ ...wall, day: wall.day + days }, timeZone);
}

/** The first instant of the zone's day that holds `instant`, or of a day that many days later. */
export function startOfDay(instant: number, timeZone: string, daysLater = 0): number {
  const wall = wallClockOf(instant, timeZone);
  return instantOf({ year: wall.year, month: wall.month, day: wall.day + daysLater, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}

/** The zone's date of `instant` as YYYY-MM-DD. */
export function dateInZone(instant: number, timeZone: string): string {
  const wall = wallClockOf(instant, timeZone);
  return `${String(wall.year).padStart(4, '0')}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}
