import browser from 'webextension-polyfill';
import { LEFT_UNANSWERED } from './left-unanswered.ts';
import { setUpSidePanel } from './side-panel.ts';
import { earlyReadAsked, readBundlesEarly } from './store.ts';
import type * as Worker from './worker.ts';

// The background worker's first script: it asks IndexedDB for the bundle, listens to every event
// and hands each to the rest of the worker (worker.ts, its own file), loaded on the first event.
// A restarted worker used to compile and run all its code (about 15 ms) before the database's
// answer to its open could be taken and the bundle asked for: now the bundle is asked for first
// and read while the code loads. Listeners are added synchronously at the top level, so that a
// worker woken by an event finds them (MV3 service worker rule).

declare global {
  var closerWorker: typeof Worker | undefined;
  // A worker's global (the project's types are the DOM's).
  function importScripts(...urls: string[]): void;
}

const WORKER_SCRIPT = 'worker.js';

/**
 * The worker's code, loaded now if it is not yet. importScripts loads a script after installation
 * only if the installation loaded it too (so the script below does at install); Firefox's
 * background page has no importScripts and lists worker.js after this script in the manifest.
 */
function worker(): typeof Worker {
  if (!globalThis.closerWorker && typeof importScripts === 'function') importScripts(WORKER_SCRIPT);
  if (!globalThis.closerWorker) throw new Error(`closer: the worker's code (${WORKER_SCRIPT}) did not load`);
  return globalThis.closerWorker;
}

readBundlesEarly();

browser.runtime.onMessage.addListener((message: unknown) => {
  const type = (message as { type?: unknown } | null)?.type;
  // A message whose answer is nobody's cannot wait for the code: the listener must return nothing now.
  if (globalThis.closerWorker || typeof type !== 'string' || LEFT_UNANSWERED.has(type)) return worker().onMessage(message);
  // The first request after a restart: the code is loaded once the bundle is asked for.
  return earlyReadAsked().then(() => worker().onMessage(message));
});
// The other events need the code at once: some open the side panel, which needs the event's user gesture.
browser.alarms.onAlarm.addListener((alarm) => worker().onAlarm(alarm));
browser.runtime.onStartup.addListener(() => worker().onStartup());
browser.runtime.onInstalled.addListener(() => worker().onInstalled());
browser.contextMenus.onClicked.addListener((info, tab) => worker().onContextMenuClick(info, tab));
browser.commands.onCommand.addListener((command, tab) => worker().onCommand(command, tab));
browser.permissions.onAdded.addListener(() => {
  listenToNotificationClicks();
  worker().onPermissionsChanged();
});
browser.permissions.onRemoved.addListener(() => worker().onPermissionsChanged());

function onNotificationClicked(id: string): void {
  worker().onNotificationClicked(id);
}

/**
 * A click on the follow-ups notification opens Due today. The API exists only once its optional
 * permission is granted, so this runs at the start and again when a permission is added; adding
 * the same listener twice is a no-op.
 */
function listenToNotificationClicks(): void {
  const events = globalThis.chrome?.notifications?.onClicked;
  if (events && !events.hasListener(onNotificationClicked)) events.addListener(onNotificationClicked);
}

listenToNotificationClicks();
setUpSidePanel();
// At installation (and an update's), the code is loaded in this first run, which keeps it for importScripts later.
const state = (globalThis as { serviceWorker?: { state?: string } }).serviceWorker?.state;
if (state !== 'activated' && state !== 'activating') worker();
// The cold-start bench reads this mark: when a restarted worker has run its first script and listens.
performance.mark('closer:listening');
