// A case as a PouchDB/CouchDB document: _id is the case id, and the other fields are the case
// record exactly as in JSON Lines (the contract the team's tools read, DESIGN.md).
import type PouchDB from 'pouchdb-browser';
import { caseDocument, upgradeCase, type Case } from '@closer/shared';

export type CaseDoc = PouchDB.Doc<Case>;
export type CasesDatabase = PouchDB.Database<Case>;

export function toDoc(record: Case, rev?: string): CaseDoc {
  return { ...caseDocument(record), ...(rev ? { _rev: rev } : {}) };
}

/**
 * The case record of a document: its fields without PouchDB's own (_id, _rev, _conflicts…), read
 * as the core's current version (a version 1 case, copied from the old store or pulled from a
 * server written by an older extension, is upgraded the way every case reader upgrades it).
 */
export function toRecord(doc: CaseDoc): Case {
  return upgradeCase(Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_')))) as Case;
}

/** The _local document (never replicated) holding the digest of the last customer message recorded in a case. */
export function seenDocId(caseId: string): string {
  return `_local/seen-${caseId}`;
}

/** Design and _local documents are not cases. */
export function isCaseId(id: string): boolean {
  return !id.startsWith('_');
}
