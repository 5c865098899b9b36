// One line of a case file judged without the case schema: most lines are decided by the own-form
// pattern or the quick check, and only the rest need zod (case-schema-verdict.ts). Kept apart
// from jsonl.ts so a reader that starts often (closer followups) loads zod only when a line needs it.
import { CASE_VERSION, LOSS_REASONS, upgradeCase } from './case-format.ts';
import type { Case } from './case.ts';
import { isInOwnForm } from './own-form.ts';
import { isCertainlyCase, isDrillResultLine } from './quick-check.ts';
import { caseTimes, suspectTimes, type CaseTimes } from './suspect-times.ts';

export interface CaseProblem {
  file: string;
  /** 1-based line in the file. */
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface ReadOptions {
  /** Loss reasons the team uses; an unknown one is a warning, and the case is kept. */
  reasons?: readonly string[];
}

/** `file:line: severity message`, the way the CLI and the extensions show a case file's problem. */
export function formatCaseProblem(problem: CaseProblem): string {
  return `${problem.file}:${problem.line}: ${problem.severity} ${problem.message}`;
}

export const DRILL_LINE = Symbol('drill result');

/** A line only the case schema can judge: its record, parsed and upgraded, for schemaVerdict. */
export class SchemaQuestion {
  constructor(readonly data: object) {}
}

/**
 * One trimmed, non-empty line: a case, a drill result (not read here), a message saying what is
 * wrong with it, or a question for the case schema.
 */
export function judgeCaseLine(line: string): Case | typeof DRILL_LINE | string | SchemaQuestion {
  if (isInOwnForm(line)) return JSON.parse(line) as Case;
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (error) {
    return `not valid JSON (${(error as Error).message}); the line is skipped`;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'not a case: expected a JSON object; the line is skipped';
  // A line written by an older Closer is read in the current version (nothing of it is lost).
  data = upgradeCase(data);
  if (isCertainlyCase(data)) return data;
  if (isDrillResultLine(data as object)) return DRILL_LINE;
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > CASE_VERSION) {
    return `case format version ${version} was written by a newer Closer; this one reads version ${CASE_VERSION}; the line is skipped`;
  }
  return new SchemaQuestion(data as object);
}

/** The team's loss reasons as a set, the defaults when none are given. */
export function reasonSet(options: ReadOptions): ReadonlySet<string> {
  return new Set(options.reasons ?? LOSS_REASONS);
}

/**
 * The warnings about a good case: a loss reason the team does not use, times it cannot have.
 * `times` are the case's own, when the caller parsed them already.
 */
export function caseLineProblems(record: Case, file: string, line: number, reasons: ReadonlySet<string>, times: CaseTimes = caseTimes(record)): CaseProblem[] {
  const problems: CaseProblem[] = [];
  if (record.lossReason !== undefined && !reasons.has(record.lossReason)) {
    problems.push({
      file, line, severity: 'warning',
      message: `loss reason "${record.lossReason}" is not in the team's list (${[...reasons].join(', ')}); the case is kept`,
    });
  }
  const suspect = suspectTimes(record, times);
  if (suspect !== undefined) {
    problems.push({ file, line, severity: 'warning', message: `case "${record.id}" looks wrong: ${suspect}; it is counted, but left out of the time to close` });
  }
  return problems;
}
