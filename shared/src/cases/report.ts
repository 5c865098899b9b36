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
const NO_REPLIES: string[] = [];
const NO_USES: number[] = [];
const NO_TAGS: string[] = [];
const VERBATIM = 1;
const ADAPTED = 2;

/**
 * What the figures need of one case: the fields they read, and of its timeline only what was met
 * in it. One object a case is kept, and every value in it is read again when the figures are made.
 */
interface CaseDigest {
  id: string;
  customer: string;
  source: string | undefined;
  outcome: Outcome;
  amount: number | undefined;
  lossReason: string | undefined;
  /** As written, or undefined for a line in Closer's own form, where it is the toISOString of `created`. */
  createdAt: string | undefined;
  /** The times of the copy whose fields these are, parsed once (see caseTimes); `updated` orders the copies. */
  created: number;
  closed: number;
  updated: number;
  /** The intents met, one bit each in INTENTS order. */
  intents: number;
  replies: string[];
  /** How each reply (same index) was inserted: VERBATIM and ADAPTED bits. */
  uses: number[];
  /** Index of the furthest golden-model step reached, -1 for none. */
  furthest: number;
  /** The tags of every copy, as merging combines them (each changed tag as its latest change says). */
  tags: readonly string[];
  /** The tag events of every copy, absent when there are none (every case written before they existed). */
  tagChanges: TagEvent[] | undefined;
  /**
   * The copy's whole fields, or for a line read from its bytes the line, parsed only when two
   * copies of a case changed at the same instant and isNewerCopy must compare them whole.
   */
  fields: CaseFields | undefined;
  line: { text: LineText; start: number; end: number } | undefined;
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

function digestOf(fields: CaseFields, timeline: TimelineDigest, times: CaseTimes): CaseDigest {
  const { intents, furthest, tagChanges } = timeline;
  // Copied to their length: an array grown by push keeps room for sixteen more, and the report
  // keeps two a case (1,090 → 870 bytes a case held over 100,000 cases).
  const replies = timeline.replies.length === 0 ? NO_REPLIES : timeline.replies.slice();
  const uses = timeline.uses.length === 0 ? NO_USES : timeline.uses.slice();
  return {
    id: fields.id, customer: fields.customer, source: fields.source, outcome: fields.outcome, amount: fields.amount, lossReason: fields.lossReason,
    createdAt: fields.createdAt, created: times.created, closed: times.closed, updated: Date.parse(fields.updatedAt),
    intents, replies, uses, furthest,
    tags: tagChanges ? tagsAfterChanges(fields.tags, latestTagChanges(tagChanges)) : fields.tags, tagChanges,
    fields, line: undefined,
  };
}

/** A line read from its bytes (case-line-bytes.ts): its id and customer decoded, the rest as the scanner found it. */
function scannedDigestOf(line: ScannedLine, id: string, customer: string, amount: number | undefined, text: LineText, start: number, end: number): CaseDigest {
  const { intents, furthest, tagChanges } = line;
  const replies = line.replies.length === 0 ? NO_REPLIES : line.replies.slice();
  const uses = line.uses.length === 0 ? NO_USES : line.uses.slice();
  const tags = line.tags.length === 0 ? NO_TAGS : line.tags.slice();
  return {
    id, customer, source: line.source, outcome: line.outcome, amount, lossReason: line.lossReason,
    createdAt: undefined, created: line.created, closed: line.closed, updated: line.updated,
    intents, replies, uses, furthest,
    tags: tagChanges ? tagsAfterChanges(tags, latestTagChanges(tagChanges)) : tags, tagChanges,
    fields: undefined, line: { text, start, end },
  };
}

/** Whether copy `a` is the newer, as isNewerCopy decides over the copies' fields; those are read whole only for a tie. */
function isNewerDigest(a: CaseDigest, b: CaseDigest): boolean {
  const difference = a.updated - b.updated;
  if (difference !== 0) return difference > 0;
  return isNewerCopy(wholeFields(a), wholeFields(b));
}

function wholeFields(digest: CaseDigest): CaseFields {
  if (digest.fields) return digest.fields;
  const { text, start, end } = digest.line!;
  // A line in Closer's own form is what the schema accepts as it stands: JSON.parse gives the record.
  return JSON.parse(text.utf8(start, end)) as CaseFields;
}

/** Two copies of one case, as mergeCases would combine them: newest fields, timelines united, each changed tag as its latest change says. */
function mergeDigests(a: CaseDigest, b: CaseDigest): CaseDigest {
  const newer = isNewerDigest(a, b) ? a : b;
  const merged: CaseDigest = {
    ...newer,
    intents: a.intents | b.intents,
    ...mergeReplies(a, b),
    furthest: Math.max(a.furthest, b.furthest),
    tags: a.tags.length === 0 ? b.tags : b.tags.length === 0 ? a.tags : [...new Set([...a.tags, ...b.tags])],
    tagChanges: undefined,
  };
  if (!a.tagChanges && !b.tagChanges) return merged;
  const tagChanges = [...(a.tagChanges ?? []), ...(b.tagChanges ?? [])];
  return { ...merged, tags: tagsAfterChanges(merged.tags, latestTagChanges(tagChanges)), tagChanges };
}

function mergeReplies(a: CaseDigest, b: CaseDigest): Pick<CaseDigest, 'replies' | 'uses'> {
  const replies = [...a.replies];
  const uses = [...a.uses];
  b.replies.forEach((reply, at) => {
    let index = replies.indexOf(reply);
    if (index < 0) index = replies.push(reply) - 1;
    uses[index] = (uses[index] ?? 0) | b.uses[at]!;
  });
  return { replies, uses };
}

/**
 * Figures over cases added one at a time. Only a digest of each case is kept, so a year of
 * cases read from files is counted without holding every timeline in memory; a case added
 * twice counts once, exactly as if the cases had gone through mergeCases first.
 */
export class CaseReportBuilder {
  private readonly digests = new Map<string, CaseDigest>();
  private readonly sourceTags: ReadonlySet<string>;

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
    this.addDigest(digestOf(fields, timeline, times));
  }

