// The team lead's figures over a set of cases: win rates by intent met, by reply used and by
// the furthest golden-model step, the top loss reasons and the time to close. One pass, so a
// year of cases is counted in well under a second.
import { GOLDEN_STEPS, INTENTS, type GoldenStep, type Intent } from '../playbook/ids.ts';
import type { Case } from './case.ts';
import { isNewerCopy, type CaseFields } from './merge.ts';
import type { LineText, ScannedLine } from './case-line-bytes.ts';
import type { Outcome } from './case-format.ts';
import { caseTimes, hasSuspectTimes, type CaseTimes } from './suspect-times.ts';
import { latestTagChanges, tagsAfterChanges, type TagEvent } from './tag-changes.ts';
import { TagFigures, type SourceRate, type TagRate } from './tag-figures.ts';
import { ByteKeys } from './byte-keys.ts';
import { wilsonRate, type Rate } from './wilson.ts';

export interface Duration {
  /** Closed cases with a known start and close. */
  cases: number;
  /** Milliseconds from the case's creation to its close. */
  median: number;
  mean: number;
  p90: number;
}

export interface LossReasonCount {
  reason: string;
  cases: number;
  /** Share of the lost cases. */
  share: number;
}

export interface CaseReport {
  totals: { cases: number; won: number; lost: number; open: number; winRate: Rate; amountWon: number; from: string | null; to: string | null };
  /** For each intent met in at least one closed case: the win rate of the cases where the customer showed it. */
  byIntent: (Rate & { intent: Intent })[];
  /**
   * For each reply inserted in at least one closed case, most used first, with the same win
   * rate over the cases where it was inserted as a model's adaptation and where word for word
   * (a case with both counts in both).
   */
  byReply: (Rate & { reply: string; adapted: Rate; verbatim: Rate })[];
  /** By the furthest golden-model step the chat reached ('none': no step recorded), in model order. */
  byStep: (Rate & { step: GoldenStep | 'none' })[];
  lossReasons: LossReasonCount[];
  /** Closed cases with suspect times (see suspect-times.ts) are left out, and counted in `leftOut`. */
  timeToClose: { won: Duration | null; lost: Duration | null; leftOut: number };
  /** For each customer tag: the win rate of the closed cases with it, and `repurchase`, of its customers who bought, the share who bought again. */
  byTag: TagRate[];
  /** The same by source: the case's `source`, or its tag of the source category, or 'none'. */
  bySource: SourceRate[];
}

export interface ReportOptions {
  /** The tag ids under the tag tree's `source` category (from the bundle), for cases that carry their source only as a tag. */
  sourceTags?: Iterable<string>;
}

const STEP_INDEX = new Map<string, number>(GOLDEN_STEPS.map((step, index) => [step, index]));
const INTENT_BIT = new Map<string, number>(INTENTS.map((intent, index) => [intent, 1 << index]));
const UUID_LENGTH = 36;
const OUTCOME_CODES: readonly Outcome[] = ['open', 'won', 'lost'];
const NO_REPLIES: number[] = [];
const NO_USES: number[] = [];
const NO_TAGS: string[] = [];
const VERBATIM = 1;
const ADAPTED = 2;

/**
 * One copy of a case as a reader found it: the fields the figures read, and of its timeline only
 * what was met in it. The builder keeps these as columns, one slot a case (see CaseReportBuilder).
 */
interface CaseCopy {
  /** The number of the customer's key (see customerKey). */
  customer: number;
  source: string | undefined;
  outcome: Outcome;
  amount: number | undefined;
  lossReason: string | undefined;
  /** As written, or undefined for a line in Closer's own form, where it is the toISOString of `created`. */
  createdAt: string | undefined;
  /** The copy's times, parsed once (see caseTimes); `updated` orders the copies. */
  created: number;
  closed: number;
  updated: number;
  /** The intents met, one bit each in INTENTS order. */
  intents: number;
  /** The numbers of the replies inserted (see replyKeys). */
  replies: readonly number[];
  /** How each reply (same index) was inserted: VERBATIM and ADAPTED bits. */
  uses: readonly number[];
  /** Index of the furthest golden-model step reached, -1 for none. */
  furthest: number;
  /** The copy's tags, each changed tag as its own latest change says. */
  tags: readonly string[];
  /** The copy's tag events, absent when there are none (every case written before they existed). */
  tagChanges: TagEvent[] | undefined;
  /**
   * The copy's whole fields, or for a line read from its bytes the line, parsed only when two
   * copies of a case changed at the same instant and isNewerCopy must compare them whole.
   */
  fields: CaseFields | undefined;
  text: LineText | undefined;
  start: number;
  end: number;
}

