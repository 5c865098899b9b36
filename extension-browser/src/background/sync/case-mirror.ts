// The customer's tags for a suggestion without opening the case database. After Chrome restarts
// the worker, opening PouchDB and reading its saved index took several IndexedDB round trips and
// ended last on the first suggestion's path. So what a suggestion reads of each case (its
// conversation, customer, creation time and tags) is mirrored in the worker's own database, found
// by conversation and by customer through its indexes.
//
// The mirror is used only when it is known complete. Every write to the case database is
// counted as it starts and as it finishes, in the worker's database; after each write the mirror
// takes PouchDB's changes since the sequence it reached, and notes the count of writes it saw
// started. It is complete when that count equals both counts: no write is under way and none
// happened since. A write that never finished (the worker stopped in the middle) leaves the counts
// apart, and the mirror is then read again from the start by the next refresh.
import type { Case } from '@closer/shared';
import { caseProfilesOf, changeCaseMirrorState, getCaseMirrorState, putCaseProfiles, type CaseMirrorState, type CaseProfile } from '../store.ts';
import { isCaseId, type CasesDatabase } from './case-doc.ts';

/** Writes of this worker's life that have started and not finished. */
let underWay = 0;
// Catching up one at a time, so a later one never writes an older copy of a case over a newer.
let catchingUp: Promise<void> = Promise.resolve();
// The state as this worker last wrote it (only the worker writes it), so a write's catching up
// need not read it first: a suggestion right after another waits for these writes.
let known: CaseMirrorState | undefined;

function profileOf(id: string, record: Case): CaseProfile {
  return { id, conversation: record.conversation, customer: record.customer, createdAt: record.createdAt, tags: record.tags ?? [] };
}

/** Runs one write to the case database, counted, and brings the mirror up to date after it. */
export async function countedCaseWrite<T>(db: CasesDatabase, write: () => Promise<T>): Promise<T> {
  underWay++;
  try {
    known = await changeCaseMirrorState((state) => ({ ...state, started: state.started + 1 }));
  } catch (error) {
    underWay--;
    throw error;
  }
  try {
    return await write();
  } finally {
    // Even after a failed write, which may have written part of its cases. The write is counted
    // finished in the same transaction as the mirror takes its changes.
    await catchUp(db, true).catch(async (error: unknown) => {
      console.warn('closer: the case mirror is behind (it is read again later)', error);
      known = await changeCaseMirrorState((state) => ({ ...state, finished: state.finished + 1 }));
    }).finally(() => underWay--);
  }
}

/**
 * Brings a mirror that is not complete up to date, off any answer's path: one a write left behind
 * is read again from the start (a write of an earlier life may have landed without it).
 */
export async function refreshCaseMirror(db: CasesDatabase): Promise<void> {
  const state = await getCaseMirrorState();
  if (underWay > 0 || isComplete(state)) return;
  if (state.started !== state.finished) {
    known = await changeCaseMirrorState((now) => (underWay === 0 && now.started !== now.finished ? { ...now, finished: now.started, writes: -1, seq: 0 } : now));
  }
  await catchUp(db, false);
}

function isComplete(state: { started: number; finished: number; writes: number }): boolean {
  return state.writes === state.started && state.started === state.finished;
}

/** Takes PouchDB's changes since the mirror last looked; `finishing` also counts a write finished. */
function catchUp(db: CasesDatabase, finishing: boolean): Promise<void> {
  const run = catchingUp.then(async () => {
    const before = known ?? (await getCaseMirrorState());
    const fromStart = before.writes < 0;
    const changes = await db.changes({ since: fromStart ? 0 : before.seq, include_docs: true });
    const put: CaseProfile[] = [];
    const removed: string[] = [];
    for (const change of changes.results) {
      if (!isCaseId(change.id)) continue;
      if (change.deleted || !change.doc) removed.push(change.id);
      else put.push(profileOf(change.id, change.doc as unknown as Case));
    }
    known = await putCaseProfiles(put, removed, fromStart, (now) => ({ ...now, seq: changes.last_seq, writes: before.started, finished: now.finished + (finishing ? 1 : 0) }));
  });
  catchingUp = run.catch(() => {});
  return run;
}

/**
 * The tags of this chat's customer (named by the chat's newest case, else by what was typed for
 * the chat), as profile.ts reads them from the cases, when the mirror is complete; else undefined.
 */
export async function mirroredTags(conversation: string, typedCustomer: Promise<string | undefined>): Promise<string[] | undefined> {
  const [state, mine] = await Promise.all([getCaseMirrorState(), caseProfilesOf('byConversation', conversation)]);
  if (underWay > 0 || !isComplete(state)) return undefined;
  const newest = mine.reduce<CaseProfile | undefined>((best, profile) => (!best || Date.parse(profile.createdAt) > Date.parse(best.createdAt) ? profile : best), undefined);
  const customer = newest?.customer || (await typedCustomer)?.trim() || '';
  const own = customer ? await caseProfilesOf('byCustomer', customer) : mine;
  return [...new Set(own.flatMap((profile) => profile.tags))];
}
