// Case files are JSON Lines: one case a line. Reading never throws: a bad line becomes a
// problem naming its line, and every other line is still read.
import type { Case } from './case.ts';
import { caseLineProblems, DRILL_LINE, judgeCaseLine, reasonSet, SchemaQuestion, type CaseProblem, type ReadOptions } from './case-line.ts';
import { schemaVerdict } from './case-schema-verdict.ts';
import { caseTimes, type CaseTimes } from './suspect-times.ts';

export { caseLineProblems, DRILL_LINE, formatCaseProblem, type CaseProblem, type ReadOptions } from './case-line.ts';

export interface ReadCases {
  cases: Case[];
  problems: CaseProblem[];
  /** Lines that are drill results, kept in the same files as cases and skipped here (the drill reader reads them). */
  drillResults: number;
}

export function readCases(text: string, file: string, options: ReadOptions = {}): ReadCases {
  return readCaseLines(linesOf(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text), file, options);
}

/** The lines of a text, without splitting it all at once: case files can be 100 MB. */
function* linesOf(text: string): Generator<string> {
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    yield text.slice(start, end);
    start = end + 1;
  }
}

/**
 * Cases from lines given one by one (line 1 first), for callers that decode a file line by
 * line: the CLI turns each ASCII line into a one-byte string, which parses much faster.
 */
export function readCaseLines(lines: Iterable<string>, file: string, options: ReadOptions = {}): ReadCases {
  const cases: Case[] = [];
  const { problems, drillResults } = visitCaseLines(lines, file, options, (record) => cases.push(record));
  return { cases, problems, drillResults };
}

/**
 * Hands each good case to `visit` as its line is read, and returns the problems and how many
 * drill result lines were skipped. A caller that keeps only what it needs of each case (the
 * report does) holds far less in memory; it is also given the case's times, parsed once here.
 */
export function visitCaseLines(lines: Iterable<string>, file: string, options: ReadOptions, visit: (record: Case, times: CaseTimes) => void): { problems: CaseProblem[]; drillResults: number } {
  const reasons = reasonSet(options);
  const problems: CaseProblem[] = [];
  let drillResults = 0;
  let lineNumber = 0;
  for (const raw of lines) {
    lineNumber++;
    const line = raw.trim();
    if (line === '') continue;
    const result = readCaseLine(line);
    if (result === DRILL_LINE) {
      drillResults++;
      continue;
    }
    if (typeof result === 'string') {
      problems.push({ file, line: lineNumber, severity: 'error', message: result });
      continue;
    }
    const times = caseTimes(result);
    problems.push(...caseLineProblems(result, file, lineNumber, reasons, times));
    visit(result, times);
  }
  return { problems, drillResults };
}

/** One trimmed, non-empty line: a case, a drill result (not read here), or a message saying what is wrong with it. */
export function readCaseLine(line: string): Case | typeof DRILL_LINE | string {
  const judged = judgeCaseLine(line);
  return judged instanceof SchemaQuestion ? schemaVerdict(judged.data) : judged;
}

/**
 * Cases as JSON Lines text, one case a line, ending with a newline. Keys are written in the
 * schema's order whatever order the record was built in, so files diff cleanly and the readers'
 * check (own-form.ts) recognises the form it reads quickly.
 */
export function writeCases(cases: readonly Case[]): string {
  let text = '';
  for (const record of cases) text += JSON.stringify(inKeyOrder(record)) + '\n';
  return text;
}

const CASE_KEY_ORDER = ['version', 'id', 'conversation', 'salesperson', 'customer', 'product', 'amount', 'outcome', 'lossReason', 'notes', 'tags', 'lifecycle', 'source', 'followups', 'timeline', 'createdAt', 'updatedAt', 'closedAt'] as const;

function inKeyOrder(record: Case): Case {
  const ordered: Record<string, unknown> = {};
  for (const key of CASE_KEY_ORDER) ordered[key] = record[key];
  ordered.followups = record.followups.map(({ rule, due, state, at, until, ...rest }) => ({ rule, due, state, at, until, ...rest }));
  ordered.timeline = record.timeline.map(({ type, at, ...rest }) => ({ type, at, ...rest }));
  // A field this version does not know is kept (the schema would have refused it on reading).
  for (const key of Object.keys(record)) if (!(key in ordered)) ordered[key] = (record as Record<string, unknown>)[key];
  return ordered as Case;
}
