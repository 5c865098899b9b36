// The worker's cases, in PouchDB (its IndexedDB adapter): one database, each case one document
// whose _id is the case id and whose other fields are the case record exactly as in JSON Lines,
// so the team's CouchDB holds what an export would. What recording needs beside a case (the
// digest of the last customer message recorded) lives in _local documents, which PouchDB never
// replicates. Every write here is announced to the listeners, which schedule a team sync.
import type PouchDB from 'pouchdb-browser';
import { canonicalJson, mergeCases, type Case } from '@closer/shared';
import { isCaseId, seenDocId, toDoc, toRecord, type CaseDoc, type CasesDatabase } from './case-doc.ts';
import { addToIndex, caseIndex, forgetCaseIndex, isIndexLoaded } from './case-index.ts';
import { countedCaseWrite, refreshCaseMirror } from './case-mirror.ts';
import { migrateOldCases } from './migrate-cases.ts';
import { pouchDB } from './pouchdb.ts';

export const CASES_DB_NAME = 'closer-cases';

/** A case record with what recording needs beside it; cases.ts owns its use. */
export interface StoredCase {
  id: string;
  conversation: string;
  record: Case;
  /** A digest of the last customer message recorded, so the same message is recorded once. */
  lastMessage?: string;
  /** The document's revision when read, so a write based on an older copy is noticed. */
  rev?: string;
}

let opening: Promise<CasesDatabase> | undefined;

/** The cases database, with the cases of the old IndexedDB store copied in first (once). */
export function casesDatabase(): Promise<CasesDatabase> {
  opening ??= (async () => {
    const db = new (pouchDB())<Case>(CASES_DB_NAME, { adapter: 'idb' });
    await countedCaseWrite(db, () => migrateOldCases(db));
    return db;
  })();
  // A failed opening is tried again on the next call instead of being remembered.
  opening.catch(() => (opening = undefined));
  return opening;
}

const changeListeners: (() => void)[] = [];

/** Called after every write of a case here (not after a pull from the server). */
export function onCasesChanged(listener: () => void): void {
  changeListeners.push(listener);
}

function changed(): void {
  for (const listener of changeListeners) listener();
}

async function indexWrite(db: CasesDatabase, before: string | undefined, record: Case): Promise<void> {
  if (!isIndexLoaded()) return;
  const index = await caseIndex(db);
  if (before !== undefined && before !== record.conversation) index.byConversation.get(before)?.delete(record.id);
  addToIndex(index, record.id, record);
}

/** Every case of the customer of that name (spelt exactly so), found through the index. */
export async function casesOfCustomer(customer: string): Promise<Case[]> {
  if (customer === '') return [];
  const db = await casesDatabase();
  const ids = [...((await caseIndex(db)).byCustomer.get(customer) ?? [])];
  if (ids.length === 0) return [];
  const { rows } = await db.allDocs({ keys: ids, include_docs: true });
  return rows.flatMap((row) => (row.doc && row.doc.customer === customer ? [toRecord(row.doc)] : []));
}

/** Documents written by a pull: the index is read again, with the changes, when next needed. */
export function forgetConversationIndex(): void {
  forgetCaseIndex();
}

async function lastMessageOf(db: CasesDatabase, id: string): Promise<string | undefined> {
  try {
    return ((await db.get(seenDocId(id))) as unknown as { digest?: string }).digest;
  } catch {
    return undefined;
  }
}

async function saveLastMessage(db: CasesDatabase, id: string, digest: string): Promise<void> {
  let rev: string | undefined;
  try {
    const local = (await db.get(seenDocId(id))) as unknown as { _rev: string; digest?: string };
    if (local.digest === digest) return;
    rev = local._rev;
  } catch {
    // Not recorded yet.
  }
  await db.put({ _id: seenDocId(id), ...(rev ? { _rev: rev } : {}), digest } as PouchDB.Doc<object>);
}

function isMissing(error: unknown): boolean {
  return (error as { status?: number }).status === 404;
}

function isConflict(error: unknown): boolean {
  return (error as { status?: number }).status === 409;
}

async function stored(db: CasesDatabase, doc: CaseDoc): Promise<StoredCase> {
  const record = toRecord(doc);
  const lastMessage = await lastMessageOf(db, record.id);
  return { id: record.id, conversation: record.conversation, record, rev: doc._rev, ...(lastMessage ? { lastMessage } : {}) };
}

