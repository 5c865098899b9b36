// A case line in the form Closer writes (writeCases: keys in the schema's order, times as
// toISOString writes them, the common event kinds), recognised by one pattern. The pattern accepts
// only what the case schema accepts unchanged, so such a line needs no check after JSON.parse:
// both run natively, where checking each of a file's hundred thousand events in JavaScript cost
// more than parsing them. Any other line is left to the checks (quick-check.ts, then zod).
import { EVENT, ID, IDS, TEXT, TIME, UUID } from './case-line-pattern.ts';

const FOLLOWUP = String.raw`\{"rule":"${ID}","due":"${TIME}","state":"(?:(?:done|declined|skipped)","at":"${TIME}|snoozed","at":"${TIME}","until":"${TIME})"\}`;
// An amount whose exponent keeps it finite, and a loss reason only on a lost case: so the pattern alone decides.
const AMOUNT = String.raw`(?:0|[1-9]\d{0,15})(?:\.\d+)?(?:[eE][+-]?\d{1,2})?`;
const LINE = new RegExp(
  String.raw`^\{"version":2,"id":"${UUID}","conversation":${TEXT},"salesperson":${TEXT},"customer":${TEXT}(?:,"product":${TEXT})?(?:,"amount":${AMOUNT})?` +
    String.raw`,"outcome":"(?:won"|open"|lost"(?:,"lossReason":"${ID}")?),"notes":${TEXT},"tags":\[${IDS}\](?:,"lifecycle":"(?:intro|growth|mature|dormant|lost)")?(?:,"source":"${ID}")?` +
    String.raw`,"followups":\[(?:${FOLLOWUP}(?:,${FOLLOWUP})*)?\],"timeline":\[(?:${EVENT}(?:,${EVENT})*)?\],"createdAt":"${TIME}","updatedAt":"${TIME}"(?:,"closedAt":"${TIME}")?\}$`,
);

/** Whether a trimmed line is a case in the form Closer writes, which the case schema accepts as it is. */
export function isInOwnForm(line: string): boolean {
  return LINE.test(line);
}
