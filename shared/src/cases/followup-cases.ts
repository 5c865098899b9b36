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
import { mergeCasesReadInPart } from './merge.ts';

/** Decodes a part of a file's text read one character a byte (latin1) as the UTF-8 it is. */
export type Utf8Decoder = (part: string) => string;

// own-form.ts's pattern with its fields captured, matched where a line starts (sticky) rather
// than on the line alone; test/unit/followup-cases.test.ts holds the two readers to the same verdicts.
const FOLLOWUP = String.raw`\{"rule":"${ID}","due":"${TIME}","state":"(?:(?:done|declined|skipped)","at":"${TIME}|snoozed","at":"${TIME}","until":"${TIME})"\}`;
const AMOUNT = String.raw`(?:0|[1-9]\d{0,15})(?:\.\d+)?(?:[eE][+-]?\d{1,2})?`;
const LINE = new RegExp(
  String.raw`\{"version":2,"id":"(${UUID})","conversation":(${TEXT}),"salesperson":(${TEXT}),"customer":(${TEXT})(?:,"product":(${TEXT}))?(?:,"amount":(${AMOUNT}))?` +
    String.raw`,"outcome":"(?:(won|open)"|(lost)"(?:,"lossReason":"(${ID})")?),"notes":${TEXT},"tags":\[(${IDS})\](?:,"lifecycle":"(intro|growth|mature|dormant|lost)")?(?:,"source":"(${ID})")?` +
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
 * The cases' timelines hold only what the plan counts from (see above), and a case read by the
 * pattern has empty notes: they are for dueFollowups, not to be written back.
 */
export class FollowupCaseReader {
  private readonly reasons: ReadonlySet<string>;
  private readonly cases: Case[] = [];
  /**
   * For each case whose timeline was cut, where its line is (its part's index in `texts`, its
   * first and last character), to read it in full: merging copies of one case needs all of each.
   */
  private readonly lineOf: number[] = [];
  private readonly texts: { text: string; utf8: Utf8Decoder }[] = [];
  private problems: (CaseProblem | SchemaLine)[] = [];
  private schemaLines = 0;

  constructor(options: ReadOptions = {}) {
    this.reasons = reasonSet(options);
  }

  addProblem(problem: CaseProblem): void {
    this.problems.push(problem);
  }

  /**
   * A file's text, read one character a byte (a byte order mark taken off), in parts that join
   * with a newline (a string has a limit on its length, a file has none), and how to decode them.
   */
  addFile(parts: readonly string[], utf8: Utf8Decoder, file: string): void {
    let lineNumber = 0;
    for (const text of parts) {
      this.texts.push({ text, utf8 });
      for (let start = 0; start <= text.length; ) {
        let end = text.indexOf('\n', start);
        if (end === -1) end = text.length;
        lineNumber++;
        this.addLine(text, start, end, utf8, file, lineNumber);
        start = end + 1;
      }
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
      if (mayHaveProblems(record, this.reasons)) this.problems.push(...caseLineProblems(record, file, lineNumber, this.reasons));
      this.cases.push(record);
      this.lineOf.push(this.texts.length - 1, first, last);
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
    this.lineOf.push(-1, 0, 0);
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
        this.lineOf.push(-1, 0, 0);
      }
    }
    this.problems = settled;
    this.schemaLines = 0;
  }

  /** The cases merged, and the problems; call settle first when asksSchema. */
  result(): { cases: Case[]; problems: CaseProblem[] } {
    if (this.schemaLines > 0) throw new Error('settle the lines that ask the case schema first');
    let indexOf: Map<Case, number> | undefined;
    const whole = (record: Case): Case => {
      indexOf ??= new Map(this.cases.map((each, index) => [each, index]));
      const index = indexOf.get(record);
      return index === undefined ? record : this.wholeCase(index) ?? record;
    };
    return { cases: mergeCasesReadInPart(this.cases, whole), problems: this.problems as CaseProblem[] };
  }

  /** The case at `index` read again in full from its line, when its timeline was cut. */
  private wholeCase(index: number): Case | undefined {
    const [file, first, last] = this.lineOf.slice(index * 3, index * 3 + 3) as [number, number, number];
    if (file === -1) return undefined;
    const { text, utf8 } = this.texts[file]!;
    return JSON.parse(utf8(text.slice(first, last))) as Case;
  }
}

/**
 * Whether caseLineProblems may find something in a case read by the pattern: an unknown loss
 * reason, or times out of order or outside 2000–2099 (suspect-times.ts). Times in own form
 * compare as text, so most lines need no Date.parse to be cleared.
 */
function mayHaveProblems(record: Case, reasons: ReadonlySet<string>): boolean {
  if (record.lossReason !== undefined && !reasons.has(record.lossReason)) return true;
  if (record.outcome === 'open') return false;
  const created = record.createdAt;
  const closed = record.closedAt ?? record.updatedAt;
  return !(created >= '2000' && created < '2100' && closed >= '2000' && closed < '2100' && closed >= created);
}

function isAsciiSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0b || code === 0x0c;
}

