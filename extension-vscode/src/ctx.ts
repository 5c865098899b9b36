import type * as vscode from 'vscode';
import type { PlaybookWorkspace } from './playbook-workspace.ts';
import type { PlaybookPreview } from './preview/preview.ts';

/** What every command factory is given: the playbooks of the workspace and the preview panel. */
export interface Ctx {
  workspace: PlaybookWorkspace;
  preview: PlaybookPreview;
  /** VS Code's secret storage: where the team database's password is kept, never in settings. */
  secrets: vscode.SecretStorage;
}
