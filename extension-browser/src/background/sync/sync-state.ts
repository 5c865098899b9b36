// What the worker remembers between sync runs (the worker is stopped at any time, so nothing of
// this lives only in memory): when it last worked, the last failure and the back-off, how far the
// cases were pushed (for the pending count) and checked for conflicts, and the cases the server refused.
import { getSetting, setSetting } from '../store.ts';
import type { SyncError } from './sync-errors.ts';

export interface SyncState {
  lastSync?: number;
  lastAttempt?: number;
  error?: SyncError;
  /** Failed runs in a row, for the back-off. */
  failures: number;
  /** No automatic run before this time (ms). */
  nextAttemptAt?: number;
  /** The local update sequence the last push reached: later changes are pending. */
  pushedSeq: number | string;
  /** The local update sequence up to which conflicts were looked for and settled. */
  checkedSeq: number | string;
  /** Cases the server refused to take (its validation), with its reason. */
  refused: { id: string; reason: string }[];
  lastRun?: { pulled: number; pushed: number; settled: number };
}

const KEY = 'teamSync';

export async function syncState(): Promise<SyncState> {
  return (await getSetting<SyncState>(KEY)) ?? { failures: 0, pushedSeq: 0, checkedSeq: 0, refused: [] };
}

export async function saveSyncState(state: SyncState): Promise<void> {
  await setSetting(KEY, state);
}
