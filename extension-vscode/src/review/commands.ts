// The case-review commands, as factories for the extension's one command map.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx.ts';
import type { CaseFilter } from '@closer/shared';
import type { DashboardModel } from './dashboard-model.ts';
import type { PromotedStory } from './promote-story.ts';
import { CaseReview } from './review-panel.ts';

type Cmd = (...args: unknown[]) => unknown;

const EXTENSION_ID = 'closer.closer-vscode';
let review: CaseReview | undefined;

/** The one review panel, made on first use (the extension's own URI locates its webview files). */
export function caseReview(ctx: Ctx): CaseReview {
  if (!review) {
    const extensionUri = vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri;
    if (!extensionUri) throw new Error(`extension ${EXTENSION_ID} is not installed`);
    review = new CaseReview(extensionUri, () => ctx.workspace.parsed());
  }
  return review;
}

function isUri(value: unknown): value is vscode.Uri {
  return value instanceof vscode.Uri;
}

/** A URI given as an argument: a Uri, or the plain form commands receive across processes. */
function asUri(value: unknown): vscode.Uri | undefined {
  if (isUri(value)) return value;
  if (value && typeof value === 'object' && typeof (value as { scheme?: unknown }).scheme === 'string' && typeof (value as { path?: unknown }).path === 'string') {
    return vscode.Uri.from(value as { scheme: string; path: string });
  }
  return undefined;
}

function asUris(value: unknown): vscode.Uri[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map(asUri).filter((uri): uri is vscode.Uri => uri !== undefined);
}

/**
 * "Closer: Review cases": opens case files or folders (given, e.g. from the explorer or a
 * test, or picked in a dialog) in the dashboard. Returns the dashboard's figures. Called with
 * `{ filter }` as the only argument, it filters the open dashboard as its controls do.
 */
export function reviewCases(ctx: Ctx): Cmd {
  return async (first?: unknown, selected?: unknown): Promise<DashboardModel | undefined> => {
    if (first && typeof first === 'object' && !Array.isArray(first) && !asUri(first) && 'filter' in first) {
      return caseReview(ctx).setFilter((first as { filter: CaseFilter }).filter ?? {});
    }
    // From the explorer, the second argument is every selected resource; from code, the first.
    let uris = Array.isArray(selected) && selected.length > 0 ? asUris(selected) : asUris(first);
    if (uris.length === 0) {
      uris = (await vscode.window.showOpenDialog({
        title: vscode.l10n.t('Review cases: choose case files (JSON Lines) or a folder of them'),
        canSelectFiles: true,
        canSelectFolders: true,
        canSelectMany: true,
        filters: { [vscode.l10n.t('Case files')]: ['jsonl', 'ndjson'] },
      })) ?? [];
    }
    if (uris.length === 0) return undefined;
    const model = await caseReview(ctx).open(uris);
    if (model.problems.length > 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Closer: {0} problem(s) in the case files; the first: {1}', model.problems.length, model.problems[0]!));
    }
    return model;
  };
}

/**
 * "Closer: Promote to story": a won case of the open review becomes a draft story in a
 * playbook. Arguments (both optional): the case id and the playbook's URI.
 */
export function promoteToStoryCommand(ctx: Ctx): Cmd {
  return async (id?: unknown, target?: unknown): Promise<PromotedStory | undefined> => {
    const panel = caseReview(ctx);
    let caseId = typeof id === 'string' ? id : undefined;
    if (!caseId) {
      const won = panel.model().cases.filter((row) => row.outcome === 'won');
      if (won.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Closer: open won cases with "Closer: Review cases" first.'));
        return undefined;
      }
      const picked = await vscode.window.showQuickPick(
        won.map((row) => ({ label: `${row.created.slice(0, 10)} ${row.customer || row.id.slice(0, 8)}`, description: [row.salesperson, row.product, row.amount ?? ''].join(' · '), detail: row.notes.slice(0, 120), id: row.id })),
        { title: vscode.l10n.t('Promote to story: which won case?'), ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true },
      );
      caseId = picked?.id;
    }
    if (!caseId) return undefined;
    try {
      return await panel.promote(caseId, asUri(target));
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Closer: could not promote the case: {0}', (error as Error).message));
      throw error;
    }
  };
}
