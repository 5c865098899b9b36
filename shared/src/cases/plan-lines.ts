// Reading case files for the revisit plan (`closer followups`) without JSON.parse of every line.
// Parsing 10,000 cases builds a hundred thousand event objects the plan never looks at, and that
// alone took longer than the command's goal. A line in the form Closer writes (writeCases: keys in
// the schema's order, times in UTC with milliseconds, the common event kinds) is checked by one
// pattern that accepts only what the case schema accepts, and read from its pieces. The timeline
// keeps only what the plan and merging read: meetings, signals, tag changes, and the latest events
// (the last contact).
// Any other line goes to the full reader, which decides and explains, so the verdicts and the
// problems are those of readCases; a test holds the plan over both readers to the same answer.
import type { Case, CaseEvent, CaseFollowup } from './case.ts';
import { EVENT, ID, IDS, NUMBER, TEXT, TIME, UUID } from './case-line-pattern.ts';
import { caseLineProblems, DRILL_LINE, readCaseLine, type CaseProblem, type ReadCases, type ReadOptions } from './jsonl.ts';
import { LOSS_REASONS } from './case.ts';

const FOLLOWUP = String.raw`\{"rule":"${ID}","due":"${TIME}","state":"(?:(?:done|declined|skipped)","at":"${TIME}|snoozed","at":"${TIME}","until":"${TIME})"\}`;
const LINE = new RegExp(
  String.raw`\{"version":2,"id":"(${UUID})","conversation":(${TEXT}),"salesperson":(${TEXT}),"customer":(${TEXT})(?:,"product":(${TEXT}))?(?:,"amount":(${NUMBER}))?` +
    String.raw`,"outcome":"(won|lost|open)"(?:,"lossReason":"(${ID})")?,"notes":(${TEXT}),"tags":\[(${IDS})\](?:,"lifecycle":"(intro|growth|mature|dormant|lost)")?(?:,"source":"(${ID})")?` +
    String.raw`,"followups":\[((?:${FOLLOWUP}(?:,${FOLLOWUP})*)?)\],"timeline":\[((?:${EVENT}(?:,${EVENT})*)?)\],"createdAt":"(${TIME})","updatedAt":"(${TIME})"(?:,"closedAt":"(${TIME})")?\}\r?(?=\n|$)`,
  'y',
);

/**
 * The cases of a JSON Lines text as the revisit plan needs them: every field, and of the
 * timeline the meetings, the signals and the latest events. Problems and verdicts are those of
 * readCases. Not for anything else: the events left out are gone.
 */
export function readCasesForPlan(text: string, file: string, options: ReadOptions = {}): ReadCases {
  const reasons = new Set(options.reasons ?? LOSS_REASONS);
  const cases: Case[] = [];
  const problems: CaseProblem[] = [];
  let drillResults = 0;
  let lineNumber = 0;
  for (let start = text.charCodeAt(0) === 0xfeff ? 1 : 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNumber++;
    LINE.lastIndex = start;
    const match = LINE.exec(text);
    let record = match ? planCase(match, text, start) : undefined;
    if (record === undefined) {
      const line = text.slice(start, end).trim();
      const result = line === '' ? undefined : readCaseLine(line);
      if (typeof result === 'string') problems.push({ file, line: lineNumber, severity: 'error', message: result });
      else if (result === DRILL_LINE) drillResults++;
      else record = result;
    }
    if (record) {
      problems.push(...caseLineProblems(record, file, lineNumber, reasons));
      cases.push(record);
    }
    start = end + 1;
  }
  return { cases, problems, drillResults };
}

