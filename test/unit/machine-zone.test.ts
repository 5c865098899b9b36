// The machine's Date as a source of a zone's offsets (shared/node/machine-zone.ts): it must agree
// with Intl's reading to the minute, across daylight-saving changes, half-hour and 45-minute
// zones, a zone that skipped a day and local mean time before 1900; a zone Intl does not list by
// that name is left to Intl. (followups-cli.test.ts checks the binary, which takes this path,
// against runCli, which does not.)
import { afterEach, describe, expect, it } from 'vitest';
import { useMachineZone } from '../../shared/node/machine-zone.ts';
import { zoneOffset } from '../../shared/src/cases/zoned-time.ts';

// Nepal's zone under the name this ICU lists (Asia/Kathmandu is an alias in some versions).
const NEPAL = Intl.supportedValuesOf('timeZone').includes('Asia/Kathmandu') ? 'Asia/Kathmandu' : 'Asia/Katmandu';
const ZONES = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', NEPAL, 'America/Santiago', 'Pacific/Apia', 'Asia/Shanghai', 'UTC', 'Africa/Casablanca'];
const HOUR = 3_600_000;

/** Intl's offset of the zone at an instant, in minutes, read from formatToParts (independent of the code under test). */
function intlOffset(instant: number, formatter: Intl.DateTimeFormat): number {
  const parts = formatter.formatToParts(instant);
  const field = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  const bc = parts.find((part) => part.type === 'era')!.value.startsWith('B');
  const year = bc ? 1 - field('year') : field('year');
  const wall = new Date(Date.UTC(2000, 0, 1, field('hour'), field('minute'), field('second'))).setUTCFullYear(year, field('month') - 1, field('day'));
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

const savedZone = process.env.TZ;
afterEach(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

describe('the machine zone', () => {
  it('agrees with Intl every five hours from 2024 to 2027, in 1900 and 1960, and in the years 50 and 100 BC, in zones with odd rules', () => {
    const instants: number[] = [];
    for (let at = Date.UTC(2024, 0, 1); at < Date.UTC(2028, 0, 1); at += 5 * HOUR) instants.push(at);
    for (const year of [1900, 1960]) for (let at = Date.UTC(year, 0, 1); at < Date.UTC(year + 1, 0, 1); at += 29 * HOUR) instants.push(at);
    // The years 0 to 99, which Date.UTC would read as 1900 to 1999, and one before the common era.
    for (const year of [50, -100]) instants.push(new Date(0).setUTCFullYear(year, 5, 1), new Date(0).setUTCFullYear(year, 11, 31));
    for (const zone of ZONES) {
      const formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
      const expected = instants.map((at) => intlOffset(at, formatter));
      expect(useMachineZone(zone), zone).toBe(true);
      const disagreements = instants.filter((at, index) => Math.round(zoneOffset(at, zone) / 60_000) !== expected[index]);
      expect(disagreements.map((at) => `${zone} ${new Date(at).toISOString()}`)).toEqual([]);
    }
  });

  it('leaves a zone Intl does not list by that name to Intl, and changes nothing', () => {
    const before = process.env.TZ;
    expect(useMachineZone('Mars/Olympus')).toBe(false);
    expect(useMachineZone('asia/shanghai')).toBe(false);
    expect(process.env.TZ).toBe(before);
  });
});