/**
 * What the figures read of one timeline, gathered an event at a time: from parsed events (add),
 * or by a reader that finds the events in a line's text without building them (report-lines.ts).
 */
export class TimelineDigest {
  /** The intents met, one bit each in INTENTS order. */
  intents = 0;
  // Timelines are short: arrays beat sets here.
  readonly replies: string[] = [];
  /** How each reply (same index) was inserted: VERBATIM and ADAPTED bits. */
  readonly uses: number[] = [];
  /** Index of the furthest golden-model step reached, -1 for none. */
  furthest = -1;
  tagChanges: TagEvent[] | undefined;

  message(intent: string): void {
    this.intents |= INTENT_BIT.get(intent) ?? 0;
  }

  inserted(reply: string, adapted: boolean): void {
    let index = this.replies.indexOf(reply);
    if (index < 0) index = this.replies.push(reply) - 1;
    this.uses[index] = (this.uses[index] ?? 0) | (adapted ? ADAPTED : VERBATIM);
  }

  step(step: string): void {
    this.furthest = Math.max(this.furthest, STEP_INDEX.get(step) ?? -1);
  }

  tag(event: TagEvent): void {
    (this.tagChanges ??= []).push(event);
  }
}

/** The fields without the timeline, copied by name (faster than an object rest on 100,000 cases); keep this list in step with CaseSchema. */
function fieldsOf(record: Case): CaseFields {
  const fields: CaseFields = {
    version: record.version, id: record.id, conversation: record.conversation, salesperson: record.salesperson, customer: record.customer,
    outcome: record.outcome, notes: record.notes, tags: record.tags, followups: record.followups, createdAt: record.createdAt, updatedAt: record.updatedAt,
  };
  if (record.product !== undefined) fields.product = record.product;
  if (record.lifecycle !== undefined) fields.lifecycle = record.lifecycle;
  if (record.source !== undefined) fields.source = record.source;
  if (record.amount !== undefined) fields.amount = record.amount;
  if (record.lossReason !== undefined) fields.lossReason = record.lossReason;
  if (record.closedAt !== undefined) fields.closedAt = record.closedAt;
  return fields;
}

function timelineDigestOf(timeline: Case['timeline']): TimelineDigest {
  const digest = new TimelineDigest();
  // Every other kind (suggested, sent, meeting, signal, and any added later) counts in no figure here.
  for (const event of timeline) {
    if (event.type === 'message') digest.message(event.intent);
    else if (event.type === 'inserted') digest.inserted(event.reply, event.adapted !== undefined);
    else if (event.type === 'step') digest.step(event.step);
    else if (event.type === 'tag') digest.tag(event);
  }
  return digest;
}

function copyOf(fields: CaseFields, timeline: TimelineDigest, times: CaseTimes, customer: number, replies: readonly number[]): CaseCopy {
  const { intents, furthest, tagChanges } = timeline;
  return {
    customer, source: fields.source, outcome: fields.outcome, amount: fields.amount, lossReason: fields.lossReason,
    createdAt: fields.createdAt, created: times.created, closed: times.closed, updated: Date.parse(fields.updatedAt),
    intents, replies, uses: timeline.uses, furthest,
    tags: tagChanges ? tagsAfterChanges(fields.tags, latestTagChanges(tagChanges)) : fields.tags, tagChanges,
    fields, text: undefined, start: 0, end: 0,
  };
}

/**
 * Figures over cases added one at a time. Only a digest of each case is kept, so a year of
 * cases read from files is counted without holding every timeline in memory; a case added
 * twice counts once, exactly as if the cases had gone through mergeCases first.
 *
 * The digests are columns, one slot a case in the order cases were first met (so sums run in
 * the order a map of digests would give): 100,000 objects of twenty fields, each with its times
 * boxed, were most of what the collector copied while a file was read.
 */