export async function getStoredCase(id: string): Promise<StoredCase | undefined> {
  const db = await casesDatabase();
  try {
    return await stored(db, await db.get(id));
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

export async function casesOfConversation(conversation: string): Promise<StoredCase[]> {
  const db = await casesDatabase();
  const ids = [...((await caseIndex(db)).byConversation.get(conversation) ?? [])];
  if (ids.length === 0) return [];
  const { rows } = await db.allDocs({ keys: ids, include_docs: true });
  const docs = rows.flatMap((row) => (row.doc && row.doc.conversation === conversation ? [row.doc] : []));
  return Promise.all(docs.map((doc) => stored(db, doc)));
}

export async function allCaseRecords(): Promise<Case[]> {
  const db = await casesDatabase();
  const { rows } = await db.allDocs({ include_docs: true });
  return rows.flatMap((row) => (row.doc && isCaseId(row.id) ? [toRecord(row.doc)] : []));
}

/** The cases with these ids that are here, by id. */
export async function caseRecordsById(ids: string[]): Promise<Map<string, { record: Case; rev: string }>> {
  const db = await casesDatabase();
  const found = new Map<string, { record: Case; rev: string }>();
  if (ids.length === 0) return found;
  const { rows } = await db.allDocs({ keys: ids, include_docs: true });
  for (const row of rows) if (row.doc) found.set(row.id, { record: toRecord(row.doc), rev: row.doc._rev! });
  return found;
}

/**
 * Writes a case. When the document changed since it was read (a pull brought another browser's
 * copy), the two are merged the core's way (newest fields, timelines united) so neither is lost.
 */
export async function putStoredCase(entry: StoredCase): Promise<void> {
  const db = await casesDatabase();
  let record = entry.record;
  let rev = entry.rev;
  await countedCaseWrite(db, async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        await db.put(toDoc(record, rev));
        break;
      } catch (error) {
        if (!(isConflict(error) && attempt < 3)) throw error;
        const latest = await db.get(record.id);
        record = mergeCases([toRecord(latest)], [record])[0]!;
        rev = latest._rev;
      }
    }
  });
  await indexWrite(db, entry.conversation, record);
  if (entry.lastMessage) await saveLastMessage(db, record.id, entry.lastMessage);
  changed();
}

/** Writes many cases at once (an import), each over the revision given with it, merging any that changed meanwhile. */
export async function putCaseRecords(all: { record: Case; rev?: string; before?: string }[]): Promise<void> {
  if (all.length === 0) return;
  const db = await casesDatabase();
  // In slices, so a 10,000-case import never holds one huge IndexedDB transaction.
  await countedCaseWrite(db, async () => {
    for (let start = 0; start < all.length; start += WRITE_SLICE) await putSlice(db, all.slice(start, start + WRITE_SLICE));
  });
  changed();
}

const WRITE_SLICE = 1000;

async function putSlice(db: CasesDatabase, entries: { record: Case; rev?: string; before?: string }[]): Promise<void> {
  const results = await db.bulkDocs(entries.map((entry) => toDoc(entry.record, entry.rev)));
  const conflicted = entries.filter((_entry, index) => 'error' in results[index]! && (results[index] as PouchDB.BulkError).status === 409);
  const failed = results.find((result) => 'error' in result && result.status !== 409) as PouchDB.BulkError | undefined;
  for (const entry of conflicted) {
    const latest = await db.get(entry.record.id);
    const merged = mergeCases([toRecord(latest)], [entry.record])[0]!;
    if (canonicalJson(merged) !== canonicalJson(toRecord(latest))) await db.put(toDoc(merged, latest._rev));
  }
  for (const entry of entries) await indexWrite(db, entry.before, entry.record);
  if (failed) throw new Error(`a case was not stored: ${failed.reason ?? failed.message ?? failed.error}`);
}

/**
 * Brings the case profiles a suggestion reads (case-mirror.ts) up to date when they are not, for
 * the next suggestion; off the answer's path.
 */
export async function refreshCaseProfiles(): Promise<void> {
  await refreshCaseMirror(await casesDatabase());
}
