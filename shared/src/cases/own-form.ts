// A case line in the form Closer writes (writeCases: keys in the schema's order, times as
// toISOString writes them, the common event kinds), recognised by one pattern. The pattern accepts
// only what the case schema accepts unchanged, so such a line needs no check after JSON.parse:
// both run natively, where checking each of a file's hundred thousand events in JavaScript cost
// more than parsing them. Any other line is left to the checks (quick-check.ts, then zod).
import { EVENT, ID, IDS, TEXT, TIME, UUID } from './case-line-pattern.ts';

// An amount whose exponent keeps it finite, and a loss reason only on a lost case: so the pattern alone decides.
const AMOUNT = String.raw`(?:0|[1-9]\d{0,15})(?:\.\d+)?(?:[eE][+-]?\d{1,2})?`;

/**
 * The form's pattern with `time` for each time in it: TIME, which accepts only real calendar
 * times, or a looser pattern for a reader that checks the calendar itself (own-form-shape.ts).
 */
export function ownFormWith(time: string): string {
  const event = EVENT.split(TIME).join(time);
  const followup = String.raw`\{"rule":"${ID}","due":"${time}","state":"(?:(?:done|declined|skipped)","at":"${time}|snoozed","at":"${time}","until":"${time})"\}`;
  return (
    String.raw`\{"version":2,"id":"${UUID}","conversation":${TEXT},"salesperson":${TEXT},"customer":${TEXT}(?:,"product":${TEXT})?(?:,"amount":${AMOUNT})?` +
    String.raw`,"outcome":"(?:won"|open"|lost"(?:,"lossReason":"${ID}")?),"notes":${TEXT},"tags":\[${IDS}\](?:,"lifecycle":"(?:intro|growth|mature|dormant|lost)")?(?:,"source":"${ID}")?` +
    String.raw`,"followups":\[(?:${followup}(?:,${followup})*)?\],"timeline":\[(?:${event}(?:,${event})*)?\],"createdAt":"${time}","updatedAt":"${time}"(?:,"closedAt":"${time}")?\}`
  );
}

// The patterns are made on first use: the extension's worker loads this file with the rest of its
// code, and most of its starts read no case file.
let line: RegExp | undefined;
// The same form matched where it starts in a longer text (sticky), so a reader can run it over a
// whole stretch of a file decoded at once instead of making a string of every line.
let sticky: RegExp | undefined;

/** Whether a trimmed line is a case in the form Closer writes, which the case schema accepts as it is. */
export function isInOwnForm(text: string): boolean {
  return (line ??= new RegExp(`^${ownFormWith(TIME)}$`)).test(text);
}

/**
 * Where a case in the form Closer writes that starts at `at` in `text` ends, or -1. The form
 * decides every choice by the next characters, so the one way it can match from `at` is where
 * the line's own match would end: a line from `at` to the answer is a line isInOwnForm takes.
 */
export function ownFormEnd(text: string, at: number): number {
  const pattern = (sticky ??= new RegExp(ownFormWith(TIME), 'y'));
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : -1;
}
