import * as vscode from 'vscode';
import type { LintResult, PlaybookWorkspace } from './playbook-workspace.ts';

/** The number of playbooks and problems; a click opens the Problems panel. */
export function statusBar(workspace: PlaybookWorkspace): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('closer.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Closer';
  item.command = 'workbench.actions.view.problems';
  const show = (result: LintResult) => {
    const playbooks = result.playbooks === 1 ? vscode.l10n.t('1 playbook') : vscode.l10n.t('{0} playbooks', result.playbooks);
    item.text = `$(book) ${playbooks}  $(error) ${result.errors}  $(warning) ${result.warnings}`;
    item.tooltip = vscode.l10n.t('Closer: {0} playbooks, {1} errors, {2} warnings', result.playbooks, result.errors, result.warnings);
    item.show();
  };
  show(workspace.lastResult);
  return vscode.Disposable.from(item, workspace.onDidLint(show));
}
