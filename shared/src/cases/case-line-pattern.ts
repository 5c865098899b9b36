// The pieces of a case line as Closer writes it (writeCases: keys in the schema's order, times as
// toISOString writes them), as regular-expression source. The fast readers of case files
// (own-form.ts, report-lines.ts) build their patterns from them; each piece accepts only what
// the case schema accepts, so a line a pattern takes is a line the schema takes.
import { ADAPT_BACKENDS, INTENTS } from '../playbook/ids.ts';
import { CASE_SIGNALS } from './case-format.ts';

export const choice = (values: readonly string[]): string => `(?:${values.join('|')})`;

/**
 * A time as toISOString writes it, limited to real calendar dates as zod's pattern is: 24
 * characters. The leap day comes last (zod's pattern tries it first; both alternatives are ten
 * characters, so the order changes no verdict), so most times need no failed attempt at it.
 */
export const TIME = String.raw`(?:\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))|(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29)T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z`;
export const TIME_LENGTH = 24;
export const ID = String.raw`[a-z0-9][a-z0-9_-]*`;
/** A list of ids inside brackets, each quoted. */
export const IDS = String.raw`(?:"${ID}"(?:,"${ID}")*)?`;
/** A JSON string, quotes included. Each alternative starts with a different character, so a line that does not match fails in linear time. */
export const TEXT = String.raw`"(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"`;
export const UUID = String.raw`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`;
/** A JSON number that is not negative. */
export const NUMBER = String.raw`(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?`;
export const BOOLEAN = '(?:true|false)';

/** One event of the kinds most timelines hold (a `sent` event, which carries text, is left to the full readers). */
export const EVENT = String.raw`\{"type":"(?:` + [
  String.raw`message","at":"${TIME}","intent":"${choice(INTENTS)}"`,
  String.raw`step","at":"${TIME}","step":"${ID}"`,
  String.raw`inserted","at":"${TIME}","reply":"${ID}"(?:,"adapted":\{"backend":"${choice(ADAPT_BACKENDS)}","hosted":${BOOLEAN}\})?`,
  String.raw`suggested","at":"${TIME}","replies":\[${IDS}\]`,
  String.raw`meeting","at":"${TIME}"`,
  String.raw`signal","at":"${TIME}","signal":"${choice(CASE_SIGNALS)}"`,
  String.raw`tag","at":"${TIME}","tag":"${ID}","added":${BOOLEAN}`,
].join('|') + String.raw`)\}`;
