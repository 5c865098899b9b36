import * as vscode from 'vscode';
import { COMMANDS } from './commands.ts';
import type { Ctx } from './ctx.ts';
import { completionProvider } from './language/completion.ts';
import { definitionProvider } from './language/definition.ts';
import { publishDiagnostics } from './language/diagnostics.ts';
import { hoverProvider } from './language/hover.ts';
import { PLAYBOOK_SELECTOR, PlaybookWorkspace } from './playbook-workspace.ts';
import { PlaybookPreview } from './preview/preview.ts';
import { quickFixProvider } from './language/quick-fixes.ts';
import { statusBar } from './status-bar.ts';
import { symbolProvider } from './language/symbols.ts';
import { highlightVariables } from './language/variable-highlight.ts';

/** What the extension hands to its tests (and to other extensions). */
export interface CloserApi {
  workspace: PlaybookWorkspace;
  preview: PlaybookPreview;
}

export async function activate(context: vscode.ExtensionContext): Promise<CloserApi> {
  const workspace = new PlaybookWorkspace();
  const preview = new PlaybookPreview(context.extensionUri, workspace);
  const ctx: Ctx = { workspace, preview, secrets: context.secrets };
  context.subscriptions.push(
    workspace,
    preview,
    publishDiagnostics(workspace),
    statusBar(workspace),
    highlightVariables(),
    vscode.languages.registerCompletionItemProvider(PLAYBOOK_SELECTOR, completionProvider(workspace), ' ', '{', '-', '['),
    vscode.languages.registerHoverProvider(PLAYBOOK_SELECTOR, hoverProvider(workspace)),
    vscode.languages.registerDocumentSymbolProvider(PLAYBOOK_SELECTOR, symbolProvider(workspace)),
    vscode.languages.registerDefinitionProvider(PLAYBOOK_SELECTOR, definitionProvider(workspace)),
    vscode.languages.registerCodeActionsProvider(PLAYBOOK_SELECTOR, quickFixProvider(), {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
    ...Object.entries(COMMANDS).map(([id, factory]) => vscode.commands.registerCommand(id, factory(ctx))),
  );
  await workspace.load();
  return { workspace, preview };
}

export function deactivate(): void {}
