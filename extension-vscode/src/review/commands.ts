// The case-review commands, as factories for the extension's one command map.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx.ts';
import type { CaseFilter } from '@closer/shared';
import type { DashboardModel } from './dashboard-model.ts';
import type { PromotedStory } from './promote-story.ts';
import { CaseReview } from './review-panel.ts';
import { loadTeamDatabase, TeamDatabaseError } from './team-database.ts';
import { LOSS_REASONS } from '@closer/shared';

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
    // With a team database set up, the lead picks between it and case files.
    if (uris.length === 0 && teamSettings().url) {
      const source = await vscode.window.showQuickPick(
        [{ label: vscode.l10n.t('The team database {0}', teamSettings().url), team: true }, { label: vscode.l10n.t('Case files (JSON Lines)…'), team: false }],
        { title: vscode.l10n.t('Review cases from') },
      );
      if (!source) return undefined;
      if (source.team) return (await reviewTeamCases(ctx)()) as DashboardModel | undefined;
    }
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

function teamSettings(): { url: string; user: string } {
  const settings = vscode.workspace.getConfiguration('closer.team');
  return { url: (settings.get<string>('url') ?? '').trim(), user: (settings.get<string>('user') ?? '').trim() };
}

/** The secret's key names the user and the server, so a password never goes to another server than its own. */
function passwordKey(url: string, user: string): string {
  let origin = url;
  try {
    origin = new URL(url).origin;
  } catch {
    // Not a URL: the review says so when it reads it.
  }
  return `closer.team.password:${user}@${origin}`;
}

/**
 * "Closer: Set team database password": asks for the password of closer.team.user (or takes it
 * as the argument, for tests) and keeps it in VS Code's secret storage; an empty one removes it.
 */
export function setTeamPassword(ctx: Ctx): Cmd {
  return async (given?: unknown): Promise<boolean> => {
    const { url, user } = teamSettings();
    if (!url || !user) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Closer: set closer.team.url and closer.team.user first.'));
      return false;
    }
    const password = typeof given === 'string' ? given : await vscode.window.showInputBox({ title: vscode.l10n.t('Team database password for {0}', user), password: true, ignoreFocusOut: true });
    if (password === undefined) return false;
    if (password === '') await ctx.secrets.delete(passwordKey(url, user));
    else await ctx.secrets.store(passwordKey(url, user), password);
    if (typeof given !== 'string') void vscode.window.showInformationMessage(vscode.l10n.t('Closer: the team database password is kept in VS Code\'s secret storage.'));
    return true;
  };
}

/**
 * "Closer: Review cases from the team database": reads the database of closer.team.url as
 * closer.team.user, with the password from the secret storage, into the same dashboard as files.
 */
export function reviewTeamCases(ctx: Ctx): Cmd {
  return async (): Promise<DashboardModel | undefined> => {
    const { url, user } = teamSettings();
    if (!url) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Closer: set closer.team.url to the team database (e.g. https://couch.example.com/closer-team) first.'));
      return undefined;
    }
    const password = user ? await ctx.secrets.get(passwordKey(url, user)) : undefined;
    const reasons = [...LOSS_REASONS, ...(vscode.workspace.getConfiguration('closer').get<string[]>('lossReasons') ?? [])];
    try {
      const team = await loadTeamDatabase(url, user && password !== undefined ? { user, password } : undefined, reasons);
      const model = caseReview(ctx).openDatabase(team);
      if (team.problems.length > 0) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Closer: {0} problem(s) in the team database; the first: {1}', team.problems.length, team.problems[0]!));
      }
      return model;
    } catch (error) {
      if (!(error instanceof TeamDatabaseError)) throw error;
      void vscode.window.showErrorMessage(vscode.l10n.t('Closer: could not read the team database: {0}', error.message));
      throw error;
    }
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
