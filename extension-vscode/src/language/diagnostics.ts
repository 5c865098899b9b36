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

/** Publish each lint's results as the Problems the author sees, for every playbook of the workspace. */
export function publishDiagnostics(workspace: PlaybookWorkspace): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('closer');
  let published = new Set<string>();
  const publish = (result: LintResult) => {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const parsed of workspace.parsed()) byFile.set(parsed.file, []);
    for (const diagnostic of result.diagnostics) byFile.get(diagnostic.file)?.push(toDiagnostic(diagnostic));
    const entries: [vscode.Uri, vscode.Diagnostic[] | undefined][] = [];
    const now = new Set<string>();
    for (const [file, diagnostics] of byFile) {
      const uri = workspace.uriOf(file);
      if (!uri) continue;
      entries.push([uri, diagnostics]);
      now.add(uri.toString());
    }
    // Playbooks that are gone lose their problems; everything goes to the editor in one update.
    for (const gone of published) if (!now.has(gone)) entries.push([vscode.Uri.parse(gone), undefined]);
    published = now;
    collection.set(entries);
  };
  return vscode.Disposable.from(collection, workspace.onDidLint(publish));
}
