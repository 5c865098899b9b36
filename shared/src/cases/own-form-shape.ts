// own-form.ts's pattern with every time checked for its shape only (its digits and separators),
// for the report's byte scanner, which then checks each time's calendar itself (month, day of
// that month, leap day, hour, minute, second: case-line-bytes.ts). The calendar alternatives were
// two fifths of the pattern's time over 100,000 cases of a dozen times each, where a few
// comparisons of digits the scanner passes anyway cost far less. The form itself is the same:
// keep it in step with own-form.ts; test/unit/report-bytes.test.ts holds the scanner to that
// pattern, near misses included.
import { EVENT, ID, IDS, TEXT, TIME, UUID } from './case-line-pattern.ts';

/** A time as toISOString writes it, any digits: 24 characters. */
const SHAPE = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z`;
const SHAPED_EVENT = EVENT.split(TIME).join(SHAPE);
const FOLLOWUP = String.raw`\{"rule":"${ID}","due":"${SHAPE}","state":"(?:(?:done|declined|skipped)","at":"${SHAPE}|snoozed","at":"${SHAPE}","until":"${SHAPE})"\}`;
const AMOUNT = String.raw`(?:0|[1-9]\d{0,15})(?:\.\d+)?(?:[eE][+-]?\d{1,2})?`;
const FORM =
  String.raw`\{"version":2,"id":"${UUID}","conversation":${TEXT},"salesperson":${TEXT},"customer":${TEXT}(?:,"product":${TEXT})?(?:,"amount":${AMOUNT})?` +
    String.raw`,"outcome":"(?:won"|open"|lost"(?:,"lossReason":"${ID}")?),"notes":${TEXT},"tags":\[${IDS}\](?:,"lifecycle":"(?:intro|growth|mature|dormant|lost)")?(?:,"source":"${ID}")?` +
    String.raw`,"followups":\[(?:${FOLLOWUP}(?:,${FOLLOWUP})*)?\],"timeline":\[(?:${SHAPED_EVENT}(?:,${SHAPED_EVENT})*)?\],"createdAt":"${SHAPE}","updatedAt":"${SHAPE}"(?:,"closedAt":"${SHAPE}")?\}`;
const AT = new RegExp(FORM, 'y');

/**
 * Where a case in the form Closer writes, its times' calendars not checked, that starts at `at`
 * in `text` ends, or -1 (see ownFormEnd).
 */
export function ownFormShapeEnd(text: string, at: number): number {
  AT.lastIndex = at;
  return AT.test(text) ? AT.lastIndex : -1;
}
