import * as vscode from 'vscode';
import { buildBundle, bundleText, formatDiagnostic, hasErrors, repliesOf } from '@closer/shared';
import { baseCorpus } from './base-corpus.ts';
import type { Ctx } from './ctx.ts';
import type { TryResult } from './preview/preview-model.ts';
import { promoteToStoryCommand, reviewCases, reviewTeamCases, setTeamPassword } from './review/commands.ts';

type Cmd = (...args: unknown[]) => unknown;

/** Show the preview of the active playbook beside it. */
export function showPreview(ctx: Ctx): Cmd {
  return async () => {
    await ctx.workspace.load();
    ctx.preview.show(vscode.window.activeTextEditor?.document);
  };
}

/**
 * "Try a customer message": what the engine makes of it (intent, evidence, step, replies with
 * scores and their lines), shown in the preview. Returns the result, so tests and other
 * extensions can call it with the message as argument.
 */
export function tryMessage(ctx: Ctx): Cmd {
  return async (given?: unknown): Promise<TryResult | undefined> => {
    const message =
      typeof given === 'string'
        ? given
        : await vscode.window.showInputBox({ title: vscode.l10n.t('Try a customer message'), prompt: vscode.l10n.t('What might the customer say?'), ignoreFocusOut: true });
    if (!message?.trim()) return undefined;
    await ctx.workspace.refresh();
    ctx.preview.show(undefined);
    return ctx.preview.try(message);
  };
}

/**
 * Build the bundle the browser extension imports. Refuses while any playbook has errors and
 * says where it wrote. Returns the written file's URI (undefined when refused).
 */
export function buildBundleCommand(ctx: Ctx): Cmd {
  return async (): Promise<vscode.Uri | undefined> => {
    const result = await ctx.workspace.refresh();
    if (hasErrors(result.diagnostics)) {
      const first = result.diagnostics.find((d) => d.severity === 'error')!;
      void vscode.commands.executeCommand('workbench.actions.view.problems');
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Closer: no bundle built, {0} errors to fix first. The first: {1}', result.errors, formatDiagnostic(first)),
      );
      return undefined;
    }
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Closer: open a folder with playbooks to build a bundle.'));
      return undefined;
    }
    const bundle = buildBundle(ctx.workspace.parsed(), { base: baseCorpus() });
    const relative = vscode.workspace.getConfiguration('closer').get<string>('bundlePath') || 'bundle.json';
    const target = vscode.Uri.joinPath(folder.uri, relative);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(bundleText(bundle)));
    const replies = bundle.playbooks.reduce((sum, entry) => sum + repliesOf(entry.playbook).length, 0);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Closer: wrote the bundle ({0} playbooks, {1} replies) to {2}', bundle.playbooks.length, replies, target.fsPath),
    );
    return target;
  };
}

/** Every command, registered from this one map. */
export const COMMANDS: Record<string, (ctx: Ctx) => Cmd> = {
  'closer.showPreview': showPreview,
  'closer.tryMessage': tryMessage,
  'closer.buildBundle': buildBundleCommand,
  'closer.reviewCases': reviewCases,
  'closer.promoteToStory': promoteToStoryCommand,
  'closer.reviewTeamCases': reviewTeamCases,
  'closer.setTeamPassword': setTeamPassword,
};
