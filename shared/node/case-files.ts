// Reading case files (JSON Lines) from disk for `closer report` and `closer build --cases`.
// Folders are searched for *.jsonl; every file is read, bad lines are reported, and all the
// cases are merged (the same case in several files counts once, newest copy first).
import { isAscii, isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findFiles } from './find-files.ts';
// The case modules themselves, not the core's index: `closer report` then loads none of the
// playbook parser, search or pinyin at start-up, and the full reader (jsonl.ts, which builds the
// zod schema) only for a file with a line not in Closer's own form.
import type { Case } from '../src/cases/case.ts';
import type { CaseProblem } from '../src/cases/jsonl.ts';
import type { CaseLinesReader } from '../src/cases/report-lines.ts';
import type { LineText } from '../src/cases/case-line-bytes.ts';
import { CaseFileBytes, ReportBytesReader } from '../src/cases/report-bytes.ts';
import { CaseReportBuilder, type CaseReport } from '../src/cases/report.ts';

export const CASE_SUFFIXES = ['.jsonl', '.ndjson'];

export interface LoadedCases {
  files: string[];
  cases: Case[];
  problems: CaseProblem[];
  /** Drill result lines in the files, skipped: they are not cases. */
  drillResults: number;
}

export function findCaseFiles(paths: readonly string[]): Promise<string[]> {
  return findFiles(paths, CASE_SUFFIXES);
}

export interface CaseFileOptions {
  cwd?: string;
  reasons?: readonly string[];
}

/** Every case of the files (the same case in several files merged), with the problems found. */
export async function loadCaseFiles(paths: readonly string[], options: CaseFileOptions = {}): Promise<LoadedCases> {
  const [{ visitCaseLines }, { mergeCases }] = await Promise.all([import('../src/cases/jsonl.ts'), import('../src/cases/merge.ts')]);
  const cases: Case[] = [];
  const visit = (record: Case) => void cases.push(record);
  const { files, problems, drillResults } = await readCaseFiles(paths, options, (lines, name) => visitCaseLines(lines, name, { reasons: options.reasons }, visit));
  return { files, cases: mergeCases(cases), problems, drillResults };
}

/**
 * The figures over the files' cases, keeping only a digest of each case in memory and building
 * no timeline events: fast on 100,000 cases. Lines in Closer's own form are read from the bytes
 * (report-bytes.ts), the others by the full reader (report-lines.ts). The files' bytes are kept
 * until the figures are made: two copies of a case changed at the same instant are compared whole.
 */
export async function reportCaseFiles(paths: readonly string[], options: CaseFileOptions = {}): Promise<{ files: string[]; cases: number; report: CaseReport; problems: CaseProblem[]; drillResults: number }> {
  const builder = new CaseReportBuilder();
  const bytesReader = new ReportBytesReader(builder, options.reasons);
  const { files, problems, drillResults } = await readCaseFileBytes(paths, options, async (bytes, name) => {
    const file = new CaseFileBytes(bytes, lineText(bytes));
    let full: CaseLinesReader | undefined;
    while (bytesReader.readUntilFull(file)) {
      full ??= new (await import('../src/cases/report-lines.ts')).CaseLinesReader(name, { reasons: options.reasons }, builder);
      full.add(bytes.toString('utf8', file.lineStart, file.lineEnd), file.line);
    }
    return full ?? { problems: [], drillResults: 0 };
  });
  return { files, cases: builder.size, report: builder.report(), problems, drillResults };
}

/**
 * A file's text between two offsets. Buffer's own latin1Slice and utf8Slice, which toString
 * calls after checking its arguments: that checking was a fifth of the decoding's time, once a
 * line and twice a case.
 */
function lineText(bytes: Buffer): LineText {
  const slices = bytes as unknown as { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string };
  return { ascii: (start, end) => slices.latin1Slice(start, end), utf8: (start, end) => slices.utf8Slice(start, end) };
}

