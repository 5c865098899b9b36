// Reading case files for the revisit plan (closer followups), fast. Of a case the plan needs only
// what plan-case.ts keeps: its names, outcome, times, meetings, hot-lead signal and follow-ups.
// A line in the form Closer writes (own-form.ts) is read by one pattern that also picks its fields
// out, with no JSON.parse of the whole line, and becomes the plan's reading of the case at once,
// its timeline walked for those times and nothing made of its events; any other line is read in
// full as jsonl.ts reads it, the case schema (zod) loaded only when a line needs it. A file is
// read as its bytes, one character a byte: the pattern needs no decoding, and only a field with
// more than ASCII in it is decoded as the UTF-8 it is.
import type { Case, CaseFollowup } from './case.ts';
import { caseLineProblems, DRILL_LINE, judgeCaseLine, reasonSet, SchemaQuestion, type CaseProblem, type ReadOptions } from './case-line.ts';
import { EVENT, ID, IDS, TEXT, TIME, TIME_LENGTH, UUID } from './case-line-pattern.ts';
import { mergeCases, normalCase, normalFollowups } from './merge.ts';
import { byCreation, customerKey, planCaseOf, planFollowupOf, type PlanCase } from './plan-case.ts';

/** Decodes a part of a file's text read one character a byte (latin1) as the UTF-8 it is. */
export type Utf8Decoder = (part: string) => string;

// own-form.ts's pattern with the fields the plan reads captured, matched where a line starts
// (sticky) rather than on the line alone; test/unit/followup-cases.test.ts holds the two readers
// to the same verdicts.
const FOLLOWUP = String.raw`\{"rule":"${ID}","due":"${TIME}","state":"(?:(?:done|declined|skipped)","at":"${TIME}|snoozed","at":"${TIME}","until":"${TIME})"\}`;
const AMOUNT = String.raw`(?:0|[1-9]\d{0,15})(?:\.\d+)?(?:[eE][+-]?\d{1,2})?`;
const LINE = new RegExp(
  String.raw`\{"version":2,"id":"(${UUID})","conversation":(${TEXT}),"salesperson":(${TEXT}),"customer":(${TEXT})(?:,"product":(${TEXT}))?(?:,"amount":${AMOUNT})?` +
    String.raw`,"outcome":"(?:(won|open)"|(lost)"(?:,"lossReason":"(${ID})")?),"notes":${TEXT},"tags":\[(${IDS})\](?:,"lifecycle":"(?:intro|growth|mature|dormant|lost)")?(?:,"source":"${ID}")?` +
    String.raw`,"followups":\[((?:${FOLLOWUP}(?:,${FOLLOWUP})*)?)\],"timeline":\[((?:${EVENT}(?:,${EVENT})*)?)\],"createdAt":"(${TIME})","updatedAt":"(${TIME})"(?:,"closedAt":"(${TIME})")?\}`,
  'y',
);
// The groups of LINE.
const G_ID = 1, G_CONVERSATION = 2, G_SALESPERSON = 3, G_CUSTOMER = 4, G_PRODUCT = 5, G_WON_OPEN = 6, G_LOST = 7, G_LOSS_REASON = 8;
const G_TAGS = 9, G_FOLLOWUPS = 10, G_TIMELINE = 11, G_CREATED = 12, G_UPDATED = 13, G_CLOSED = 14;

/** A line only the case schema can judge, waiting where its problems go. */
interface SchemaLine {
  file: string;
  line: number;
  question: SchemaQuestion;
}

/**
 * Reads case files one after another, then gives the plan's reading of their cases merged (the
 * same case in several files counts once, as mergeCases merges it) and the problems in the order
 * met: files that cannot be read, bad lines.
 */
