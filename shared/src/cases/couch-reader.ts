// Reading every case of a CouchDB database (the team's, or one user's) page by page. The caller
// brings the transport (`get`: fetch with its credentials and its own wording of HTTP errors), so
// the CLI and VS Code read a database the same way and show the same figures.
import type { Case } from './case.ts';
import { visitCaseDocuments, type CaseDocumentProblem } from './couch-documents.ts';
import type { ReadOptions } from './jsonl.ts';

/** GETs a path below the database's URL (e.g. `/_all_docs?…`) and resolves to the parsed JSON answer. */
export type CouchGet = (path: string) => Promise<unknown>;

/** The database answered, but not with what CouchDB answers. */
export class CaseDatabaseError extends Error {}

export interface CaseDatabaseRead {
  /** Documents read, design documents left aside; a conflicting revision counts as one more. */
  documents: number;
  problems: CaseDocumentProblem[];
  drillResults: number;
}

export interface CaseDatabaseOptions extends ReadOptions {
  /** The database's name, which problems are named by. */
  database: string;
  /** Documents per request (default 1,000). */
  pageSize?: number;
}

/**
 * Hands each case of the database to `visit`, in document id order. A document in conflict (two
 * browsers of one user edited the case offline) has every revision read: the copies are merged as
 * the same case in two files is, so nothing either browser recorded is lost from the figures.
 */
export async function visitCaseDatabase(get: CouchGet, options: CaseDatabaseOptions, visit: (record: Case) => void): Promise<CaseDatabaseRead> {
  const pageSize = options.pageSize ?? 1000;
  const read: CaseDatabaseRead = { documents: 0, problems: [], drillResults: 0 };
  let after: string | undefined;
  for (;;) {
    // After the first page, start at the last id read and skip it: both CouchDB and PouchDB page so.
    const from = after === undefined ? '' : `&startkey=${encodeURIComponent(JSON.stringify(after))}&skip=1`;
    const rows = rowsOf(await get(`/_all_docs?include_docs=true&conflicts=true&limit=${pageSize}${from}`));
    const documents: unknown[] = [];
    for (const row of rows) {
      if (row.id.startsWith('_design/')) continue;
      documents.push(row.doc);
      for (const rev of conflictsOf(row.doc)) documents.push(await get(`/${encodeURIComponent(row.id)}?rev=${encodeURIComponent(rev)}`));
    }
    read.documents += documents.length;
    const page = visitCaseDocuments(documents, options.database, options, visit);
    read.problems.push(...page.problems);
    read.drillResults += page.drillResults;
    if (rows.length < pageSize) return read;
    after = rows[rows.length - 1]!.id;
  }
}

function rowsOf(answer: unknown): { id: string; doc: unknown }[] {
  const rows = (answer as { rows?: unknown })?.rows;
  if (!Array.isArray(rows) || !rows.every((row) => typeof row?.id === 'string')) {
    throw new CaseDatabaseError('the server\'s answer to _all_docs has no list of rows; is the URL a CouchDB database?');
  }
  return rows as { id: string; doc: unknown }[];
}

function conflictsOf(document: unknown): string[] {
  const conflicts = (document as { _conflicts?: unknown })?._conflicts;
  return Array.isArray(conflicts) ? conflicts.filter((rev): rev is string => typeof rev === 'string') : [];
}