export class CaseReportBuilder {
  /** The cases' ids, numbered by slot. */
  private readonly ids = new ByteKeys();
  /** The customers' keys: the name, or for a case with no name "\u0000" and its id (TagFigures's key). */
  private readonly customerKeys = new ByteKeys();
  private readonly sourceTags: ReadonlySet<string>;
  /** How many slots there are, and how many the typed columns below have room for. */
  private count = 0;
  private capacity = 0;
  // The numbers in typed arrays, grown by doubling: no element the collector has to look at, and
  // no array copied a little larger at every few hundred pushes.
  private customers = new Int32Array(0);
  /** 0 for a case without an amount, which adds nothing to the amount won. */
  private amounts = new Float64Array(0);
  private created = new Float64Array(0);
  private closed = new Float64Array(0);
  private updated = new Float64Array(0);
  private intents = new Int32Array(0);
  private furthest = new Int32Array(0);
  /** Each case's replies as a run in `uses`: where it starts and how long it is. */
  private replyStart = new Int32Array(0);
  private replyCount = new Int32Array(0);
  /** Where each copy's line stands in its file (Float64: a file may pass 2 GB). */
  private starts = new Float64Array(0);
  private ends = new Float64Array(0);
  /** Each slot's outcome as its index in OUTCOME_CODES. */
  private outcomes = new Uint8Array(0);
  /** Which of `texts` each slot's line is in, -1 for a copy that came with its fields. */
  private textNumbers = new Int32Array(0);
  private readonly sources: (string | undefined)[] = [];
  private readonly lossReasons: (string | undefined)[] = [];
  // Only the copies read whole have these, which lines read from the bytes do not: by slot.
  private readonly createdAts = new Map<number, string>();
  private readonly fields = new Map<number, CaseFields>();
  /** A reply's number times four, plus its VERBATIM and ADAPTED bits. */
  private readonly uses: number[] = [];
  /**
   * The replies' ids, numbered: the byte scanner numbers those it meets itself, so some numbers
   * may still lack their id in `replyIds` (see replyIdsUpTo).
   */
  readonly replyKeys = new ByteKeys();
  private readonly replyIds: string[] = [];
  private readonly tags: (readonly string[])[] = [];
  private readonly tagChanges = new Map<number, TagEvent[]>();
  /** The files' texts the lines were read from, each once. */
  private readonly texts: LineText[] = [];
  /** The copy the scanner's lines are handed in, filled again for each. */
  private readonly scanned: CaseCopy = {
    customer: 0, source: undefined, outcome: 'open', amount: undefined, lossReason: undefined, createdAt: undefined, created: 0, closed: 0, updated: 0,
    intents: 0, replies: NO_REPLIES, uses: NO_USES, furthest: -1, tags: NO_TAGS, tagChanges: undefined, fields: undefined, text: undefined, start: 0, end: 0,
  };

  constructor(options: ReportOptions = {}) {
    this.sourceTags = new Set(options.sourceTags ?? []);
  }

  /** One case; `times` are its own (see caseTimes), when the caller has already parsed them. */
  add(record: Case, times: CaseTimes = caseTimes(record)): void {
    this.addRead(fieldsOf(record), timelineDigestOf(record.timeline), times);
  }

  /**
   * One case as a reader found it without building its timeline's events: its fields (a record
   * the case schema accepts; a timeline it carries is not read), what the figures read of its
   * timeline, and its times.
   */
  addRead(fields: CaseFields, timeline: TimelineDigest, times: CaseTimes): void {
    const customer = this.customerKeys.numberOfText(fields.customer === '' ? `\u0000${fields.id}` : fields.customer);
    const replies = timeline.replies.map((reply) => this.replyNumber(reply));
    this.put(this.ids.numberOfText(fields.id), copyOf(fields, timeline, times, customer, replies));
  }