  /**
   * One case as the byte scanner read its line (case-line-bytes.ts), with its id, customer and
   * amount decoded; `text` and the offsets give the line again, should its copies tie.
   */
  addScanned(line: ScannedLine, id: string, customer: string, amount: number | undefined, text: LineText, start: number, end: number): void {
    this.addDigest(scannedDigestOf(line, id, customer, amount, text, start, end));
  }

  private addDigest(digest: CaseDigest): void {
    const earlier = this.digests.get(digest.id);
    this.digests.set(digest.id, earlier ? mergeDigests(earlier, digest) : digest);
  }

  get size(): number {
    return this.digests.size;
  }

  report(): CaseReport {
    return reportOf(this.digests.values(), this.sourceTags);
  }
}

/** The figures over a set of cases (the same case twice counts once, its copies merged). */
export function caseReport(cases: Iterable<Case>, options: ReportOptions = {}): CaseReport {
  const builder = new CaseReportBuilder(options);
  for (const record of cases) builder.add(record);
  return builder.report();
}

function reportOf(digests: Iterable<CaseDigest>, sourceTags: ReadonlySet<string>): CaseReport {
  const byTags = new TagFigures(sourceTags);
  const intents = new Map<Intent, Tally>();
  const replies = new Map<string, Tally>();
  const adaptedUse = new Map<string, Tally>();
  const verbatimUse = new Map<string, Tally>();
  const steps = new Map<GoldenStep | 'none', Tally>();
  const reasons = new Map<string, number>();
  const durations = { won: [] as number[], lost: [] as number[] };
  let cases = 0;
  let won = 0;
  let lost = 0;
  let amountWon = 0;
  let from: string | null = null;
  let to: string | null = null;
  let fromTime = Infinity;
  let toTime = -Infinity;
  let leftOut = 0;

  for (const record of digests) {
    const { intents: seenIntents, replies: seenReplies, uses, furthest, tags } = record;
    cases++;
    byTags.addCase(record.id, record.customer, tags, record.source, record.outcome);
    const created = record.created;
    if (created < fromTime) [fromTime, from] = [created, record.createdAt ?? new Date(created).toISOString()];
    if (created > toTime) [toTime, to] = [created, record.createdAt ?? new Date(created).toISOString()];
    if (record.outcome === 'open') continue;
    const win = record.outcome === 'won';
    if (win) {
      won++;
      amountWon += record.amount ?? 0;
    } else {
      lost++;
      const reason = record.lossReason ?? 'other';
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    for (let bit = 0; bit < INTENTS.length; bit++) if (seenIntents & (1 << bit)) count(intents, INTENTS[bit]!, win);
    seenReplies.forEach((reply, index) => {
      count(replies, reply, win);
      if (uses[index]! & ADAPTED) count(adaptedUse, reply, win);
      if (uses[index]! & VERBATIM) count(verbatimUse, reply, win);
    });
    count(steps, furthest < 0 ? 'none' : GOLDEN_STEPS[furthest]!, win);
    if (hasSuspectTimes(record.outcome, record)) {
      leftOut++;
      continue;
    }
    const closed = record.closed - created;
    if (Number.isFinite(closed) && closed >= 0) durations[win ? 'won' : 'lost'].push(closed);
  }

  return {
    totals: { cases, won, lost, open: cases - won - lost, winRate: wilsonRate(won, won + lost), amountWon, from, to },
    byIntent: INTENTS.filter((intent) => intents.has(intent)).map((intent) => ({ intent, ...rateOf(intents.get(intent)!) })),
    byReply: [...replies.entries()]
      .map(([reply, tally]) => ({ reply, ...rateOf(tally), adapted: rateOf(adaptedUse.get(reply) ?? NONE), verbatim: rateOf(verbatimUse.get(reply) ?? NONE) }))
      .sort((a, b) => b.cases - a.cases || b.low - a.low || (a.reply < b.reply ? -1 : 1)),
    byStep: (['none', ...GOLDEN_STEPS] as const).filter((step) => steps.has(step)).map((step) => ({ step, ...rateOf(steps.get(step)!) })),
    lossReasons: [...reasons.entries()]
      .map(([reason, n]) => ({ reason, cases: n, share: n / lost }))
      .sort((a, b) => b.cases - a.cases || (a.reason < b.reason ? -1 : 1)),
    timeToClose: { won: durationOf(durations.won), lost: durationOf(durations.lost), leftOut },
    byTag: byTags.byTag(),
    bySource: byTags.bySource(),
  };
}

interface Tally {
  cases: number;
  wins: number;
}
const NONE: Tally = { cases: 0, wins: 0 };

function count<K>(tallies: Map<K, Tally>, key: K, win: boolean): void {
  let tally = tallies.get(key);
  if (!tally) tallies.set(key, (tally = { cases: 0, wins: 0 }));
  tally.cases++;
  if (win) tally.wins++;
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
