import browser, { type Alarms } from 'webextension-polyfill';
import type { BundleInfo } from '../requests.ts';
import { BundleTrustError, importTrustedBundle } from './bundle-trust.ts';
import { currentEngine, MAX_BUNDLE_BYTES, resetBundle } from './bundles.ts';
import { BundleError } from './engine.ts';
import { getSetting, setSetting } from './store.ts';

// A bundle imported from a URL is fetched again on chrome.alarms (hourly), with the ETag of the
// version in use as If-None-Match, so an unchanged bundle costs a 304. A new version replaces the
// one in use only through importTrustedBundle, so a bundle the pinned key did not sign is refused
// and the old one stays. MV3 stops the worker at any moment: everything the refresh knows lives in
// the store, and the alarm (kept by the browser) wakes a new worker for the next check.

export const REFRESH_ALARM = 'closer-bundle-refresh';
export const REFRESH_MINUTES = 60;
const FETCH_TIMEOUT_MS = 15_000;
const STATE_KEY = 'bundle-refresh';

export interface RefreshState {
  url: string;
  /** The ETag of the version in use, sent back as If-None-Match. */
  etag: string | null;
  periodMinutes: number;
  lastChecked: number | null;
  /** When a new version last replaced the one in use. */
  lastChanged: number | null;
  /** Why the last check did not bring a new version in: a signature reason code, 'fetch', 'invalid' (the bundle's own checks) or 'error'. */
  lastError: { code: string; message: string; at: number } | null;
}

/** The bundle could not be fetched (as opposed to fetched and refused). */
class BundleFetchError extends BundleError {}

export async function refreshState(): Promise<RefreshState | null> {
  return (await getSetting<RefreshState | null>(STATE_KEY)) ?? null;
}

function bundleUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BundleError(`"${url}" is not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new BundleError(`only http and https URLs can be imported, not ${parsed.protocol}`);
  return parsed;
}

type Fetched = { changed: false } | { changed: true; text: string; etag: string | null };

/** Fetches a bundle URL the user typed; with an ETag, a 304 means the version in use is current. */
async function fetchBundle(url: URL, etag: string | null): Promise<Fetched> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      credentials: 'omit',
      // no-store keeps the browser's HTTP cache out of it: the 304 (or the new version) comes from the server.
      cache: 'no-store',
      headers: etag ? { 'If-None-Match': etag } : {},
    });
  } catch (error) {
    throw new BundleFetchError(`could not fetch ${url.href}: ${(error as Error).message}`);
  }
  if (response.status === 304 && etag) return { changed: false };
  if (!response.ok) throw new BundleFetchError(`could not fetch ${url.href}: HTTP ${response.status}`);
  // Refused before it is read whole: a wrong URL could point at something of any size.
  const length = Number(response.headers.get('content-length'));
  if (length > MAX_BUNDLE_BYTES) throw new BundleError(`the file is too large to be a bundle (${Math.round(length / 1e6)} MB)`);
  return { changed: true, text: await response.text(), etag: response.headers.get('etag') };
}

async function scheduleRefresh(periodMinutes: number): Promise<void> {
  const alarm = await browser.alarms.get(REFRESH_ALARM);
  if (alarm?.periodInMinutes !== periodMinutes) await browser.alarms.create(REFRESH_ALARM, { delayInMinutes: periodMinutes, periodInMinutes: periodMinutes });
}

/** Stops refreshing: the bundle in use no longer comes from a URL. */
async function stopRefresh(): Promise<void> {
  await setSetting(STATE_KEY, null);
  await browser.alarms.clear(REFRESH_ALARM);
}

/** Imports from a URL the user typed, then keeps that URL refreshed. */
export async function importBundleFromUrl(url: string): Promise<BundleInfo> {
  const parsed = bundleUrl(url);
  const fetched = await fetchBundle(parsed, null);
  if (!fetched.changed) throw new BundleFetchError(`could not fetch ${parsed.href}: the server sent no bundle`);
  const info = await importTrustedBundle(fetched.text, parsed.href);
  const now = Date.now();
  await setSetting(STATE_KEY, { url: parsed.href, etag: fetched.etag, periodMinutes: REFRESH_MINUTES, lastChecked: now, lastChanged: now, lastError: null } satisfies RefreshState);
  await scheduleRefresh(REFRESH_MINUTES);
  return info;
}

/** Imports a file: the URL refresh stops, or it would replace the file's bundle within the hour. */
export async function importBundleFile(text: string, source: string): Promise<BundleInfo> {
  const info = await importTrustedBundle(text, source);
  await stopRefresh();
  return info;
}

export async function resetToDefaultBundle(): Promise<BundleInfo> {
  await stopRefresh();
  return resetBundle();
}

/** Checks the bundle URL every `minutes` from now on; the next check is that far away. */
export async function setRefreshPeriod(minutes: number): Promise<void> {
  const state = await refreshState();
  if (!state) throw new Error('the bundle in use does not come from a URL, so there is nothing to check');
  await setSetting(STATE_KEY, { ...state, periodMinutes: minutes } satisfies RefreshState);
  await scheduleRefresh(minutes);
}

let running: Promise<RefreshState | null> | undefined;

/** One check of the bundle URL; runs once at a time (the alarm and "Check now" may meet). */
export function refreshBundle(): Promise<RefreshState | null> {
  running ??= checkOnce().finally(() => {
    running = undefined;
  });
  return running;
}

async function checkOnce(): Promise<RefreshState | null> {
  const state = await refreshState();
  if (!state) return null;
  const at = Date.now();
  let next: RefreshState;
  try {
    const fetched = await fetchBundle(new URL(state.url), state.etag);
    if (!fetched.changed) {
      next = { ...state, lastChecked: at, lastError: null };
    } else {
      const before = (await currentEngine()).engine.hash;
      // The user may have imported a file or gone back to the default meanwhile: then stop here.
      if ((await refreshState())?.url !== state.url) return refreshState();
      const info = await importTrustedBundle(fetched.text, state.url);
      next = { ...state, etag: fetched.etag, lastChecked: at, lastChanged: info.hash === before ? state.lastChanged : at, lastError: null };
    }
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const code = error instanceof BundleTrustError ? error.code : error instanceof BundleFetchError ? 'fetch' : error instanceof BundleError ? 'invalid' : 'error';
    // The ETag stays the one of the version in use, so the refused version is fetched (and refused) again next time.
    next = { ...state, lastChecked: at, lastError: { code, message: error.message, at } };
  }
  if ((await refreshState())?.url !== state.url) return refreshState();
  await setSetting(STATE_KEY, next);
  await scheduleRefresh(next.periodMinutes);
  return next;
}

/** The alarms listener (registered at the top level of index.ts, so an alarm wakes a stopped worker into it). */
export function onRefreshAlarm(alarm: Alarms.Alarm): void {
  if (alarm.name !== REFRESH_ALARM) return;
  void refreshBundle().catch((error: unknown) => console.warn('closer: the bundle refresh failed', error));
}

/** On browser start and on install: alarms are not promised to survive either, the stored URL is. */
export async function ensureRefreshAlarm(): Promise<void> {
  const state = await refreshState();
  if (state) await scheduleRefresh(state.periodMinutes);
}
