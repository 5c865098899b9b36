// Reading decoded case lines for `closer report` without building the timelines' events: the
// lines the bytes reader (report-bytes.ts) leaves, and whole files for callers with text. A
// case's ten or so events are most of its line, and JSON.parse made a million objects of them
// over 100,000 cases that the figures read once and dropped, which the collector then had to
// sweep. Here a timeline in the form Closer writes (the event kinds the figures read, times as
// toISOString writes them) is checked by a pattern that accepts only what the case schema
// accepts, and read where it stands in the line; the rest of the line is parsed with an empty
// timeline in its place and checked as before (quick-check.ts). Any line this cannot take whole
// goes to the full reader (readCaseLine), which decides and explains, so the verdicts, the
// problems and the figures are those of visitCaseLines with builder.add: a test holds them to it
// over lines of every kind.
import { LOSS_REASONS } from './case-format.ts';
import type { Case } from './case.ts';
import { EVENT, TIME_LENGTH } from './case-line-pattern.ts';
import { caseLineProblems, DRILL_LINE, readCaseLine, type CaseProblem, type ReadOptions } from './jsonl.ts';
import { isCertainlyCase } from './quick-check.ts';
import { TimelineDigest, type CaseReportBuilder } from './report.ts';
import { caseTimes } from './suspect-times.ts';
import type { TagEvent } from './tag-changes.ts';

const TIMELINE = new RegExp(String.raw`\[(?:${EVENT}(?:,${EVENT})*)?\]`, 'y');
const TIMELINE_KEY = ',"timeline":';

/**
 * Adds every case of a file's lines (line 1 first) to `builder`, and returns the problems and how
 * many drill result lines were skipped: what visitCaseLines with builder.add would do.
 */
export function addCaseLines(lines: Iterable<string>, file: string, options: ReadOptions, builder: CaseReportBuilder): { problems: CaseProblem[]; drillResults: number } {
  const reader = new CaseLinesReader(file, options, builder);
  let lineNumber = 0;
  for (const raw of lines) reader.add(raw, ++lineNumber);
  return { problems: reader.problems, drillResults: reader.drillResults };
}

/** The same, a line at a time, for a caller that reads most lines itself (report-bytes.ts) and hands over the rest. */
export class CaseLinesReader {
  readonly problems: CaseProblem[] = [];
  drillResults = 0;
  private readonly reasons: ReadonlySet<string>;

  constructor(private readonly file: string, options: ReadOptions, private readonly builder: CaseReportBuilder) {
    this.reasons = new Set(options.reasons ?? LOSS_REASONS);
  }

  /** One line as it stands in the file (without its line end) and its number. */
  add(raw: string, lineNumber: number): void {
    const { file, builder, problems } = this;
    const line = raw.trim();
    if (line === '') return;
    const quick = quickCase(line);
    const result = quick ? quick.record : readCaseLine(line);
    if (result === DRILL_LINE) {
      this.drillResults++;
      return;
    }
    if (typeof result === 'string') {
      problems.push({ file, line: lineNumber, severity: 'error', message: result });
      return;
    }
    const times = caseTimes(result);
    problems.push(...caseLineProblems(result, file, lineNumber, this.reasons, times));
    if (quick) builder.addRead(result, quick.timeline, times);
    else builder.add(result, times);
  }
}

/** A line's case with an empty timeline, and what the figures read of its real one; undefined leaves the line to the full reader. */
function quickCase(line: string): { record: Case; timeline: TimelineDigest } | undefined {
  const key = line.indexOf(TIMELINE_KEY);
  // With an escape (\u…) a key can be spelt so that no search finds it: such lines are rare, and read in full.
  if (key === -1 || line.includes('\\u')) return undefined;
  const open = key + TIMELINE_KEY.length;
  TIMELINE.lastIndex = open;
  if (!TIMELINE.test(line)) return undefined;
  const close = TIMELINE.lastIndex;
  // A later "timeline" would be the one JSON.parse keeps (an earlier one it replaces, as it does the empty one put in).
  if (line.indexOf('"timeline":', close) !== -1) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(line.slice(0, open) + '[]' + line.slice(close));
  } catch {
    return undefined;
  }
  // The checked record has a timeline, so the empty one put in is its value: the line read whole
  // is the same record with the events the pattern took.
  if (!isCertainlyCase(data) || data.timeline.length !== 0) return undefined;
  return { record: data, timeline: timelineOf(line, open + 1, close - 1) };
}

// Where each value starts in an event the pattern took: after its kind, a time of fixed length.
const KIND_AT = '{"type":"'.length;
const AFTER_TIME = KIND_AT + '","at":"'.length + TIME_LENGTH;
const INTENT_AT = 'message'.length + AFTER_TIME + '","intent":"'.length;
const STEP_AT = 'step'.length + AFTER_TIME + '","step":"'.length;
const REPLY_AT = 'inserted'.length + AFTER_TIME + '","reply":"'.length;

/** What the figures read of the events between `from` and `to` in a line, found where each event stands. */
function timelineOf(line: string, from: number, to: number): TimelineDigest {
  const digest = new TimelineDigest();
  for (let at = from; at < to; ) {
    // An event ends at the first "}" after its start, except an adapted insert, whose own object closes first.
    let end = line.indexOf('}', at);
    switch (line.charCodeAt(at + KIND_AT)) {
      case 0x6d: // m: message or meeting
        if (line.startsWith('message', at + KIND_AT)) digest.message(line.slice(at + INTENT_AT, end - 1));
        break;
      case 0x73: // s: step, suggested or signal
        if (line.startsWith('step', at + KIND_AT)) digest.step(line.slice(at + STEP_AT, end - 1));
        break;
      case 0x69: { // i: inserted
        const replyEnd = line.indexOf('"', at + REPLY_AT);
        const adapted = line.charCodeAt(replyEnd + 1) === 0x2c; // a comma: "adapted" follows
        if (adapted) end = line.indexOf('}', end + 1);
        digest.inserted(ownId(line.slice(at + REPLY_AT, replyEnd)), adapted);
        break;
      }
      case 0x74: // t: tag, parsed on its own so the event is a copy that keeps nothing of the line
        digest.tag(JSON.parse(line.slice(at, end + 1)) as TagEvent);
        break;
    }
    at = end + 2; // past "}," to the next event
  }
  return digest;
}

// A reply id cut from a line may keep the whole line alive (V8 slices long strings), and the
// figures keep every case's reply ids: each id is kept once, as first met (bounded).
const ids = new Map<string, string>();
const REMEMBERED_IDS = 50_000;

function ownId(id: string): string {
  const known = ids.get(id);
  if (known !== undefined) return known;
  if (ids.size >= REMEMBERED_IDS) ids.clear();
  ids.set(id, id);
  return id;
}
