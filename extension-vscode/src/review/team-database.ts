// Reading the team's CouchDB database for the case review: the core reads the documents
// (visitCaseDatabase, the same reader as `closer report --couch`), this file brings fetch, the
// credentials and the failures in the reader's language.
import * as vscode from 'vscode';
import { CaseDatabaseError, formatCaseDocumentProblem, mergeCases, visitCaseDatabase, type Case } from '@closer/shared';

/** A failure the user can act on; the message says what to do. */
export class TeamDatabaseError extends Error {}

export interface TeamCases {
  /** The database's URL without credentials, for the dashboard and messages. */
  url: string;
  database: string;
  cases: Case[];
  problems: string[];
}

const TIME_LIMIT_MS = 30_000;

/** Every case of the database at `url` (copies of one case merged, as for files), with its bad documents named. */
export async function loadTeamDatabase(url: string, credentials: { user: string; password: string } | undefined, reasons: readonly string[]): Promise<TeamCases> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TeamDatabaseError(vscode.l10n.t('"{0}" is not a URL; closer.team.url is the team database, e.g. https://couch.example.com/closer-team', url));
  }
  // Credentials written into the URL are taken from it: fetch refuses a URL that carries them.
  const auth = credentials ?? (parsed.username ? { user: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) } : undefined);
  parsed.username = '';
  parsed.password = '';
  const base = parsed.href.replace(/\/+$/, '');
  const database = decodeURIComponent(parsed.pathname.split('/').filter(Boolean).pop() ?? '');
  if (database === '') throw new TeamDatabaseError(vscode.l10n.t('{0} names the server but no database; add the database to the URL, e.g. {0}/closer-team', base));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;

  const get = async (path: string): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(base + path, { headers, signal: AbortSignal.timeout(TIME_LIMIT_MS) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new TeamDatabaseError(vscode.l10n.t('cannot reach the team database at {0} ({1}); is the server running and the URL right?', base, cause?.code ?? cause?.message ?? (error as Error).message));
    }
    const text = await response.text().catch(() => '');
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      if (response.ok) throw new TeamDatabaseError(vscode.l10n.t('the server at {0} did not answer with JSON; is it a CouchDB server?', base));
    }
    if (response.ok) return body;
    const reason = typeof (body as { reason?: unknown })?.reason === 'string' ? (body as { reason: string }).reason : text.slice(0, 120);
    if (response.status === 401) {
      throw new TeamDatabaseError(auth
        ? vscode.l10n.t('the team database at {0} refused the user name or password of "{1}" (401); set the password with "Closer: Set team database password"', base, auth.user)
        : vscode.l10n.t('the team database at {0} wants a user name and password (401); set closer.team.user and "Closer: Set team database password"', base));
    }
    if (response.status === 403) throw new TeamDatabaseError(vscode.l10n.t('"{0}" may not read {1} (403 forbidden: {2}); only leads read the team database', auth?.user ?? '', base, reason));
    if (response.status === 404) throw new TeamDatabaseError(vscode.l10n.t('there is no database at {0} (404); check closer.team.url', base));
    throw new TeamDatabaseError(vscode.l10n.t('the team database at {0} failed with {1}: {2}', base, `${response.status} ${response.statusText}`, reason));
  };

  const cases: Case[] = [];
  try {
    const read = await visitCaseDatabase(get, { database, reasons }, (record) => cases.push(record));
    return { url: base, database, cases: mergeCases(cases), problems: read.problems.map(formatCaseDocumentProblem) };
  } catch (error) {
    if (error instanceof CaseDatabaseError) throw new TeamDatabaseError(`${base}: ${error.message}`);
    throw error;
  }
}
