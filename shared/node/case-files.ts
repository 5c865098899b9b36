// Reading case files (JSON Lines) from disk for `closer report` and `closer build --cases`.
// Folders are searched for *.jsonl; every file is read, bad lines are reported, and all the
// cases are merged (the same case in several files counts once, newest copy first).
import { isUtf8 } from 'node:buffer';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { mergeCases, readCases, type Case, type CaseProblem } from '../src/index.ts';

export const CASE_SUFFIXES = ['.jsonl', '.ndjson'];

export interface LoadedCases {
  files: string[];
  cases: Case[];
  problems: CaseProblem[];
}

export async function findCaseFiles(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const given of paths) {
    const info = await stat(given);
    if (!info.isDirectory()) {
      found.push(given);
      continue;
    }
    const entries = await readdir(given, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (entry.isFile() && CASE_SUFFIXES.some((suffix) => entry.name.endsWith(suffix))) found.push(path.join(entry.parentPath, entry.name));
    }
  }
  return [...new Set(found)].sort();
}

export async function loadCaseFiles(paths: readonly string[], options: { cwd?: string; reasons?: readonly string[] } = {}): Promise<LoadedCases> {
  const cwd = options.cwd ?? process.cwd();
  const files = await findCaseFiles(paths.map((given) => path.resolve(cwd, given)));
  const lists: Case[][] = [];
  const problems: CaseProblem[] = [];
  for (const file of files) {
    const relative = path.relative(cwd, file);
    const name = relative === '' || relative.startsWith('..') ? file : relative;
    const bytes = await readFile(file);
    // isUtf8 checks a 100 MB file in milliseconds; a fatal TextDecoder takes half a second.
    if (!isUtf8(bytes)) {
      problems.push({ file: name, line: 1, severity: 'error', message: 'the file is not UTF-8 text; a case file is JSON Lines in UTF-8; the file is skipped' });
      continue;
    }
    const read = readCases(bytes.toString('utf8'), name, { reasons: options.reasons });
    lists.push(read.cases);
    problems.push(...read.problems);
  }
  return { files, cases: mergeCases(...lists), problems };
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
