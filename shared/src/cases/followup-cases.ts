// Reading case files for the revisit plan (closer followups), fast. Of a case's timeline the plan
// needs only its meetings, signals and tag changes, and when the case was last in contact and
// closed. A line in the form Closer writes (own-form.ts) is read by one pattern that also picks
// its fields out, with no JSON.parse of the whole line, and its timeline keeps only those events;
// any other line is read in full as jsonl.ts reads it, the case schema (zod) loaded only when a
// line needs it. A file is read as its bytes, one character a byte: the pattern needs no decoding,
// and only a field with more than ASCII in it is decoded as the UTF-8 it is.
import type { Case, CaseEvent } from './case.ts';
import { caseLineProblems, DRILL_LINE, judgeCaseLine, reasonSet, SchemaQuestion, type CaseProblem, type ReadOptions } from './case-line.ts';
import { EVENT, ID, IDS, TEXT, TIME, UUID } from './case-line-pattern.ts';
import { mergeCases } from './merge.ts';

/** Decodes a part of a file's text read one character a byte (latin1) as the UTF-8 it is. */
export type Utf8Decoder = (part: string) => string;

// own-form.ts's pattern with its fields captured, matched where a line starts (sticky) rather
// than on the line alone; test/unit/followup-cases.test.ts holds the two readers to the same verdicts.
const FOLLOWUP = String.raw`\{"rule":"${ID}","due":"${TIME}","state":"(?:(?:done|declined|skipped)","at":"${TIME}|snoozed","at":"${TIME}","until":"${TIME})"\}`;
const AMOUNT = String.raw`(?:0|[1-9]\d{0,15})(?:\.\d+)?(?:[eE][+-]?\d{1,2})?`;
const LINE = new RegExp(
  String.raw`\{"version":2,"id":"(${UUID})","conversation":(${TEXT}),"salesperson":(${TEXT}),"customer":(${TEXT})(?:,"product":(${TEXT}))?(?:,"amount":(${AMOUNT}))?` +
    String.raw`,"outcome":"(?:(won|open)"|(lost)"(?:,"lossReason":"(${ID})")?),"notes":(${TEXT}),"tags":\[(${IDS})\](?:,"lifecycle":"(intro|growth|mature|dormant|lost)")?(?:,"source":"(${ID})")?` +
    String.raw`,"followups":\[((?:${FOLLOWUP}(?:,${FOLLOWUP})*)?)\],"timeline":\[((?:${EVENT}(?:,${EVENT})*)?)\],"createdAt":"(${TIME})","updatedAt":"(${TIME})"(?:,"closedAt":"(${TIME})")?\}`,
  'y',
);

/** A line only the case schema can judge, waiting where its problems go. */
interface SchemaLine {
  file: string;
  line: number;
  question: SchemaQuestion;
}

/**
 * Reads case files one after another, then gives their cases merged (the same case in several
 * files counts once) and the problems in the order met: files that cannot be read, bad lines.
 * The cases' timelines hold only what the plan counts from (see above): they are for
 * dueFollowups, not to be written back.
 */
export class FollowupCaseReader {
  private readonly reasons: ReadonlySet<string>;
  private readonly cases: Case[] = [];
  /** For each case whose timeline was cut, how to read it in full: merging copies of one case needs all of each. */
  private readonly wholeOf: ((() => Case) | undefined)[] = [];
  private readonly problems: (CaseProblem | SchemaLine)[] = [];
  private schemaLines = 0;

  constructor(options: ReadOptions = {}) {
    this.reasons = reasonSet(options);
  }

  addProblem(problem: CaseProblem): void {
    this.problems.push(problem);
  }

