// Finding a conversation's cases, and a customer's: PouchDB indexes only _id (its views would need
// eval, which MV3 forbids), so the worker keeps conversation → case ids and customer → case ids in
// memory, kept up to date by the store's writes. Reading every case to build it took most of a
// second at 10,000 cases, at every worker start (Chrome stops the worker after 30 s idle), so the
// index is also kept in a _local document (never replicated) with the database sequence it is
// complete up to; a start reads it and applies the changes made since. An id left under a name
// its case no longer has is harmless: readers check each document they fetch.
import type { Case } from '@closer/shared';
import { isCaseId, type CasesDatabase } from './case-doc.ts';

const INDEX_DOC = '_local/closer-case-index';
const INDEX_VERSION = 1;
// Written once things are quiet after a start, not on the first request's path.
const SAVE_AFTER_MS = 3_000;

export interface CaseIndex {
  byConversation: Map<string, Set<string>>;
  byCustomer: Map<string, Set<string>>;
  /** Each case's conversation and customer as last seen: what the saved copy holds. */
  names: Map<string, [conversation: string, customer: string]>;
}

interface SavedIndex {
  _id: string;
  _rev?: string;
  version: number;
  seq: number | string;
  entries: [id: string, conversation: string, customer: string][];
}

let built: Promise<CaseIndex> | undefined;

/** The index, read from its saved copy and the changes since, or built from every case the first time. */
export function caseIndex(db: CasesDatabase): Promise<CaseIndex> {
  built ??= load(db);
  built.catch(() => (built = undefined));
  return built;
}

/** Whether the index is in memory (writes then keep it up to date; before, it is read when needed). */
export function isIndexLoaded(): boolean {
  return built !== undefined;
}

/** Documents written by a pull: the index is read again, with the changes, when next needed. */
export function forgetCaseIndex(): void {
  built = undefined;
}

export function addToIndex(index: CaseIndex, id: string, record: Pick<Case, 'conversation' | 'customer'>): void {
  const add = (map: Map<string, Set<string>>, key: string) => {
    let ids = map.get(key);
    if (!ids) map.set(key, (ids = new Set()));
    ids.add(id);
  };
  add(index.byConversation, record.conversation);
  if (record.customer !== '') add(index.byCustomer, record.customer);
  index.names.set(id, [record.conversation, record.customer]);
}

async function load(db: CasesDatabase): Promise<CaseIndex> {
  const saved = (await db.get(INDEX_DOC).catch(() => undefined)) as unknown as SavedIndex | undefined;
  if (saved?.version === INDEX_VERSION && isSavedShape(saved)) {
    const index = emptyIndex();
    for (const [id, conversation, customer] of saved.entries) addToIndex(index, id, { conversation, customer });
    try {
      const changes = await db.changes({ since: saved.seq, include_docs: true });
      for (const change of changes.results) if (change.doc && !change.deleted && isCaseId(change.id)) addToIndex(index, change.id, change.doc as unknown as Case);
      if (changes.results.length > 0) saveLater(db, index, changes.last_seq);
      return index;
    } catch (error) {
      // A sequence the database does not know, say: the copy is not used, and the index is built from every case.
      console.warn('closer: the saved case index could not be brought up to date; building it again', error);
    }
  }
  const index = emptyIndex();
  // The sequence before the read: a write during it is in the read and comes again with the changes, which is harmless.
  const { update_seq: seq } = await db.info();
  const read = await db.allDocs({ include_docs: true });
  for (const row of read.rows) if (row.doc && isCaseId(row.id)) addToIndex(index, row.id, row.doc);
  saveLater(db, index, seq);
  return index;
}

function emptyIndex(): CaseIndex {
  return { byConversation: new Map(), byCustomer: new Map(), names: new Map() };
}

/** A copy damaged on disk (entries not id, conversation and customer) is built again, never half read. */
function isSavedShape(saved: SavedIndex): boolean {
  return (typeof saved.seq === 'number' || typeof saved.seq === 'string') && Array.isArray(saved.entries)
    && saved.entries.every((entry) => Array.isArray(entry) && entry.length === 3 && entry.every((part) => typeof part === 'string'));
}

/**
 * Saves the index as complete up to `seq`: everything up to it is in, and what the worker wrote
 * since is in too or comes back with the changes at the next start.
 */
function saveLater(db: CasesDatabase, index: CaseIndex, seq: number | string): void {
  setTimeout(() => {
    void (async () => {
      const existing = (await db.get(INDEX_DOC).catch(() => undefined)) as unknown as SavedIndex | undefined;
      const entries = [...index.names].map(([id, [conversation, customer]]): SavedIndex['entries'][number] => [id, conversation, customer]);
      const doc: SavedIndex = { _id: INDEX_DOC, ...(existing?._rev ? { _rev: existing._rev } : {}), version: INDEX_VERSION, seq, entries };
      await db.put(doc as unknown as Parameters<CasesDatabase['put']>[0]);
    })().catch((error: unknown) => console.warn('closer: the case index was not saved (it is built again at the next start)', error));
  }, SAVE_AFTER_MS);
}