  /**
   * One case as the byte scanner read its line (case-line-bytes.ts) from `bytes`, with its amount
   * decoded and its customer too when the name holds an escape (the key is then the name as JSON
   * reads it, not as the file spells it); `text` and the offsets give the line again, should its
   * copies tie.
   */
  addScanned(line: ScannedLine, bytes: Uint8Array, escapedCustomer: string | undefined, amount: number | undefined, text: LineText, start: number, end: number): void {
    const copy = this.scanned;
    const slot = this.ids.numberOf(bytes, line.idStart, line.idStart + UUID_LENGTH);
    const keys = this.customerKeys;
    if (escapedCustomer !== undefined) copy.customer = keys.numberOfText(escapedCustomer);
    else if (line.customerStart === line.customerEnd) copy.customer = keys.numberOfText(`\u0000${this.ids.asciiOf(slot)}`);
    else copy.customer = keys.numberOf(bytes, line.customerStart, line.customerEnd);
    copy.source = line.source;
    copy.outcome = line.outcome;
    copy.amount = amount;
    copy.lossReason = line.lossReason;
    copy.created = line.created;
    copy.closed = line.closed;
    copy.updated = line.updated;
    copy.intents = line.intents;
    copy.replies = line.replies;
    copy.uses = line.uses;
    copy.furthest = line.furthest;
    const tags = line.tags.length === 0 ? NO_TAGS : line.tags.slice();
    copy.tagChanges = line.tagChanges;
    copy.tags = line.tagChanges ? tagsAfterChanges(tags, latestTagChanges(line.tagChanges)) : tags;
    copy.text = text;
    copy.start = start;
    copy.end = end;
    this.put(slot, copy);
  }

  get size(): number {
    return this.count;
  }

  report(): CaseReport {
    return this.reportOf();
  }

  /** A copy of the case whose id has the number `slot`: a new slot when the id is new. */
  private put(slot: number, copy: CaseCopy): void {
    if (slot === this.count) this.append(slot, copy);
    else this.merge(slot, copy);
  }

  private append(slot: number, copy: CaseCopy): void {
    if (slot === this.capacity) this.grow();
    this.count++;
    this.setFields(slot, copy);
    this.intents[slot] = copy.intents;
    this.furthest[slot] = copy.furthest;
    this.replyStart[slot] = this.uses.length;
    this.replyCount[slot] = copy.replies.length;
    for (let index = 0; index < copy.replies.length; index++) this.uses.push(copy.replies[index]! * 4 + copy.uses[index]!);
    this.tags.push(copy.tags);
    if (copy.tagChanges) this.tagChanges.set(slot, copy.tagChanges);
  }

  /** Room for twice as many slots in the typed columns. */
  private grow(): void {
    const capacity = Math.max(1024, this.capacity * 2);
    const grown = <T extends Uint8Array | Int32Array | Float64Array>(column: T, make: new (length: number) => T): T => {
      const bigger = new make(capacity);
      bigger.set(column);
      return bigger;
    };
    this.customers = grown(this.customers, Int32Array);
    this.amounts = grown(this.amounts, Float64Array);
    this.created = grown(this.created, Float64Array);
    this.closed = grown(this.closed, Float64Array);
    this.updated = grown(this.updated, Float64Array);
    this.intents = grown(this.intents, Int32Array);
    this.furthest = grown(this.furthest, Int32Array);
    this.replyStart = grown(this.replyStart, Int32Array);
    this.replyCount = grown(this.replyCount, Int32Array);
    this.starts = grown(this.starts, Float64Array);
    this.ends = grown(this.ends, Float64Array);
    this.outcomes = grown(this.outcomes, Uint8Array);
    this.textNumbers = grown(this.textNumbers, Int32Array);
    this.capacity = capacity;
  }

  /** The fields of the newer copy into the slot (a new slot: pushed). */
  private setFields(slot: number, copy: CaseCopy): void {
    this.customers[slot] = copy.customer;
    this.sources[slot] = copy.source;
    this.outcomes[slot] = copy.outcome === 'open' ? 0 : copy.outcome === 'won' ? 1 : 2;
    this.amounts[slot] = copy.amount ?? 0;
    this.lossReasons[slot] = copy.lossReason;
    if (copy.createdAt !== undefined) this.createdAts.set(slot, copy.createdAt);
    else if (this.createdAts.size > 0) this.createdAts.delete(slot);
    this.created[slot] = copy.created;
    this.closed[slot] = copy.closed;
    this.updated[slot] = copy.updated;
    if (copy.fields !== undefined) this.fields.set(slot, copy.fields);
    else if (this.fields.size > 0) this.fields.delete(slot);
    this.textNumbers[slot] = copy.text === undefined ? -1 : this.textNumber(copy.text);
    this.starts[slot] = copy.start;
    this.ends[slot] = copy.end;
  }