export class FollowupCaseReader {
  private readonly reasons: ReadonlySet<string>;
  /** Each good line's case as read: the plan's reading of a line in own form, or the case read in full. */
  private readonly read: (PlanCase | Case)[] = [];
  /**
   * For each entry of `read` that is the plan's reading, where its line is (its part's index in
   * `texts`, its first and last character), to read it in full if the case has copies: merging
   * copies of one case needs all of each. -1, 0, 0 for a case read in full.
   */
  private readonly lineOf: number[] = [];
  private readonly texts: { text: string; utf8: Utf8Decoder }[] = [];
  /** Where each case id was first read, and of those read more than once, every place. */
  private readonly firstOf = new Map<string, number>();
  private readonly copiesOf = new Map<string, number[]>();
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
      const planned = planCaseOfMatch(match, text, last, utf8);
      if (planned !== undefined && !mayHaveProblems(match, this.reasons)) {
        this.addRead(planned, this.texts.length - 1, first, last);
        return;
      }
      // A timeline with tag changes (which decide the tags), or a case to warn about: read in full, as rare as they are.
      this.addCase(JSON.parse(utf8(text.slice(first, last))) as Case, file, lineNumber);
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
    this.addRead(record, -1, 0, 0);
  }

  private addRead(entry: PlanCase | Case, part: number, first: number, last: number): void {
    const index = this.read.length;
    this.read.push(entry);
    this.lineOf.push(part, first, last);
    const earlier = this.firstOf.get(entry.id);
    if (earlier === undefined) {
      this.firstOf.set(entry.id, index);
      return;
    }
    const copies = this.copiesOf.get(entry.id);
    if (copies) copies.push(index);
    else this.copiesOf.set(entry.id, [earlier, index]);
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
        this.addRead(read, -1, 0, 0);
      }
    }
    this.problems = settled;
    this.schemaLines = 0;
  }

  /**
   * The plan's reading of the cases merged, grouped by customer (as customersOf groups them, each
   * customer's cases in mergeCases' order: by creation, then id), how many cases there are, and
   * the problems; call settle first when asksSchema.
   */
  result(): { customers: PlanCase[][]; cases: number; problems: CaseProblem[] } {
    if (this.schemaLines > 0) throw new Error('settle the lines that ask the case schema first');
    const groups = new Map<string, PlanCase[]>();
    let count = 0;
    for (let index = 0; index < this.read.length; index++) {
      const entry = this.read[index]!;
      const copies = this.copiesOf.size === 0 ? undefined : this.copiesOf.get(entry.id);
      let planned: PlanCase;
      if (copies !== undefined) {
        if (copies[0] !== index) continue;
        planned = planCaseOf(mergeCases(copies.map((copy) => this.wholeCase(copy)))[0]!);
      } else {
        planned = this.lineOf[index * 3] === -1 ? planCaseOf(normalCase(entry as Case)) : (entry as PlanCase);
      }
      count++;
      const key = customerKey(planned);
      const group = groups.get(key);
      if (group) group.push(planned);
      else groups.set(key, [planned]);
    }
    const customers = [...groups.values()];
    for (const group of customers) if (group.length > 1) group.sort(byCreation);
    return { customers, cases: count, problems: this.problems as CaseProblem[] };
  }

  /** The case read at `index`, in full. */
  private wholeCase(index: number): Case {
    const part = this.lineOf[index * 3]!;
    if (part === -1) return this.read[index] as Case;
    const { text, utf8 } = this.texts[part]!;
    return JSON.parse(utf8(text.slice(this.lineOf[index * 3 + 1], this.lineOf[index * 3 + 2]))) as Case;
  }
}

/**
 * Whether caseLineProblems may find something in a case read by the pattern: an unknown loss
 * reason, or times out of order or outside 2000–2099 (suspect-times.ts). Times in own form
 * compare as text, so most lines need no Date.parse to be cleared.
 */
function mayHaveProblems(match: RegExpExecArray, reasons: ReadonlySet<string>): boolean {
  const lossReason = match[G_LOSS_REASON];
  if (lossReason !== undefined && !reasons.has(lossReason)) return true;
  if (match[G_WON_OPEN] === 'open') return false;
  const created = match[G_CREATED]!;
  const closed = match[G_CLOSED] ?? match[G_UPDATED]!;
  return !(created >= '2000' && created < '2100' && closed >= '2000' && closed < '2100' && closed >= created);
}

function isAsciiSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0b || code === 0x0c;
}

const NO_TAGS: readonly string[] = [];
/** Where an event's kind starts, after `{"type":"`, and how far its time starts after the kind's name. */
const KIND_AT = '{"type":"'.length;
const TIME_AFTER_KIND = '","at":"'.length;
const BUY_SOON = '","signal":"buy_soon"';
/** What follows the timeline's events to the line's end: its bracket, the creation and the last update, and the close when there is one. */
const AFTER_EVENTS = '],"createdAt":"'.length + TIME_LENGTH + '","updatedAt":"'.length + TIME_LENGTH + '"}'.length;
const CLOSED_AT = ',"closedAt":"'.length + TIME_LENGTH + '"'.length;

/**
 * The plan's reading (planCaseOf) of the merged, so normalised, case of a line the pattern
 * matched (in `text`, ending at `last`); undefined when its timeline changes a tag, which such a
 * case's tags depend on. The timeline, which the pattern has checked, is walked once in the
 * file's text, event by event where the form puts each piece, its times compared where they
 * stand: written as toISOString writes them, they compare as text, and only the few kept become
 * strings.
 */