  /** A file's text, read one character a byte (a byte order mark taken off), and how to decode its parts. */
  addFile(text: string, utf8: Utf8Decoder, file: string): void {
    let lineNumber = 0;
    for (let start = 0; start <= text.length; ) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      lineNumber++;
      this.addLine(text, start, end, utf8, file, lineNumber);
      start = end + 1;
    }
  }

  private addLine(text: string, start: number, end: number, utf8: Utf8Decoder, file: string, lineNumber: number): void {
    let first = start;
    let last = end;
    while (first < last && isAsciiSpace(text.charCodeAt(first))) first++;
    while (last > first && isAsciiSpace(text.charCodeAt(last - 1))) last--;
    LINE.lastIndex = first;
    const match = text.charCodeAt(first) === 0x7b ? LINE.exec(text) : null;
    if (match !== null && LINE.lastIndex === last) {
      const record = caseOfMatch(match, utf8);
      this.problems.push(...caseLineProblems(record, file, lineNumber, this.reasons));
      this.cases.push(record);
      this.wholeOf.push(() => JSON.parse(utf8(text.slice(first, last))) as Case);
      return;
    }
    // Trimmed as decoded, as jsonl.ts does: a line may end in a space that is not ASCII.
    const line = utf8(text.slice(start, end)).trim();
    if (line === '') return;
    const judged = judgeCaseLine(line);
    if (judged === DRILL_LINE) return;
    if (typeof judged === 'string') {
      this.problems.push({ file, line: lineNumber, severity: 'error', message: judged });
    } else if (judged instanceof SchemaQuestion) {
      this.problems.push({ file, line: lineNumber, question: judged });
      this.schemaLines++;
    } else {
      this.addCase(judged, file, lineNumber);
    }
  }

  private addCase(record: Case, file: string, lineNumber: number): void {
    this.problems.push(...caseLineProblems(record, file, lineNumber, this.reasons));
    this.cases.push(record);
    this.wholeOf.push(undefined);
  }

  /** Whether some line waits for the case schema's verdict (settle). */
  get asksSchema(): boolean {
    return this.schemaLines > 0;
  }

  /** Decides the lines that wait for the case schema with its verdict (case-schema-verdict.ts), their problems kept in place. */
  settle(verdict: (data: object) => Case | string): void {
    const settled: (CaseProblem | SchemaLine)[] = [];
    for (const entry of this.problems) {
      if (!('question' in entry)) {
        settled.push(entry);
        continue;
      }
      const read = verdict(entry.question.data);
      if (typeof read === 'string') {
        settled.push({ file: entry.file, line: entry.line, severity: 'error', message: read });
      } else {
        settled.push(...caseLineProblems(read, entry.file, entry.line, this.reasons));
        this.cases.push(read);
        this.wholeOf.push(undefined);
      }
    }
    this.problems.splice(0, this.problems.length, ...settled);
    this.schemaLines = 0;
  }

  /** The cases merged, and the problems; call settle first when asksSchema. */
  result(): { cases: Case[]; problems: CaseProblem[] } {
    if (this.schemaLines > 0) throw new Error('settle the lines that ask the case schema first');
    const copies = new Map<string, number>();
    for (const record of this.cases) copies.set(record.id, (copies.get(record.id) ?? 0) + 1);
    const whole = this.cases.map((record, index) => (copies.get(record.id)! > 1 ? (this.wholeOf[index]?.() ?? record) : record));
    return { cases: mergeCases(whole), problems: this.problems as CaseProblem[] };
  }
}

function isAsciiSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0b || code === 0x0c;
}

