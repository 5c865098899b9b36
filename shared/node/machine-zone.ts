// A zone's offsets from the machine's own Date, for a CLI run: with TZ set, Date's local fields
// are the zone's wall clock, read from the same zone database as Intl's, without starting ICU's
// locale data (about 13 ms, a tenth of `closer followups`). Only a zone Intl lists by that very
// name is set, so a misspelt or aliased one keeps Intl's reading and its error.
import { useOffsetSource, utcTime } from '../src/cases/zoned-time.ts';

/**
 * Makes this process's Date read `timeZone` and the core's zone arithmetic use it; false (nothing
 * changed) for a zone Intl does not list by that name. Nothing else in the process may rely on
 * the machine's own zone afterwards.
 */
export function useMachineZone(timeZone: string): boolean {
  if (timeZone !== 'UTC' && !Intl.supportedValuesOf('timeZone').includes(timeZone)) return false;
  process.env.TZ = timeZone;
  useOffsetSource(timeZone, localOffset);
  return true;
}

/** How far the process's local clock is ahead of UTC at `instant`, to the millisecond. */
function localOffset(instant: number): number {
  const local = new Date(instant);
  return utcTime(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds(), local.getMilliseconds()) - instant;
}
