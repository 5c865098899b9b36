// Reading case files (JSON Lines) from disk for `closer report` and `closer build --cases`.
// Folders are searched for *.jsonl; every file is read, bad lines are reported, and all the
// cases are merged (the same case in several files counts once, newest copy first).
import { isAscii, isUtf8 } from 'node:buffer';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { CASE_SUFFIXES, NOT_UTF8 } from './case-file-text.ts';
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

export { CASE_SUFFIXES } from './case-file-text.ts';

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
  /** How many bytes the report reads of a file at a time (a megabyte; tests use a few). */
  stretch?: number;
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
 * (report-bytes.ts), the others by the full reader (report-lines.ts), a stretch of each file at
 * a time. Two copies of a case changed at the same instant are compared whole: the older one's
 * line is then read again from its file.
 */
export async function reportCaseFiles(paths: readonly string[], options: CaseFileOptions = {}): Promise<{ files: string[]; cases: number; report: CaseReport; problems: CaseProblem[]; drillResults: number }> {
  const cwd = options.cwd ?? process.cwd();
  const files = await findCaseFiles(paths.map((given) => path.resolve(cwd, given)));
  // A file found not to be UTF-8 after some of its lines were counted is skipped whole, as if it
  // had been checked first: everything is read again without it (rare, and simpler than undoing).
  const notUtf8 = new Set<string>();
  for (;;) {
    const read = await reportFiles(files, cwd, options, notUtf8);
    if (read) return { files, ...read };
  }
}

const STRETCH = 1 << 20;

async function reportFiles(files: readonly string[], cwd: string, options: CaseFileOptions, notUtf8: Set<string>): Promise<{ cases: number; report: CaseReport; problems: CaseProblem[]; drillResults: number } | undefined> {
  const builder = new CaseReportBuilder();
  const reading: Reading = { builder, bytesReader: new ReportBytesReader(builder, options.reasons), texts: new FileTexts(), buffer: Buffer.allocUnsafe(options.stretch ?? STRETCH), reasons: options.reasons };
  const problems: CaseProblem[] = [];
  let drillResults = 0;
  try {
    for (const file of files) {
      const relative = path.relative(cwd, file);
      const name = relative === '' || relative.startsWith('..') ? file : relative;
      const read = notUtf8.has(file) ? 'not UTF-8' : await reportFile(file, name, reading);
      if (read === 'not UTF-8 after lines were counted') {
        notUtf8.add(file);
        return undefined;
      }
      if (read === 'not UTF-8') {
        problems.push({ file: name, line: 1, severity: 'error', message: NOT_UTF8 });
      } else if (read) {
        problems.push(...read.problems);
        drillResults += read.drillResults;
      }
    }
    return { cases: builder.size, report: builder.report(), problems, drillResults };
  } finally {
    reading.texts.close();
  }
}

interface Reading {
  builder: CaseReportBuilder;
  bytesReader: ReportBytesReader;
  texts: FileTexts;
  /** Reused from file to file, and grown for a line longer than it. */
  buffer: Buffer;
  reasons: readonly string[] | undefined;
}

/** One file into the builder, a stretch at a time: the full reader's problems and drill count (undefined: it was never needed), or why it is not read. */
async function reportFile(file: string, name: string, reading: Reading): Promise<CaseLinesReader | undefined | 'not UTF-8' | 'not UTF-8 after lines were counted'> {
  const descriptor = openSync(file, 'r');
  let full: CaseLinesReader | undefined;
  let read: CaseFileBytes | undefined;
  let filled = 0;
  let offset = 0;
  try {
    for (;;) {
      if (filled === reading.buffer.length) reading.buffer = Buffer.concat([reading.buffer, Buffer.allocUnsafe(reading.buffer.length)]);
      const buffer = reading.buffer;
      const got = readSync(descriptor, buffer, filled, buffer.length - filled, null);
      filled += got;
      const final = got === 0;
      // Whole lines only, but for the file's last stretch: a UTF-8 character never spans a line end.
      const end = final ? filled : buffer.lastIndexOf(0x0a, filled - 1) + 1;
      if (end === 0 && !final) continue;
      if (!isUtf8(buffer.subarray(0, end))) return read ? 'not UTF-8 after lines were counted' : 'not UTF-8';
      const text = lineText(buffer);
      if (read) read.refill(buffer, text, end, final, offset);
      else read = new CaseFileBytes(buffer, text, reading.texts.of(file), end, final);
      while (reading.bytesReader.readUntilFull(read)) {
        full ??= new (await import('../src/cases/report-lines.ts')).CaseLinesReader(name, { reasons: reading.reasons }, reading.builder);
        full.add(buffer.toString('utf8', read.lineStart, read.lineEnd), read.line);
      }
      if (final) return full;
      // The bytes after the last line end start the next stretch.
      buffer.copyWithin(0, end, filled);
      filled -= end;
      offset += end;
    }
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Files' text between two file offsets, read again from the files, for the older of two copies
 * that tie. A few files are kept open for it (a folder may hold thousands): with the same cases
 * in two files, every case ties.
 */
class FileTexts {
  private readonly open = new Map<string, number>();

  of(file: string): LineText {
    const read = (start: number, end: number) => {
      const bytes = Buffer.allocUnsafe(end - start);
      readSync(this.descriptor(file), bytes, 0, bytes.length, start);
      return bytes;
    };
    return { ascii: (start, end) => read(start, end).toString('latin1'), utf8: (start, end) => read(start, end).toString('utf8') };
  }

  private descriptor(file: string): number {
    let descriptor = this.open.get(file);
    if (descriptor === undefined) {
      if (this.open.size >= 16) {
        const [oldest, first] = this.open.entries().next().value!;
        closeSync(first);
        this.open.delete(oldest);
      }
      this.open.set(file, (descriptor = openSync(file, 'r')));
    }
    return descriptor;
  }

  close(): void {
    for (const descriptor of this.open.values()) closeSync(descriptor);
    this.open.clear();
  }
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