function planCaseOfMatch(match: RegExpExecArray, text: string, last: number, utf8: Utf8Decoder): PlanCase | undefined {
  const createdAt = match[G_CREATED]!;
  const closedAt = match[G_CLOSED];
  const eventsEnd = last - AFTER_EVENTS - (closedAt === undefined ? 0 : CLOSED_AT);
  const eventsStart = eventsEnd - match[G_TIMELINE]!.length;
  const created = eventsEnd + '],"createdAt":"'.length;
  const outcome = (match[G_WON_OPEN] ?? match[G_LOST]) as Case['outcome'];
  // The latest event's time (closeTimeOf) counts only for a closed case without closedAt.
  const needsClose = closedAt === undefined && outcome !== 'open';
  // Where the latest event's time is and the latest contact's (lastContactOf: any but a
  // suggestion), at first the creation's; the latest buy-soon signal's, -1 for none.
  let closeAt = created;
  let contactAt = created;
  let buySoonAt = -1;
  let meetingsAt: number[] | undefined;
  for (let at = eventsStart; at < eventsEnd; ) {
    const kind = text.charCodeAt(at + KIND_AT);
    const second = text.charCodeAt(at + KIND_AT + 1);
    // m(essage) and m(eeting) have seven letters (me(e)ting); s(t)ep, s(u)ggested, s(i)gnal; i(nserted); t(ag), whose changes decide the tags.
    if (kind === 0x74) return undefined;
    const kindLength = kind === 0x6d ? 7 : kind === 0x73 ? (second === 0x74 ? 4 : second === 0x75 ? 9 : 6) : 8;
    const time = at + KIND_AT + kindLength + TIME_AFTER_KIND;
    if (needsClose && laterThan(text, time, closeAt)) closeAt = time;
    if (!(kind === 0x73 && second === 0x75) && laterThan(text, time, contactAt)) contactAt = time;
    if (kind === 0x6d && text.charCodeAt(at + KIND_AT + 2) === 0x65) (meetingsAt ??= []).push(time);
    else if (kind === 0x73 && second === 0x69 && text.startsWith(BUY_SOON, time + TIME_LENGTH) && (buySoonAt === -1 || laterThan(text, time, buySoonAt))) buySoonAt = time;
    // The event closes at the first brace after its time, or the next one when an adapted insert's own object closes first; a comma follows but after the last.
    let end = text.indexOf('}', time + TIME_LENGTH);
    if (text.charCodeAt(end + 1) === 0x7d) end++;
    at = end + 2;
  }
  let contact = contactAt === created ? createdAt : text.slice(contactAt, contactAt + TIME_LENGTH);
  const meetings = meetingsAt === undefined ? undefined : meetingTimes(text, meetingsAt);
  const buySoon = buySoonAt === -1 ? '' : text.slice(buySoonAt, buySoonAt + TIME_LENGTH);
  const followupsText = match[G_FOLLOWUPS]!;
  let recorded: CaseFollowup[] = followupsText === '' ? [] : (JSON.parse(`[${followupsText}]`) as CaseFollowup[]);
  if (recorded.length > 1) recorded = normalFollowups(recorded);
  let declined = 0;
  for (const followup of recorded) {
    if (followup.state === 'declined') declined++;
    if ((followup.state === 'done' || followup.state === 'declined') && followup.at > contact) contact = followup.at;
  }
  if (closedAt !== undefined && closedAt > contact) contact = closedAt;
  const tagsText = match[G_TAGS]!;
  return {
    id: match[G_ID]!,
    customer: textOf(match[G_CUSTOMER]!, utf8),
    conversation: textOf(match[G_CONVERSATION]!, utf8),
    salesperson: textOf(match[G_SALESPERSON]!, utf8),
    outcome,
    lossReason: match[G_LOSS_REASON],
    product: match[G_PRODUCT] === undefined ? undefined : textOf(match[G_PRODUCT], utf8),
    tags: tagsText === '' ? NO_TAGS : normalTags(JSON.parse(`[${tagsText}]`) as string[]),
    createdAt,
    closed: outcome === 'open' ? NaN : Date.parse(closedAt ?? (closeAt === created ? createdAt : text.slice(closeAt, closeAt + TIME_LENGTH))),
    lastContact: Date.parse(contact),
    meetings: meetings ?? NO_MEETINGS,
    buySoon: buySoon === '' ? -Infinity : Date.parse(buySoon),
    followups: recorded.length === 0 ? NO_FOLLOWUPS : recorded.map(planFollowupOf),
    declined,
  };
}

/** Whether the time at `at` in `text` is later than the one at `other` (both as toISOString writes them). */
function laterThan(text: string, at: number, other: number): boolean {
  for (let index = 0; index < TIME_LENGTH; index++) {
    const difference = text.charCodeAt(at + index) - text.charCodeAt(other + index);
    if (difference !== 0) return difference > 0;
  }
  return false;
}

/**
 * The meetings' times as numbers, in time order: merging puts events in time order and drops
 * one met twice, and a meeting is that when its time is written alike.
 */
function meetingTimes(text: string, at: readonly number[]): number[] {
  if (at.length === 1) return [Date.parse(text.slice(at[0], at[0]! + TIME_LENGTH))];
  const times = [...new Set(at.map((time) => text.slice(time, time + TIME_LENGTH)))];
  return times.map(Date.parse).sort((a, b) => a - b);
}

const NO_MEETINGS: readonly number[] = [];
const NO_FOLLOWUPS: readonly never[] = [];

/** Tags as merging leaves them when no event changes one: sorted, each once. */
function normalTags(tags: string[]): string[] {
  for (let index = 1; index < tags.length; index++) {
    if (tags[index - 1]! >= tags[index]!) return [...new Set(tags)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  return tags;
}

/** A JSON string as the pattern matched it (quotes included): most are plain ASCII, taken as they stand. */
function textOf(json: string, utf8: Utf8Decoder): string {
  return NOT_PLAIN.test(json) ? (JSON.parse(utf8(json)) as string) : json.slice(1, -1);
}

const NOT_PLAIN = /[\\\u0080-\u00ff]/;