/**
 * The case of a line the pattern matched, as JSON.parse would give it but for the timeline
 * (followupTimeline) and the notes, which the plan never reads and are left empty. A field the
 * line lacks is undefined: one literal gives every case one shape, which the plan reads faster.
 */
function caseOfMatch(match: RegExpExecArray, utf8: Utf8Decoder): Case {
  // By index, not destructured: a cold start runs this in the interpreter, where destructuring walks an iterator.
  return {
    version: 2,
    id: match[1]!,
    conversation: textOf(match[2]!, utf8),
    salesperson: textOf(match[3]!, utf8),
    customer: textOf(match[4]!, utf8),
    product: match[5] === undefined ? undefined : textOf(match[5], utf8),
    amount: match[6] === undefined ? undefined : Number(match[6]),
    outcome: (match[7] ?? match[8]) as Case['outcome'],
    lossReason: match[9],
    notes: '',
    tags: match[10] === '' ? [] : (JSON.parse(`[${match[10]}]`) as string[]),
    lifecycle: match[11] as Case['lifecycle'],
    source: match[12],
    followups: match[13] === '' ? [] : (JSON.parse(`[${match[13]}]`) as Case['followups']),
    timeline: followupTimeline(match[14]!),
    createdAt: match[15]!,
    updatedAt: match[16]!,
    closedAt: match[17],
  };
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
  let closeStart = -1;
  let closeTime = '';
  let contactStart = -1;
  let contactTime = '';
  for (let start = events === '' ? -1 : 0; start !== -1; ) {
    const kind = kindAt(events, start);
    if (kind.kept) starts.push(start);
    if (kind.counts) {
      const time = timeAt(events, start, kind);
      // Contact events are among those that count for the close, so a time no earlier than the latest close is no earlier than the latest contact.
      if (time >= closeTime) {
        closeStart = start;
        closeTime = time;
        if (kind.contact) {
          contactStart = start;
          contactTime = time;
        }
      } else if (kind.contact && time >= contactTime) {
        contactStart = start;
        contactTime = time;
      }
    }
    const next = events.indexOf(EVENT_START, start);
    start = next === -1 ? -1 : next + 1;
  }
  if (contactStart !== -1 && !starts.includes(contactStart)) starts.push(contactStart);
  if (closeStart !== -1 && !starts.includes(closeStart)) starts.push(closeStart);
  starts.sort((a, b) => a - b);
  return starts.map((start) => eventAt(events, start));
}

/** The event at `start`, as JSON.parse would give it; the usual kinds are taken apart by hand, which is faster. */
function eventAt(events: string, start: number): CaseEvent {
  const kind = kindAt(events, start);
  const next = events.indexOf(EVENT_START, start);
  const end = next === -1 ? events.length : next;
  const at = timeAt(events, start, kind);
  // After the time: `","` and the field's name and `":"`, then its value up to the closing `"}`.
  const valueStart = start + kind.length + 17 + 24 + 6 + kind.field.length;
  const plain = events.charCodeAt(end - 2) === 0x22;
  if (kind === MEETING) return { type: 'meeting', at };
  if (kind === MESSAGE && plain) return { type: 'message', at, intent: events.slice(valueStart, end - 2) as never };
  if (kind === STEP && plain) return { type: 'step', at, step: events.slice(valueStart, end - 2) };
  if (kind === INSERTED && plain) return { type: 'inserted', at, reply: events.slice(valueStart, end - 2) };
  return JSON.parse(events.slice(start, end)) as CaseEvent;
}

/**
 * What the plan reads of an event kind: the kind's length, whether the event is kept, counts for
 * the close (closeTimeOf) and is contact (lastContactOf), and the name of its field after the time.
 */
interface OwnFormKind {
  length: number;
  field: string;
  kept: boolean;
  counts: boolean;
  contact: boolean;
}

const kind = (name: string, field: string, kept: boolean, counts: boolean, contact: boolean): OwnFormKind => ({ length: name.length, field, kept, counts, contact });
const MEETING = kind('meeting', '', true, true, true);
const MESSAGE = kind('message', 'intent', false, true, true);
const STEP = kind('step', 'step', false, true, true);
const SUGGESTED = kind('suggested', 'replies', false, true, false);
const SIGNAL = kind('signal', 'signal', true, true, true);
const INSERTED = kind('inserted', 'reply', false, true, true);
const TAG = kind('tag', 'tag', true, false, false);

/** The kind of the event at `start` (`{"type":"` then the kind), told by a letter or two. */
function kindAt(events: string, start: number): OwnFormKind {
  switch (events.charCodeAt(start + 9)) {
    case 0x6d: return events.charCodeAt(start + 11) === 0x73 ? MESSAGE : MEETING;
    case 0x73: {
      const second = events.charCodeAt(start + 10);
      return second === 0x74 ? STEP : second === 0x75 ? SUGGESTED : SIGNAL;
    }
    case 0x69: return INSERTED;
    default: return TAG;
  }
}

/** The event's time: it follows `{"type":"`, the kind and `","at":"`. */
function timeAt(events: string, start: number, kind: OwnFormKind): string {
  const at = start + kind.length + 17;
  return events.slice(at, at + 24);
}
