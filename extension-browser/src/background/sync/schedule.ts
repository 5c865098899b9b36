// When the worker syncs the cases with the team's server: a short while after a case changes
// (changes in a burst make one run), on an alarm every few minutes and at the back-off's time
// after a failure, at browser start, and when the salesperson saves Settings → Team or presses
// "Sync now" (which also start the back-off again from nothing). One run at a time; a change
// during a run makes one more run after it.
import type { TeamView } from '../../requests.ts';
import { setCaseProfile } from '../cases.ts';
import { retryDelay } from './backoff.ts';
import { allCaseRecords, caseRecordsById, putCaseRecords } from './case-store.ts';
import { pendingCount, runSync } from './replicate.ts';
import { saveSyncState, syncState } from './sync-state.ts';
import { saveTeamSettings, serverUrl, teamSettings, type SecretKind, type TeamSettings } from './team-settings.ts';

export const SYNC_ALARM = 'closer-team-sync';
const RETRY_ALARM = 'closer-team-sync-retry';
const SYNC_EVERY_MINUTES = 5;
const AFTER_CHANGE_MS = 2_000;

type Reason = 'change' | 'alarm' | 'start' | 'now';

let debounce: ReturnType<typeof setTimeout> | undefined;
let running: Promise<void> | undefined;
/** What arrived during a run: a change (run again unless backing off) or "Sync now" (run again). */
let again: 'none' | 'change' | 'now' = 'none';

const pulledListeners: (() => void)[] = [];

/**
 * Called after a run that may have brought cases from the server: what the salesperson's other
 * browsers recorded can make follow-ups due, which should count now, not at the next alarm.
 */
export function onCasesPulled(listener: () => void): void {
  pulledListeners.push(listener);
}

/** A case was written here: sync a moment later. */
export function caseChanged(): void {
  clearTimeout(debounce);
  debounce = setTimeout(() => void requestSync('change'), AFTER_CHANGE_MS);
}

export function onSyncAlarm(name: string): void {
  if (name === SYNC_ALARM || name === RETRY_ALARM) void requestSync('alarm');
}

/** At browser start: the alarm again (the browser may drop alarms on restart) and one run. */
export async function startTeamSync(): Promise<void> {
  const settings = await teamSettings();
  if (!settings?.enabled) return;
  await ensureAlarm();
  await requestSync('start');
}

async function ensureAlarm(): Promise<void> {
  if (!(await chrome.alarms.get(SYNC_ALARM))) await chrome.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_EVERY_MINUTES });
}

export async function requestSync(reason: Reason): Promise<void> {
  const settings = await teamSettings();
  if (!settings?.enabled) return;
  if (reason === 'now') await saveSyncState({ ...(await syncState()), failures: 0, nextAttemptAt: undefined });
  else if (await backingOff()) return;
  if (running) {
    if (reason === 'now' || again === 'none') again = reason === 'now' ? 'now' : 'change';
    return running;
  }
  running = (async () => {
    try {
      for (;;) {
        again = 'none';
        await runOnce();
        const next = again as 'none' | 'change' | 'now';
        if (next === 'none' || (next === 'change' && (await backingOff()))) break;
        if (next === 'now') await saveSyncState({ ...(await syncState()), failures: 0, nextAttemptAt: undefined });
      }
    } finally {
      running = undefined;
    }
  })();
  return running;
}

async function backingOff(): Promise<boolean> {
  const { nextAttemptAt } = await syncState();
  return nextAttemptAt !== undefined && Date.now() < nextAttemptAt;
}

async function runOnce(): Promise<void> {
  const settings = await teamSettings();
  if (!settings?.enabled) return;
  const { state, error } = await runSync(settings, await syncState());
  // A failed run may still have written the batches it pulled before it failed.
  if (error || (state.lastRun && state.lastRun.pulled + state.lastRun.settled > 0)) for (const listener of pulledListeners) listener();
  if (error) {
    state.nextAttemptAt = Date.now() + retryDelay(state.failures);
    // The message is for the status line; the password is in no part of it.
    console.warn(`closer: team sync failed (${error.code}); next try after ${new Date(state.nextAttemptAt).toISOString()}`);
    await chrome.alarms.create(RETRY_ALARM, { when: state.nextAttemptAt });
  }
  await saveSyncState(state);
}

