import * as vscode from 'vscode';
import type { Diagnostic, Range } from '@closer/shared';
import type { LintResult, PlaybookWorkspace } from '../playbook-workspace.ts';

/** The core's 1-based, end-exclusive range as a VS Code range (0-based). */
export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.line - 1, range.column - 1, range.endLine - 1, range.endColumn - 1);
}

export function toDiagnostic(diagnostic: Diagnostic): vscode.Diagnostic {
  const result = new vscode.Diagnostic(
    toRange(diagnostic),
    diagnostic.message,
    diagnostic.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  result.source = 'closer';
  result.code = diagnostic.rule;
  return result;
}

/**
 * Publish each lint's results as the Problems the author sees, for every playbook of the workspace.
 * Only files whose problems changed are sent: an edit changes one file's problems, and sending
 * every file's to the workbench at each keystroke costs more than the lint itself in a large
 * workspace (the workbench re-renders the Problems of each file it is sent).
 */
export function publishDiagnostics(workspace: PlaybookWorkspace): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('closer');
  /** What was last sent for each file, as a key of its core diagnostics. */
  let published = new Map<string, { uri: vscode.Uri; key: string }>();
  const publish = (result: LintResult) => {
    const byFile = new Map<string, Diagnostic[]>();
    for (const parsed of workspace.parsed()) byFile.set(parsed.file, []);
    for (const diagnostic of result.diagnostics) byFile.get(diagnostic.file)?.push(diagnostic);
    const entries: [vscode.Uri, vscode.Diagnostic[] | undefined][] = [];
    const now = new Map<string, { uri: vscode.Uri; key: string }>();
    for (const [file, diagnostics] of byFile) {
      const uri = workspace.uriOf(file);
      if (!uri) continue;
      const id = uri.toString();
      const key = JSON.stringify(diagnostics);
      now.set(id, { uri, key });
      if (published.get(id)?.key !== key) entries.push([uri, diagnostics.map(toDiagnostic)]);
    }
    // Playbooks that are gone lose their problems; the changes go to the editor in one update.
    for (const [id, { uri }] of published) if (!now.has(id)) entries.push([uri, undefined]);
    published = now;
    if (entries.length > 0) collection.set(entries);
    if (workspace.lastTrace && workspace.lastTrace.published === undefined) workspace.lastTrace.published = performance.now();
  };
  return vscode.Disposable.from(collection, workspace.onDidLint(publish));
}
