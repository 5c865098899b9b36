// First: asks IndexedDB for the bundle while the rest of the script is evaluated.
import './early-read.ts';
import browser from 'webextension-polyfill';
import { ensureRefreshAlarm, onRefreshAlarm } from './bundle-refresh.ts';
import { createContextMenu, onContextMenuClick } from './context-menu.ts';
import { countFollowups, onAlarm, onMessage, startFollowups } from './hub.ts';
import { listenToNotificationClicks } from './notifications.ts';
import { openPanel, setUpSidePanel } from './side-panel.ts';
import { syncSiteScripts } from './sites.ts';
import { onCasesChanged } from './sync/case-store.ts';
import { caseChanged, onCasesPulled, onSyncAlarm, startTeamSync } from './sync/schedule.ts';

// The background worker: wires listeners, nothing else. Listeners are added synchronously at the
// top level so that a worker woken by an event finds them (MV3 service worker rule).

browser.runtime.onMessage.addListener((message: unknown) => onMessage(message));
// The bundle URL's hourly check: the alarm wakes a stopped worker for one conditional fetch.
browser.alarms.onAlarm.addListener(onRefreshAlarm);
browser.runtime.onStartup.addListener(() => void ensureRefreshAlarm());
browser.runtime.onInstalled.addListener(() => void ensureRefreshAlarm());
// Team sync: a run shortly after a case changes, on its alarms, and at browser start (when set up).
onCasesChanged(caseChanged);
browser.alarms.onAlarm.addListener((alarm) => onSyncAlarm(alarm.name));
browser.runtime.onStartup.addListener(() => void startTeamSync());
// Follow-up reminders: the alarm counts the badge again; the count is made afresh at each start.
browser.alarms.onAlarm.addListener(onAlarm);
browser.runtime.onStartup.addListener(startFollowups);
browser.runtime.onInstalled.addListener(startFollowups);
// Cases a sync run pulled may make follow-ups due: count now, not at the next alarm.
onCasesPulled(countFollowups);
// A click on the follow-ups notification opens Due today; the API appears with its optional permission.
listenToNotificationClicks();
browser.permissions.onAdded.addListener(listenToNotificationClicks);
browser.contextMenus.onClicked.addListener(onContextMenuClick);
browser.commands.onCommand.addListener((command, tab) => {
  if (command === 'open-panel') openPanel(tab);
});
browser.permissions.onAdded.addListener(() => void syncSiteScripts());
browser.permissions.onRemoved.addListener(() => void syncSiteScripts());
browser.runtime.onInstalled.addListener(() => {
  createContextMenu();
  void syncSiteScripts();
});
setUpSidePanel();
// The cold-start bench reads this mark: when a restarted worker has run its script and listens.
performance.mark('closer:listening');
