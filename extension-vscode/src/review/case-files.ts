// Reading case files (JSON Lines) through the workspace file system, so it works for local
// and remote workspaces alike. Folders are searched for *.jsonl; bad lines are reported.
import * as vscode from 'vscode';
import { LOSS_REASONS, mergeCases, readCases, type Case, type CaseProblem } from '@closer/shared';

export interface LoadedCases {
  files: vscode.Uri[];
  cases: Case[];
  problems: CaseProblem[];
  /** Drill result lines in the files, not counted as cases (nor as bad lines). */
  drillResults: number;
}

const CASE_FILE = /\.(jsonl|ndjson)$/;
const MAX_DEPTH = 6;

export async function loadCaseUris(uris: readonly vscode.Uri[]): Promise<LoadedCases> {
  const files: vscode.Uri[] = [];
  for (const uri of uris) await collect(uri, files, 0);
  const lists: Case[][] = [];
  const problems: CaseProblem[] = [];
  let drillResults = 0;
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
    drillResults += read.drillResults;
  }
  return { files, cases: mergeCases(...lists), problems, drillResults };
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
