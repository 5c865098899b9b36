// Case files are JSON Lines: one case a line. Reading never throws: a bad line becomes a
// problem naming its line, and every other line is still read.
import { CASE_VERSION, CaseSchema, LOSS_REASONS, type Case } from './case.ts';
import { isCertainlyCase } from './quick-check.ts';

export interface CaseProblem {
  file: string;
  /** 1-based line in the file. */
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface ReadCases {
  cases: Case[];
  problems: CaseProblem[];
}

export interface ReadOptions {
  /** Loss reasons the team uses; an unknown one is a warning, and the case is kept. */
  reasons?: readonly string[];
}

/** `file:line: severity message`, the way the CLI and the extensions show a case file's problem. */
export function formatCaseProblem(problem: CaseProblem): string {
  return `${problem.file}:${problem.line}: ${problem.severity} ${problem.message}`;
}

export function readCases(text: string, file: string, options: ReadOptions = {}): ReadCases {
  const reasons = new Set(options.reasons ?? LOSS_REASONS);
  const cases: Case[] = [];
  const problems: CaseProblem[] = [];
  // Walk the text line by line without splitting it all at once: case files can be 100 MB.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let lineNumber = 0;
  for (let start = 0; start <= body.length; ) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    lineNumber++;
    const line = body.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    const result = readLine(line);
    if (typeof result === 'string') {
      problems.push({ file, line: lineNumber, severity: 'error', message: result });
      continue;
    }
    if (result.lossReason !== undefined && !reasons.has(result.lossReason)) {
      problems.push({
        file, line: lineNumber, severity: 'warning',
        message: `loss reason "${result.lossReason}" is not in the team's list (${[...reasons].join(', ')}); the case is kept`,
      });
    }
    cases.push(result);
  }
  return { cases, problems };
}

/** One line: a case, or a message saying what is wrong with it. */
function readLine(line: string): Case | string {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (error) {
    return `not valid JSON (${(error as Error).message}); the line is skipped`;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'not a case: expected a JSON object; the line is skipped';
  if (isCertainlyCase(data)) return data;
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > CASE_VERSION) {
    return `case format version ${version} was written by a newer Closer; this one reads version ${CASE_VERSION}; the line is skipped`;
  }
  const parsed = CaseSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.map(String).join('.') || 'the top level';
  const id = typeof (data as { id?: unknown }).id === 'string' ? ` (case ${(data as { id: string }).id})` : '';
  return `not a valid case${id}: at ${where}: ${issue.message}; the line is skipped`;
}

/** Cases as JSON Lines text, one case a line, ending with a newline. */
export function writeCases(cases: readonly Case[]): string {
  let text = '';
  for (const record of cases) text += JSON.stringify(record) + '\n';
  return text;
}
