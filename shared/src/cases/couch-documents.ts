// Cases in a CouchDB database: one document per case, whose `_id` is the case id and whose other
// fields are the case record as in JSON Lines (`id` included, equal to `_id`). The browser's
// worker writes them, the team's server replicates them, and the CLI and VS Code read them; this
// file is the one place that says how a document and a case correspond.
import type { Case } from './case.ts';
import { visitCaseLines, type ReadOptions } from './jsonl.ts';

/**
 * The database of one user, named as CouchDB's couch_peruser names it: `userdb-` and the hex of
 * the user name's UTF-8 bytes, so a name in any script gives a valid database name.
 */
export function userDatabaseName(user: string): string {
  let hex = '';
  for (const byte of utf8Bytes(user)) hex += byte.toString(16).padStart(2, '0');
  return `userdb-${hex}`;
}

// The core has no TextEncoder (it is a DOM and Node global, not ECMAScript); UTF-8 is short to write.
function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return bytes;
}

/** A case as the document that stores it (without `_rev`, which the store adds). */
export function caseDocument(record: Case): Case & { _id: string } {
  return { _id: record.id, ...record };
}

/** A document of a case database that is not a valid case, named by its id. */
export interface CaseDocumentProblem {
  database: string;
  /** The document's `_id`. */
  document: string;
  severity: 'error' | 'warning';
  message: string;
}

/** `database/id: severity message`, the way the CLI and VS Code show a document's problem. */
export function formatCaseDocumentProblem(problem: CaseDocumentProblem): string {
  return `${problem.database}/${problem.document}: ${problem.severity} ${problem.message}`;
}

/**
 * The case record stored in a document, as one JSON Lines line, or what is wrong with it.
 * CouchDB's own fields (`_id`, `_rev`, `_conflicts`, …) are not part of the record.
 */
export function caseLineOfDocument(document: unknown): string | { error: string } {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return { error: 'not a case: expected a JSON object; the document is skipped' };
  const id = (document as { _id?: unknown })._id;
  const record: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(document)) if (!key.startsWith('_')) record[key] = value;
  if (record.id === undefined && typeof id === 'string') {
    const { id: _absent, ...fields } = record;
    return JSON.stringify({ id, ...fields });
  }
  if (typeof id === 'string' && record.id !== id) return { error: `its "id" field (${JSON.stringify(record.id)}) is not its document id; a case's document id is the case id; the document is skipped` };
  return JSON.stringify(record);
}

/**
 * Reads documents as the JSON Lines reader reads lines, so a case is accepted, upgraded from an
 * older version or refused exactly as in a file; each problem names the document instead of a line.
 */
export function visitCaseDocuments(documents: Iterable<unknown>, database: string, options: ReadOptions, visit: (record: Case) => void): { problems: CaseDocumentProblem[]; drillResults: number } {
  const problems: CaseDocumentProblem[] = [];
  let drillResults = 0;
  for (const document of documents) {
    const id = typeof (document as { _id?: unknown })?._id === 'string' ? (document as { _id: string })._id : '(no _id)';
    const line = caseLineOfDocument(document);
    if (typeof line !== 'string') {
      problems.push({ database, document: id, severity: 'error', message: line.error });
      continue;
    }
    const read = visitCaseLines([line], database, options, visit);
    drillResults += read.drillResults;
    for (const problem of read.problems) {
      problems.push({ database, document: id, severity: problem.severity, message: problem.message.replace(/the line is skipped$/, 'the document is skipped') });
    }
  }
  return { problems, drillResults };
}
