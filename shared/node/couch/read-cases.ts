// Reading the cases of a CouchDB database for `closer report --couch` and `closer cases pull`:
// the core reads the documents (visitCaseDatabase), this file brings the HTTP and the credentials.
import { CaseDatabaseError, CaseReportBuilder, visitCaseDatabase, type Case, type CaseDatabaseRead, type CaseReport } from '../../src/index.ts';
import { couchClient, CouchError, type Credentials } from './http.ts';

/**
 * Credentials from the options, else from CLOSER_COUCH_USER and CLOSER_COUCH_PASSWORD, else none
 * (then those in the URL, if any, are used).
 */
export function couchCredentials(values: { user?: string; password?: string }, env: Record<string, string | undefined>): Credentials | undefined {
  const user = values.user ?? env.CLOSER_COUCH_USER;
  const password = values.password ?? env.CLOSER_COUCH_PASSWORD;
  if (user === undefined && password === undefined) return undefined;
  if (user === undefined) throw new CouchError('a password was given without a user name: give --user (or set CLOSER_COUCH_USER)');
  if (password === undefined) throw new CouchError(`no password for "${user}": give --password (or set CLOSER_COUCH_PASSWORD)`);
  return { user, password };
}

export interface DatabaseCases extends CaseDatabaseRead {
  /** The database's name (the last part of the URL). */
  database: string;
}

/** Hands every case of the database at `url` to `visit`; a document that is not a case is a problem, not a failure. */
export async function visitCouchCases(url: string, credentials: Credentials | undefined, options: { reasons?: readonly string[] }, visit: (record: Case) => void): Promise<DatabaseCases> {
  const couch = couchClient(url, credentials);
  const database = decodeURIComponent(new URL(couch.url).pathname.split('/').filter(Boolean).pop() ?? '');
  if (database === '') throw new CouchError(`${couch.url} names the server but no database; add the database to the URL, e.g. ${couch.url}/closer-team`);
  const { status, body } = await couch.request('GET', '', { allow: [404] });
  if (status === 404) throw new CouchError(`there is no database "${database}" at ${couch.url} (404); is the name right? (closer team setup makes closer-team)`, 404);
  if (typeof (body as { db_name?: unknown })?.db_name !== 'string') {
    throw new CouchError(`${couch.url} answered, but not as a CouchDB database does (no db_name); is the URL right?`);
  }
  try {
    const read = await visitCaseDatabase(async (path) => (await couch.request('GET', path)).body, { database, reasons: options.reasons }, visit);
    return { database, ...read };
  } catch (error) {
    if (error instanceof CaseDatabaseError) throw new CouchError(`${couch.url}: ${error.message}`);
    throw error;
  }
}

/** The figures over the database's cases, keeping only a digest of each (as the file reader does). */
export async function reportCouchCases(url: string, credentials: Credentials | undefined, options: { reasons?: readonly string[] }): Promise<DatabaseCases & { cases: number; report: CaseReport }> {
  const builder = new CaseReportBuilder();
  const read = await visitCouchCases(url, credentials, options, (record) => builder.add(record));
  return { ...read, cases: builder.size, report: builder.report() };
}
