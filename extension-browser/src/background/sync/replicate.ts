// One sync run, short and one-shot (MV3 stops the worker at any time, so never a live
// connection): pull the salesperson's own database (their other browsers' cases, and the
// conflicts those make), settle conflicts the case's way, then push. PouchDB's replication
// protocol checkpoints each batch on both sides, so a run cut short resumes where it stopped.
import type PouchDB from 'pouchdb-browser';
import { countedCaseWrite } from './case-mirror.ts';
import { casesDatabase, forgetConversationIndex } from './case-store.ts';
import { settleConflicts } from './conflicts.ts';
import { describeFailure, newTransport, PermissionMissing, type SyncError, type Transport } from './sync-errors.ts';
import type { SyncState } from './sync-state.ts';
import { originPattern, remoteDatabaseUrl, type TeamSettings } from './team-settings.ts';
import { pouchDB } from './pouchdb.ts';

const BATCH_SIZE = 500;
/** A request the server does not answer within this is given up (the run fails and backs off). */
const REQUEST_TIMEOUT_MS = 60_000;
/** An extension API call this often keeps the worker from being stopped as idle during a long run. */
const KEEP_ALIVE_MS = 20_000;

/** The worker's fetch for the server: a token as a bearer, a timeout, and a note of what came back. */
function teamFetch(settings: TeamSettings, transport: Transport): (url: string | Request, init?: RequestInit) => Promise<Response> {
  return async (url, init = {}) => {
    transport.requests++;
    const headers = new Headers(init.headers);
    if (settings.secretKind === 'token') headers.set('Authorization', `Bearer ${settings.secret}`);
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    let response: Response;
    try {
      // No cookies: the credentials are the ones in Settings → Team, nothing else the browser holds.
      response = await fetch(url, { ...init, headers, signal, credentials: 'omit' });
    } catch (error) {
      transport.unreachable = true;
      throw error;
    }
    if (!response.ok) transport.failedStatus = response.status;
    return response;
  };
}

function remoteDatabase(settings: TeamSettings, transport: Transport): PouchDB.Database<object> {
  return new (pouchDB())(remoteDatabaseUrl(settings), {
    // The salesperson's database is made by the server (couch_peruser or closer team setup); never by us.
    skip_setup: true,
    fetch: teamFetch(settings, transport),
    ...(settings.secretKind === 'password' ? { auth: { username: settings.user, password: settings.secret } } : {}),
  });
}

function refusalOf(error: PouchDB.BulkError): { id: string; reason: string } {
  return { id: error.id ?? '?', reason: error.reason ?? error.message ?? error.error };
}

export interface RunOutcome {
  state: SyncState;
  error?: SyncError;
}

/** One run from the state before it to the state after it; failures are described, never thrown. */
export async function runSync(settings: TeamSettings, before: SyncState, now = Date.now): Promise<RunOutcome> {
  const transport = newTransport();
  const keepAlive = setInterval(() => void chrome.runtime.getPlatformInfo(), KEEP_ALIVE_MS);
  const remote = remoteDatabase(settings, transport);
  const state: SyncState = { ...before, lastAttempt: now() };
  try {
    if (!(await chrome.permissions.contains({ origins: [originPattern(settings.url)] }))) throw new PermissionMissing();
    const db = await casesDatabase();
    // Pull first: another browser of this salesperson may have changed the same cases, and the
    // conflicts that makes are settled here before anything is pushed.
    // Both write cases here, so both are counted (case-mirror.ts).
    const { pulled, settled } = await countedCaseWrite(db, async () => {
      const pulled = await db.replicate.from(remote, { batch_size: BATCH_SIZE, retry: false });
      if (pulled.docs_written > 0) forgetConversationIndex();
      return { pulled, settled: await settleConflicts(db, before.checkedSeq) };
    });
    const written = new Set<string>();
    const push = db.replicate.to(remote, { batch_size: BATCH_SIZE, retry: false });
    push.on('change', (info) => {
      for (const doc of info.docs) written.add(doc._id);
    });
    const pushed = await push;
    const refused = pushed.errors.filter((error) => ['forbidden', 'unauthorized'].includes((error.name ?? error.error ?? '').toLowerCase())).map(refusalOf);
    const fresh = new Set(refused.map((entry) => entry.id));
    return {
      state: {
        ...state,
        lastSync: now(),
        error: undefined,
        failures: 0,
        nextAttemptAt: undefined,
        pushedSeq: pushed.last_seq,
        checkedSeq: settled.seq,
        // A case refused before stays reported until it is sent again and taken.
        refused: [...before.refused.filter((entry) => !fresh.has(entry.id) && !written.has(entry.id)), ...refused],
        lastRun: { pulled: pulled.docs_written, pushed: pushed.docs_written, settled: settled.settled },
      },
    };
  } catch (error) {
    const failure = describeFailure(error, transport, settings.url, settings.user);
    return { state: { ...state, error: failure, failures: before.failures + 1 }, error: failure };
  } finally {
    clearInterval(keepAlive);
    await remote.close().catch(() => undefined);
  }
}

/** Cases changed here since the last push reached the server. */
export async function pendingCount(since: number | string): Promise<number> {
  const db = await casesDatabase();
  const { results } = await db.changes({ since, return_docs: true });
  return results.filter((change) => !change.id.startsWith('_')).length;
}