  /** The number of a file's text in `texts`: most often the last one's. */
  private textNumber(text: LineText): number {
    const last = this.texts.length - 1;
    if (last >= 0 && this.texts[last] === text) return last;
    const known = this.texts.indexOf(text);
    return known >= 0 ? known : this.texts.push(text) - 1;
  }

  /** A reply's number, its id kept as given. */
  private replyNumber(reply: string): number {
    const number = this.replyKeys.numberOfText(reply);
    this.replyIdsUpTo(number);
    if (number === this.replyIds.length) this.replyIds.push(reply);
    return number;
  }

  /** The ids of the replies numbered below `number`: those the scanner numbered are ids it took from the bytes, which are ASCII. */
  private replyIdsUpTo(number: number): void {
    for (let known = this.replyIds.length; known < number; known++) this.replyIds.push(this.replyKeys.asciiOf(known));
  }

  /** A second copy of the slot's case, as mergeCases would combine them: newest fields, timelines united, each changed tag as its latest change says. */
  private merge(slot: number, copy: CaseCopy): void {
    if (!this.isNewer(slot, copy)) this.setFields(slot, copy);
    this.intents[slot]! |= copy.intents;
    this.furthest[slot] = Math.max(this.furthest[slot]!, copy.furthest);
    // The slot's replies, then the copy's that it lacks, as a new run at the end.
    const start = this.replyStart[slot]!;
    const count = this.replyCount[slot]!;
    const merged = this.uses.slice(start, start + count);
    for (let index = 0; index < copy.replies.length; index++) {
      const number = copy.replies[index]!;
      const at = merged.findIndex((use) => use >> 2 === number);
      if (at < 0) merged.push(number * 4 + copy.uses[index]!);
      else merged[at]! |= copy.uses[index]!;
    }
    this.replyStart[slot] = this.uses.length;
    this.replyCount[slot] = merged.length;
    for (const use of merged) this.uses.push(use);
    const earlierTags = this.tags[slot]!;
    let tags = earlierTags.length === 0 ? copy.tags : copy.tags.length === 0 ? earlierTags : [...new Set([...earlierTags, ...copy.tags])];
    const earlierChanges = this.tagChanges.get(slot);
    if (earlierChanges || copy.tagChanges) {
      const tagChanges = [...(earlierChanges ?? []), ...(copy.tagChanges ?? [])];
      tags = tagsAfterChanges(tags, latestTagChanges(tagChanges));
      this.tagChanges.set(slot, tagChanges);
    }
    this.tags[slot] = tags;
  }

  /** Whether the slot's copy is newer than `copy`, as isNewerCopy decides over their fields; those are read whole only for a tie. */
  private isNewer(slot: number, copy: CaseCopy): boolean {
    const difference = this.updated[slot]! - copy.updated;
    if (difference !== 0) return difference > 0;
    const fields = this.fields.get(slot) ?? wholeFields(this.texts[this.textNumbers[slot]!]!, this.starts[slot]!, this.ends[slot]!);
    return isNewerCopy(fields, copy.fields ?? wholeFields(copy.text!, copy.start, copy.end));
  }

