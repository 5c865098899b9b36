// Reading case files (JSON Lines) through the workspace file system, so it works for local
// and remote workspaces alike. Folders are searched for *.jsonl; bad lines are reported.
import * as vscode from 'vscode';
import { LOSS_REASONS, mergeCases, readCases, readDrillResults, type Case, type CaseProblem, type DrillResult } from '@closer/shared';

export interface LoadedCases {
  files: vscode.Uri[];
  cases: Case[];
  problems: CaseProblem[];
  /** Drill results kept in the same files (the browser exports both together), read apart from the cases. */
  drills: DrillResult[];
}

const CASE_FILE = /\.(jsonl|ndjson)$/;
const MAX_DEPTH = 6;

export async function loadCaseUris(uris: readonly vscode.Uri[]): Promise<LoadedCases> {
  const files: vscode.Uri[] = [];
  for (const uri of uris) await collect(uri, files, 0);
  const lists: Case[][] = [];
  const problems: CaseProblem[] = [];
  const drills: DrillResult[] = [];
  // The team's own loss reasons (setting closer.lossReasons) are known, not warned about.
  const reasons = [...LOSS_REASONS, ...(vscode.workspace.getConfiguration('closer').get<string[]>('lossReasons') ?? [])];
  for (const file of files) {
    const name = vscode.workspace.asRelativePath(file, false);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(file));
    } catch (error) {
      const reason = error instanceof vscode.FileSystemError ? error.message : 'the file is not UTF-8 text; a case file is JSON Lines in UTF-8';
      problems.push({ file: name, line: 1, severity: 'error', message: `${reason}; the file is skipped` });
      continue;
    }
    const read = readCases(text, name, { reasons });
    lists.push(read.cases);
    problems.push(...read.problems);
    // Only a file with drill lines is read a second time, for them; a bad one is named like a bad case line.
    if (read.drillResults > 0) {
      const practice = readDrillResults(text);
      drills.push(...practice.results);
      for (const problem of practice.problems) {
        const [, line, message] = /^line (\d+): (.*)$/.exec(problem) ?? [];
        problems.push({ file: name, line: Number(line ?? 1), severity: 'error', message: `not a valid drill result: ${message ?? problem}; the line is skipped` });
      }
    }
  }
  return { files, cases: mergeCases(...lists), problems, drills };
}

async function collect(uri: vscode.Uri, into: vscode.Uri[], depth: number): Promise<void> {
  let type: vscode.FileType;
  try {
    type = (await vscode.workspace.fs.stat(uri)).type;
  } catch {
    into.push(uri); // Reading it will report that it cannot be read.
    return;
  }
  if (!(type & vscode.FileType.Directory)) {
    into.push(uri);
    return;
  }
  if (depth >= MAX_DEPTH) return;
  const entries = (await vscode.workspace.fs.readDirectory(uri)).sort(([a], [b]) => a.localeCompare(b));
  for (const [name, entryType] of entries) {
    const child = vscode.Uri.joinPath(uri, name);
    if (entryType & vscode.FileType.Directory) await collect(child, into, depth + 1);
    else if (CASE_FILE.test(name)) into.push(child);
  }
}