/** Reads each case file whole and hands its bytes, if they are UTF-8, to `read`. */
async function readCaseFileBytes(
  paths: readonly string[],
  options: CaseFileOptions,
  read: (bytes: Buffer, name: string) => Promise<{ problems: CaseProblem[]; drillResults: number }>,
): Promise<{ files: string[]; problems: CaseProblem[]; drillResults: number }> {
  const cwd = options.cwd ?? process.cwd();
  const files = await findCaseFiles(paths.map((given) => path.resolve(cwd, given)));
  const problems: CaseProblem[] = [];
  let drillResults = 0;
  for (const file of files) {
    const relative = path.relative(cwd, file);
    const name = relative === '' || relative.startsWith('..') ? file : relative;
    const bytes = readFileSync(file);
    if (!isUtf8(bytes)) {
      problems.push({ file: name, line: 1, severity: 'error', message: NOT_UTF8 });
      continue;
    }
    const found = await read(bytes, name);
    problems.push(...found.problems);
    drillResults += found.drillResults;
  }
  return { files, problems, drillResults };
}

const NOT_UTF8 = 'the file is not UTF-8 text; a case file is JSON Lines in UTF-8; the file is skipped';

/** Reads one file's lines: the problems found and the drill result lines skipped. */
type LinesReader = (lines: Iterable<string>, name: string) => { problems: CaseProblem[]; drillResults: number };

async function readCaseFiles(paths: readonly string[], options: CaseFileOptions, read: LinesReader): Promise<{ files: string[]; problems: CaseProblem[]; drillResults: number }> {
  const cwd = options.cwd ?? process.cwd();
  const files = await findCaseFiles(paths.map((given) => path.resolve(cwd, given)));
  const problems: CaseProblem[] = [];
  let drillResults = 0;
  for (const file of files) {
    const relative = path.relative(cwd, file);
    const name = relative === '' || relative.startsWith('..') ? file : relative;
    // Read in one go on this thread: the whole file is needed at once, and it is parsed right away.
    const bytes = readFileSync(file);
    const decoded = caseFileLines(bytes);
    if ('problem' in decoded) {
      problems.push({ file: name, line: 1, severity: 'error', message: decoded.problem });
      continue;
    }
    const found = read(decoded.lines, name);
    problems.push(...found.problems);
    drillResults += found.drillResults;
  }
  return { files, problems, drillResults };
}

/**
 * `closer build --cases FILE…`: the value after `--cases` (or `--cases=FILE`), and every case
 * file (*.jsonl) right after it, are case files; the rest are left for the command's own parser.
 */
export function takeCaseArgs(args: readonly string[]): { cases: string[]; rest: string[] } {
  const cases: string[] = [];
  const rest: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg.startsWith('--cases=')) {
      cases.push(arg.slice('--cases='.length));
    } else if (arg === '--cases') {
      if (index + 1 < args.length) cases.push(args[++index]!);
      else rest.push(arg);
      while (index + 1 < args.length && CASE_SUFFIXES.some((suffix) => args[index + 1]!.endsWith(suffix)) && !args[index + 1]!.startsWith('-')) cases.push(args[++index]!);
    } else {
      rest.push(arg);
    }
  }
  return { cases, rest };
}

/** A case file's lines, decoded one by one as they are read, or why it cannot be read as one. */
export function caseFileLines(bytes: Buffer): { lines: Iterable<string> } | { problem: string } {
  // isUtf8 checks a 100 MB file in milliseconds; a fatal TextDecoder takes half a second.
  if (!isUtf8(bytes)) return { problem: NOT_UTF8 };
  return { lines: linesOf(bytes) };
}

/**
 * The lines of a UTF-8 file, decoded one by one: an ASCII line becomes a one-byte string
 * (copied, not transcoded), which JSON.parse reads faster than the two-byte string a whole
 * file with some Chinese in it would become.
 */
function* linesOf(bytes: Buffer): Generator<string> {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let start = bom; start <= bytes.length; ) {
    let end = bytes.indexOf(10, start);
    if (end === -1) end = bytes.length;
    yield bytes.toString(isAscii(bytes.subarray(start, end)) ? 'latin1' : 'utf8', start, end);
    start = end + 1;
  }
}