export interface TeamChange {
  enabled: boolean;
  url: string;
  user: string;
  /** Absent: keep the one saved. */
  secret?: string;
  secretKind: SecretKind;
}

/** Saves Settings → Team (the panel has asked for the host permission already) and starts a run. */
export async function setTeam(change: TeamChange): Promise<TeamView> {
  const before = await teamSettings();
  const user = change.user.trim();
  const secret = change.secret ?? before?.secret ?? '';
  let url = change.url.trim();
  if (change.enabled || url) {
    const checked = serverUrl(url);
    if ('error' in checked) throw new Error(checked.error);
    url = checked.url;
  }
  if (change.enabled && !user) throw new Error('the user name on the team server is missing');
  if (change.enabled && !secret) throw new Error(`the ${change.secretKind} for "${user}" is missing`);
  const settings: TeamSettings = { enabled: change.enabled, url, user, secret, secretKind: change.secretKind };
  await saveTeamSettings(settings);
  const state = await syncState();
  // Another server or user is another database: everything here is pending for it.
  const elsewhere = before?.url !== url || before?.user !== user;
  await saveSyncState({ ...state, failures: 0, nextAttemptAt: undefined, error: undefined, ...(elsewhere ? { pushedSeq: 0, refused: [], lastRun: undefined, lastSync: undefined } : {}) });
  if (!settings.enabled) {
    await chrome.alarms.clear(SYNC_ALARM);
    await chrome.alarms.clear(RETRY_ALARM);
    return teamView();
  }
  await ensureAlarm();
  // Claiming reads every case, which takes a while with thousands: Save answers at once.
  void claimCases(user).then(() => requestSync('now'), (error: unknown) => console.warn('closer: cases not claimed for team sync', error));
  return teamView();
}

/**
 * The server takes only cases whose salesperson is the writer, so the team user name becomes the
 * salesperson's name, and the cases recorded before any name was typed carry it (as an export
 * would write them).
 */
async function claimCases(user: string): Promise<void> {
  await setCaseProfile({ salesperson: user });
  const unnamed = (await allCaseRecords()).filter((record) => !record.salesperson);
  const here = await caseRecordsById(unnamed.map((record) => record.id));
  await putCaseRecords(unnamed.map((record) => ({ record: { ...record, salesperson: user }, rev: here.get(record.id)?.rev })));
}

export async function syncNow(): Promise<TeamView> {
  const settings = await teamSettings();
  if (!settings?.enabled) throw new Error('team sync is off: fill in Settings → Team and save first');
  await requestSync('now');
  return teamView();
}

const iso = (time: number | undefined) => (time === undefined ? {} : { time: new Date(time).toISOString() });

export async function teamView(): Promise<TeamView> {
  const settings = await teamSettings();
  const state = await syncState();
  const enabled = settings?.enabled ?? false;
  const lastSync = iso(state.lastSync).time;
  const lastAttempt = iso(state.lastAttempt).time;
  const nextAttempt = state.error ? iso(state.nextAttemptAt).time : undefined;
  return {
    settings: { enabled, url: settings?.url ?? '', user: settings?.user ?? '', secretKind: settings?.secretKind ?? 'password', hasSecret: Boolean(settings?.secret) },
    status: {
      enabled,
      pending: await pendingCount(state.pushedSeq),
      refused: state.refused,
      running: running !== undefined,
      ...(lastSync ? { lastSync } : {}),
      ...(lastAttempt ? { lastAttempt } : {}),
      ...(nextAttempt ? { nextAttempt } : {}),
      ...(state.error ? { error: state.error } : {}),
      ...(state.lastRun ? { lastRun: state.lastRun } : {}),
    },
  };
}
