// Cases recorded before team sync lived in the worker's own IndexedDB store (store.ts, "cases").
// They are copied into the PouchDB database once, before anything else reads or writes cases.
// The copy merges into what is already there (the core's merge: newest fields, timelines
// united), so a worker stopped halfway simply copies again next time; only when every case is
// in is the move marked done. The old store is left as it was: nothing is deleted.
import { canonicalJson, mergeCases, upgradeCase, type Case } from '@closer/shared';
import { database, getSetting, setSetting } from '../store.ts';
import { seenDocId, toDoc, toRecord, type CasesDatabase } from './case-doc.ts';

export const MIGRATED_SETTING = 'casesInPouchDB';
const BATCH = 500;

export async function migrateOldCases(db: CasesDatabase): Promise<void> {
  if (await getSetting<boolean>(MIGRATED_SETTING)) return;
  const old = await (await database()).getAll('cases');
  for (let start = 0; start < old.length; start += BATCH) {
    const batch = old.slice(start, start + BATCH);
    const { rows } = await db.allDocs({ keys: batch.map((entry) => entry.id), include_docs: true });
    const docs = batch.flatMap((entry, index) => {
      // Stored as the core's current version, as every case reader would read it.
      const record = upgradeCase(entry.record) as Case;
      const doc = rows[index]?.doc;
      if (!doc) return [toDoc(record)];
      const here = toRecord(doc);
      const merged = mergeCases([here], [record])[0]!;
      return canonicalJson(merged) === canonicalJson(here) ? [] : [toDoc(merged, doc._rev)];
    });
    const results = await db.bulkDocs(docs);
    const failed = results.find((result) => 'error' in result);
    if (failed) throw new Error(`moving the cases to the new store failed at ${(failed as { id?: string }).id ?? 'a case'}: ${(failed as { reason?: string; message?: string }).reason ?? (failed as { message?: string }).message}`);
    for (const entry of batch) if (entry.lastMessage) await keepLastMessage(db, entry.id, entry.lastMessage);
  }
  await setSetting(MIGRATED_SETTING, true);
}

async function keepLastMessage(db: CasesDatabase, id: string, digest: string): Promise<void> {
  try {
    await db.put({ _id: seenDocId(id), digest } as never);
  } catch {
    // Already copied by an earlier, interrupted run.
  }
}