/** The case of a line the pattern matched, as JSON.parse would give it but for the timeline (followupTimeline). */
function caseOfMatch(match: RegExpExecArray, utf8: Utf8Decoder): Case {
  const [, id, conversation, salesperson, customer, product, amount, wonOrOpen, lost, lossReason, notes, tags, lifecycle, source, followups, timeline, createdAt, updatedAt, closedAt] = match;
  const record: Record<string, unknown> = { version: 2, id, conversation: textOf(conversation!, utf8), salesperson: textOf(salesperson!, utf8), customer: textOf(customer!, utf8) };
  if (product !== undefined) record.product = textOf(product, utf8);
  if (amount !== undefined) record.amount = Number(amount);
  record.outcome = wonOrOpen ?? lost;
  if (lossReason !== undefined) record.lossReason = lossReason;
  record.notes = textOf(notes!, utf8);
  record.tags = tags === '' ? [] : JSON.parse(`[${tags}]`);
  if (lifecycle !== undefined) record.lifecycle = lifecycle;
  if (source !== undefined) record.source = source;
  record.followups = followups === '' ? [] : JSON.parse(`[${followups}]`);
  record.timeline = followupTimeline(timeline!);
  record.createdAt = createdAt;
  record.updatedAt = updatedAt;
  if (closedAt !== undefined) record.closedAt = closedAt;
  return record as unknown as Case;
}

/** A JSON string as the pattern matched it (quotes included): most are plain ASCII, taken as they stand. */
function textOf(json: string, utf8: Utf8Decoder): string {
  return NOT_PLAIN.test(json) ? (JSON.parse(utf8(json)) as string) : json.slice(1, -1);
}

const NOT_PLAIN = /[\\\u0080-\u00ff]/;
const EVENT_START = ',{"type":"';

/**
 * Of a timeline in own form (no text in it, so `{"type":"` starts an event and nothing else),
 * the events the plan counts from: meetings, signals and tag changes, all of them, and the latest
 * event that is contact (lastContactOf) and the latest that is not a tag change (closeTimeOf),
 * in their order. Times in own form compare as text.
 */
export function followupTimeline(events: string): CaseEvent[] {
  const starts: number[] = [];
  let contactStart = -1;
  let contactTime = '';
  let closeStart = -1;
  let closeTime = '';
  for (let start = events === '' ? -1 : 0; start !== -1; ) {
    const kind = kindAt(events, start);
    if (isKept(kind)) starts.push(start);
    if (kind !== 'tag') {
      const time = timeAt(events, start, kind);
      if (time >= closeTime) [closeStart, closeTime] = [start, time];
      if (kind !== 'suggested' && time >= contactTime) [contactStart, contactTime] = [start, time];
    }
    const next = events.indexOf(EVENT_START, start);
    start = next === -1 ? -1 : next + 1;
  }
  for (const start of [contactStart, closeStart]) if (start !== -1 && !starts.includes(start)) starts.push(start);
  starts.sort((a, b) => a - b);
  return starts.map((start) => {
    const kind = kindAt(events, start);
    if (kind === 'meeting') return { type: 'meeting', at: timeAt(events, start, kind) };
    const next = events.indexOf(EVENT_START, start);
    return JSON.parse(events.slice(start, next === -1 ? events.length : next)) as CaseEvent;
  });
}

type OwnFormKind = 'message' | 'meeting' | 'step' | 'suggested' | 'signal' | 'inserted' | 'tag';

const KIND_LENGTH: Record<OwnFormKind, number> = { message: 7, meeting: 7, step: 4, suggested: 9, signal: 6, inserted: 8, tag: 3 };

/** The event's time: it follows `{"type":"`, the kind and `","at":"`. */
function timeAt(events: string, start: number, kind: OwnFormKind): string {
  const at = start + KIND_LENGTH[kind] + 17;
  return events.slice(at, at + 24);
}

function isKept(kind: OwnFormKind): boolean {
  return kind === 'meeting' || kind === 'signal' || kind === 'tag';
}

/** The kind of the event at `start` (`{"type":"` then the kind), told by a letter or two. */
function kindAt(events: string, start: number): OwnFormKind {
  switch (events.charCodeAt(start + 9)) {
    case 0x6d: return events.charCodeAt(start + 11) === 0x73 ? 'message' : 'meeting';
    case 0x73: {
      const second = events.charCodeAt(start + 10);
      return second === 0x74 ? 'step' : second === 0x75 ? 'suggested' : 'signal';
    }
    case 0x69: return 'inserted';
    default: return 'tag';
  }
}