/** The case of a line the pattern matched, or undefined for the few rules a pattern cannot say. */
function planCase(match: RegExpExecArray, line: string, start: number): Case | undefined {
  const [, id, conversation, salesperson, customer, product, amount, outcome, lossReason, notes, tags, lifecycle, source, followups, timeline, createdAt, updatedAt, closedAt] = match;
  if (lossReason !== undefined && outcome !== 'lost') return undefined;
  if (amount !== undefined && !Number.isFinite(Number(amount))) return undefined;
  const record: Record<string, unknown> = { version: 2, id, conversation: text(conversation!), salesperson: text(salesperson!), customer: text(customer!) };
  if (product !== undefined) record.product = text(product);
  if (amount !== undefined) record.amount = Number(amount);
  record.outcome = outcome;
  if (lossReason !== undefined) record.lossReason = lossReason;
  record.notes = text(notes!);
  record.tags = tags === '' ? [] : tags!.slice(1, -1).split('","');
  if (lifecycle !== undefined) record.lifecycle = lifecycle;
  if (source !== undefined) record.source = source;
  record.followups = followups === '' ? [] : (JSON.parse(`[${followups}]`) as CaseFollowup[]);
  // The timeline is scanned where it stands in the file's text: a flat string scans fastest.
  const timelineStart = line.indexOf('"timeline":[', start) + 12;
  record.timeline = planEvents(line, timeline!, timelineStart);
  record.createdAt = createdAt;
  record.updatedAt = updatedAt;
  if (closedAt !== undefined) record.closedAt = closedAt;
  return record as Case;
}

/** A JSON string's value: most have no escapes, and are read as they stand. */
function text(quoted: string): string {
  return quoted.includes('\\') ? (JSON.parse(quoted) as string) : quoted.slice(1, -1);
}

/**
 * Of a matched timeline, the events the plan reads: meetings and signals start rules, tag changes
 * decide a merged case's tags (and so its rung of the ladder), the latest
 * event other than a suggestion is the last contact, and the latest of all is when a case
 * without `closedAt` closed. The kept events are the line's own, so merging this case with a
 * full copy of it unites them as it would the whole timelines.
 */
function planEvents(text: string, timeline: string, from: number): CaseEvent[] {
  if (timeline === '') return [];
  const to = from + timeline.length;
  const kept: number[] = [];
  // Searched in the timeline alone: in the whole text, a timeline without meetings would send
  // the search to the end of the file.
  for (const kind of ['{"type":"meeting"', '{"type":"signal"', '{"type":"tag"']) {
    for (let at = timeline.indexOf(kind); at !== -1; at = timeline.indexOf(kind, at + 1)) kept.push(from + at);
  }
  // Every event of the pattern has one "at"; its time is read as a number where it stands, so
  // the hundred thousand times of a file make no strings.
  let latest = -1;
  let latestTime = -1;
  let latestContact = -1;
  let latestContactTime = -1;
  for (let at = text.indexOf('"at":"', from); at !== -1 && at < to; at = text.indexOf('"at":"', at + 30)) {
    const time = timeKey(text, at + 6);
    // As lifecycle.ts counts: a tag change is neither contact nor a close, a suggestion is no contact.
    if (time > latestTime && !isKind(text, at, TAG)) {
      latest = at;
      latestTime = time;
    }
    if (time > latestContactTime && !isKind(text, at, SUGGESTED) && !isKind(text, at, TAG)) {
      latestContact = at;
      latestContactTime = time;
    }
  }
  for (const at of [latest, latestContact]) {
    const start = at === -1 ? -1 : text.lastIndexOf('{"type":"', at);
    if (start !== -1 && !kept.includes(start)) kept.push(start);
  }
  return kept.sort((a, b) => a - b).map((start) => {
    // An event ends where the next begins (an adapted insert holds an object of its own), or with the timeline.
    const next = text.indexOf(',{"type":"', start);
    return JSON.parse(text.slice(start, next === -1 || next > to ? to : next)) as CaseEvent;
  });
}

const TAG = '"tag",';
const SUGGESTED = '"suggested",';

/** Whether the event whose "at" key is at `at` is of that kind (given as its quoted value and the comma). */
function isKind(text: string, at: number, kind: string): boolean {
  return text.startsWith(kind, at - kind.length);
}

/** A number that orders the times of the pattern's form (YYYY-MM-DDTHH:MM:SS.sssZ) at `at` as time does. */
function timeKey(text: string, at: number): number {
  const day = digits(text, at, 4) * 416 + digits(text, at + 5, 2) * 32 + digits(text, at + 8, 2);
  const second = digits(text, at + 11, 2) * 3600 + digits(text, at + 14, 2) * 60 + digits(text, at + 17, 2);
  return (day * 86_400 + second) * 1000 + digits(text, at + 20, 3);
}

function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let index = at; index < at + count; index++) value = value * 10 + text.charCodeAt(index) - 48;
  return value;
}
