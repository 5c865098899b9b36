// The same case changed in two browsers of one salesperson while both were offline: CouchDB
// keeps both revisions as a conflict and picks a winner by its own rule (the longer edit
// history), which knows nothing of the case. Here the case's own time decides, the core's way
// (mergeCases: the newest updatedAt's fields, the timelines united, so no event recorded anywhere
// is lost), written over the newest revision. Every other revision is closed as a deleted
// conflict that keeps its content, so the older version stays readable in both databases (GET
// the case with ?open_revs=all lists every leaf; CouchDB also names them with
// ?deleted_conflicts=true) and the merged one is the only live leaf.
import { canonicalJson, isNewerCopy, mergeCases } from '@closer/shared';
import { isCaseId, toDoc, toRecord, type CasesDatabase } from './case-doc.ts';

function isConflict(error: unknown): boolean {
  return (error as { status?: number }).status === 409;
}

/** Settles the conflicts among the documents changed since `since`; returns how many and how far it looked. */
export async function settleConflicts(db: CasesDatabase, since: number | string): Promise<{ settled: number; seq: number | string }> {
  const changes = await db.changes({ since, style: 'all_docs' });
  let settled = 0;
  for (const change of changes.results) {
    if (change.changes.length < 2 || !isCaseId(change.id)) continue;
    const winner = await db.get(change.id, { conflicts: true });
    if (winner._deleted || !winner._conflicts?.length) continue;
    const leaves = [winner, ...(await Promise.all(winner._conflicts.map((rev) => db.get(change.id, { rev }))))];
    const newest = leaves.reduce((best, leaf) => (isNewerCopy(toRecord(leaf), toRecord(best)) ? leaf : best));
    const merged = mergeCases(...leaves.map((doc) => [toRecord(doc)]))[0]!;
    try {
      if (canonicalJson(merged) !== canonicalJson(toRecord(newest))) await db.put(toDoc(merged, newest._rev));
      for (const leaf of leaves) {
        if (leaf === newest) continue;
        const { _conflicts: _listed, ...body } = leaf;
        await db.put({ ...body, _deleted: true });
      }
      settled++;
    } catch (error) {
      // The case was written meanwhile; that write is a later change, looked at on the next run.
      if (!isConflict(error)) throw error;
    }
  }
  return { settled, seq: changes.last_seq };
}
