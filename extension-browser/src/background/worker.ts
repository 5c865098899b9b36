import { ensureRefreshAlarm, onRefreshAlarm } from './bundle-refresh.ts';
import { createContextMenu, onContextMenuClick } from './context-menu.ts';
import { countFollowups, onAlarm as onFollowupAlarm, onMessage, startFollowups } from './hub.ts';
import { onNotificationClicked } from './notifications.ts';
import { openPanel } from './side-panel.ts';
import { syncSiteScripts } from './sites.ts';
import { onCasesChanged } from './sync/case-store.ts';
import { caseChanged, onCasesPulled, onSyncAlarm, startTeamSync } from './sync/schedule.ts';
import type browser from 'webextension-polyfill';

// The background worker's code, loaded by its first script (start.ts), which listens to the
// browser's events and hands each one here. What the worker does on each event is said here.

export { onContextMenuClick, onMessage, onNotificationClicked };

export function onAlarm(alarm: browser.Alarms.Alarm): void {
  // The bundle URL's hourly check: one conditional fetch.
  onRefreshAlarm(alarm);
  // Team sync's runs.
  onSyncAlarm(alarm.name);
  // Follow-up reminders: the badge is counted again.
  onFollowupAlarm(alarm);
}

export function onStartup(): void {
  void ensureRefreshAlarm();
  // Team sync at browser start (when set up), and the badge's first count, made afresh at each start.
  void startTeamSync();
  startFollowups();
}

export function onInstalled(): void {
  void ensureRefreshAlarm();
  startFollowups();
  createContextMenu();
  void syncSiteScripts();
}

/** A host permission added or removed: the content script is registered on exactly the sites allowed. */
export function onPermissionsChanged(): void {
  void syncSiteScripts();
}

export function onCommand(command: string, tab: browser.Tabs.Tab | undefined): void {
  if (command === 'open-panel') openPanel(tab);
}

// Team sync: a run shortly after a case changes.
onCasesChanged(caseChanged);
// Cases a sync run pulled may make follow-ups due: count now, not at the next alarm.
onCasesPulled(countFollowups);
// The cold-start bench reads this mark: when a restarted worker has its code loaded.
performance.mark('closer:worker-loaded');
