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

/**
 * Per zone, a quicker source of its offsets than Intl's formatter, given by a host that has one
 * (shared/node/machine-zone.ts): the formatter's first use starts ICU's locale data, about 13 ms,
 * which is more than a short CLI run's own work. A source must agree with Intl.
 */
const offsetSources = new Map<string, (instant: number) => number>();

/** Reads the zone's offsets from `offsetAt` (milliseconds the clock is ahead of UTC at an instant) instead of Intl. */
export function useOffsetSource(timeZone: string, offsetAt: (instant: number) => number): void {
  offsetSources.set(timeZone, offsetAt);
}

/** Whether Intl knows the zone (an IANA name such as Asia/Shanghai, or UTC). */
export function isTimeZone(timeZone: string): boolean {
  if (offsetSources.has(timeZone)) return true;
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

// A zone changes its offset at most once a day, and only at a whole quarter hour of UTC (Nepal's
// +5:45 is the finest). So a UTC day whose start and end have one offset has it throughout, and
// only a day with a change is looked at quarter by quarter: Intl is asked about a UTC midnight
// once (two days share it), and about a quarter hour only on a day with a change.
const QUARTER_HOUR = 900_000;
const DAY = 86_400_000;
const REMEMBERED = 100_000;

/** What is known of a zone's offsets. */
interface ZoneOffsets {
  /** Per UTC day, its one offset, or null for a day with a change. */
  days: Map<number, number | null>;
  /** Per UTC day, the offset at its start. */
  midnights: Map<number, number>;
  /** Per quarter hour of a day with a change, its offset. */
  quarters: Map<number, number>;
}

const zones = new Map<string, ZoneOffsets>();
// The zone asked about last: a plan asks about one zone tens of thousands of times.
let lastZoneName = '';
let lastZone: ZoneOffsets | undefined;

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
export function zoneOffset(instant: number, timeZone: string): number {
  const day = Math.floor(instant / DAY);
  let zone = timeZone === lastZoneName ? lastZone : zones.get(timeZone);
  if (!zone) zones.set(timeZone, (zone = { days: new Map(), midnights: new Map(), quarters: new Map() }));
  lastZoneName = timeZone;
  lastZone = zone;
  let known = zone.days.get(day);
  if (known === undefined) {
    const start = midnightOffset(zone, day, timeZone);
    known = start === midnightOffset(zone, day + 1, timeZone) ? start : null;
    remember(zone.days, day, known);
  }
  if (known !== null) return known;
  const quarter = Math.floor(instant / QUARTER_HOUR) * QUARTER_HOUR;
  let offset = zone.quarters.get(quarter);
  if (offset === undefined) remember(zone.quarters, quarter, (offset = offsetFromIntl(quarter, timeZone)));
  return offset;
}

function midnightOffset(zone: ZoneOffsets, day: number, timeZone: string): number {
  let offset = zone.midnights.get(day);
  if (offset === undefined) remember(zone.midnights, day, (offset = offsetFromIntl(day * DAY, timeZone)));
  return offset;
}

function remember<T>(known: Map<number, T>, key: number, value: T): void {
  if (known.size >= REMEMBERED) known.clear();
  known.set(key, value);
}

// The formatter's text as en-US writes it with these options, e.g. "11/3/2026 AD, 09:00:00":
// reading it is several times quicker than formatToParts, which stays for any other spelling.
const FORMATTED = /^(\d+)\/(\d+)\/(\d+) (AD|BC), (\d+):(\d+):(\d+)$/;

function offsetFromIntl(instant: number, timeZone: string): number {
  const source = offsetSources.get(timeZone);
  if (source !== undefined) return source(instant);
  const formatter = formatterOf(timeZone);
  const match = FORMATTED.exec(formatter.format(instant));
  if (match !== null) {
    const year = match[4] === 'BC' ? 1 - Number(match[3]) : Number(match[3]);
    return utcTime(year, Number(match[1]) - 1, Number(match[2]), Number(match[5]), Number(match[6]), Number(match[7])) - instant;
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  return utcTime(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) - instant;
}

/**
 * Date.UTC, with every year taken as written: Date.UTC reads the years 0 to 99 as 1900 to 1999.
 * Months and days past their end roll over, as in Date.UTC.
 */
export function utcTime(year: number, month: number, day: number, hour: number, minute: number, second: number, millisecond = 0): number {
  if (year < 0 || year >= 100) return Date.UTC(year, month, day, hour, minute, second, millisecond);
  const time = new Date(0);
  time.setUTCFullYear(year, month, day);
  return time.setUTCHours(hour, minute, second, millisecond);
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
 * utcTime). Of a time shown twice when clocks go back, the first; a time skipped when they go
 * forward is read with the offset from before the change.
 */
export function instantOf(wall: WallClock, timeZone: string): number {
  const asUtc = utcTime(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
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

const FIRST_ISO_YEAR = Date.parse('0000-01-01T00:00:00.000Z');
const PAST_ISO_YEARS = Date.parse('+010000-01-01T00:00:00.000Z');
const dates = new Map<number, string>();

/** The zone's date of `instant` as YYYY-MM-DD. */
export function dateInZone(instant: number, timeZone: string): string {
  const shifted = instant + zoneOffset(instant, timeZone);
  // toISOString writes the same text, and quicker, for the years it writes in four digits.
  if (shifted >= FIRST_ISO_YEAR && shifted < PAST_ISO_YEARS) {
    // A plan writes thousands of dates of a few hundred days: each day's text is made once.
    const day = Math.floor(shifted / DAY);
    let text = dates.get(day);
    if (text === undefined) remember(dates, day, (text = new Date(shifted).toISOString().slice(0, 10)));
    return text;
  }
  const wall = wallClockOf(instant, timeZone);
  return `${String(wall.year).padStart(4, '0')}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}