  private reportOf(): CaseReport {
    const byTags = new TagFigures(this.sourceTags, this.customerKeys);
    const intents = INTENTS.map(() => ({ cases: 0, wins: 0 }));
    this.replyIdsUpTo(this.replyKeys.size);
    const replies = this.replyIds.map(() => ({ cases: 0, wins: 0 }));
    const adaptedUse = this.replyIds.map(() => ({ cases: 0, wins: 0 }));
    const verbatimUse = this.replyIds.map(() => ({ cases: 0, wins: 0 }));
    // By the furthest step's index plus one: 0 for none.
    const steps = [{ cases: 0, wins: 0 }, ...GOLDEN_STEPS.map(() => ({ cases: 0, wins: 0 }))];
    const reasons = new Map<string, number>();
    const durations = { won: [] as number[], lost: [] as number[] };
    const cases = this.count;
    let won = 0;
    let lost = 0;
    let amountWon = 0;
    let from: string | null = null;
    let to: string | null = null;
    let fromTime = Infinity;
    let toTime = -Infinity;
    let leftOut = 0;

    for (let slot = 0; slot < cases; slot++) {
      const outcome = OUTCOME_CODES[this.outcomes[slot]!]!;
      byTags.addNumbered(this.customers[slot]!, this.tags[slot]!, this.sources[slot], outcome);
      const created = this.created[slot]!;
      if (created < fromTime) [fromTime, from] = [created, this.createdAts.get(slot) ?? new Date(created).toISOString()];
      if (created > toTime) [toTime, to] = [created, this.createdAts.get(slot) ?? new Date(created).toISOString()];
      if (outcome === 'open') continue;
      const win = outcome === 'won';
      if (win) {
        won++;
        amountWon += this.amounts[slot]!;
      } else {
        lost++;
        const reason = this.lossReasons[slot] ?? 'other';
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
      const seenIntents = this.intents[slot]!;
      for (let bit = 0; bit < INTENTS.length; bit++) if (seenIntents & (1 << bit)) tally(intents[bit]!, win);
      const start = this.replyStart[slot]!;
      const end = start + this.replyCount[slot]!;
      for (let at = start; at < end; at++) {
        const use = this.uses[at]!;
        const number = use >> 2;
        tally(replies[number]!, win);
        if (use & ADAPTED) tally(adaptedUse[number]!, win);
        if (use & VERBATIM) tally(verbatimUse[number]!, win);
      }
      const furthest = this.furthest[slot]!;
      tally(steps[furthest + 1]!, win);
      const closedAt = this.closed[slot]!;
      if (hasSuspectTimes(outcome, { created, closed: closedAt })) {
        leftOut++;
        continue;
      }
      const closed = closedAt - created;
      if (Number.isFinite(closed) && closed >= 0) durations[win ? 'won' : 'lost'].push(closed);
    }

    return {
      totals: { cases, won, lost, open: cases - won - lost, winRate: wilsonRate(won, won + lost), amountWon, from, to },
      byIntent: INTENTS.flatMap((intent, bit) => (intents[bit]!.cases === 0 ? [] : [{ intent, ...rateOf(intents[bit]!) }])),
      byReply: this.replyIds
        .flatMap((reply, number) => (replies[number]!.cases === 0 ? [] : [{ reply, ...rateOf(replies[number]!), adapted: rateOf(adaptedUse[number]!), verbatim: rateOf(verbatimUse[number]!) }]))
        .sort((a, b) => b.cases - a.cases || b.low - a.low || (a.reply < b.reply ? -1 : 1)),
      byStep: (['none', ...GOLDEN_STEPS] as const).flatMap((step, index) => (steps[index]!.cases === 0 ? [] : [{ step, ...rateOf(steps[index]!) }])),
      lossReasons: [...reasons.entries()]
        .map(([reason, n]) => ({ reason, cases: n, share: n / lost }))
        .sort((a, b) => b.cases - a.cases || (a.reason < b.reason ? -1 : 1)),
      timeToClose: { won: durationOf(durations.won), lost: durationOf(durations.lost), leftOut },
      byTag: byTags.byTag(),
      bySource: byTags.bySource(),
    };
  }
}

function wholeFields(text: LineText, start: number, end: number): CaseFields {
  // A line in Closer's own form is what the schema accepts as it stands: JSON.parse gives the record.
  return JSON.parse(text.utf8(start, end)) as CaseFields;
}

/** The figures over a set of cases (the same case twice counts once, its copies merged). */
export function caseReport(cases: Iterable<Case>, options: ReportOptions = {}): CaseReport {
  const builder = new CaseReportBuilder(options);
  for (const record of cases) builder.add(record);
  return builder.report();
}

interface Tally {
  cases: number;
  wins: number;
}

function tally(into: Tally, win: boolean): void {
  into.cases++;
  if (win) into.wins++;
}

function rateOf(tally: Tally): Rate {
  return wilsonRate(tally.wins, tally.cases);
}

function durationOf(values: number[]): Duration | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const median = sorted.length % 2 === 1 ? at(0.5) : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return { cases: sorted.length, median, mean: values.reduce((sum, v) => sum + v, 0) / values.length, p90: at(0.9) };
}
