// The system notification of due follow-ups (shown only when the user allowed it, an optional
// permission) and what a click on it does: bring the salesperson to the Due today list.
//
// Chrome dispatches notifications.onClicked with a user gesture (ExtensionNotificationHandler
// sends it USER_GESTURE_ENABLED), so sidePanel.open is allowed there, as for a toolbar click, but
// only if called before the listener awaits anything. Where that fails (no gesture: Firefox, whose
// user actions do not include notification clicks, or no window to open it in), the panel page
// opens in a tab on Due today instead, which also names the chat to open for each follow-up.
import type { ShowViewEvent } from '../protocol.ts';

/** One notification for all of today's follow-ups: a new count replaces the one shown. */
export const FOLLOWUPS_NOTIFICATION = 'closer-followups';
const PANEL_PAGE = 'panel.html';
/** A panel that opens later than this after the click was not opened by it. */
const ASK_STALE_MS = 15_000;

// What the click asked the panel to show, kept in memory (the worker is awake while it opens) for
// the panel that opens to take, as the context menu's pending message is.
let asked: { view: string; at: number } | undefined;

export function takeAskedView(): { view?: string } {
  const taken = asked && Date.now() - asked.at < ASK_STALE_MS ? asked.view : undefined;
  asked = undefined;
  return taken ? { view: taken } : {};
}

export interface DueNotice {
  title: string;
  message: string;
}

/** Shows (or replaces) the notification; a notification not shown is a note, not a failure. */
export async function showDueNotification(notice: DueNotice): Promise<void> {
  await chrome.notifications
    .create(FOLLOWUPS_NOTIFICATION, { type: 'basic', iconUrl: chrome.runtime.getURL('icons/128.png'), title: notice.title, message: notice.message })
    .catch((error: unknown) => console.warn('closer: notification not shown', error));
}

/** Takes the notification away once nothing is due (the salesperson worked through the list). */
export async function clearDueNotification(): Promise<void> {
  if (globalThis.chrome?.notifications) await chrome.notifications.clear(FOLLOWUPS_NOTIFICATION).catch(() => false);
}

/** The click: synchronous up to sidePanel.open, so the click's user gesture still holds. */
export function onNotificationClicked(id: string): void {
  if (id !== FOLLOWUPS_NOTIFICATION) return;
  asked = { view: 'followups', at: Date.now() };
  const opened = globalThis.chrome?.sidePanel
    ? chrome.sidePanel.open({ windowId: chrome.windows.WINDOW_ID_CURRENT }).then(() => true, (error: unknown) => (console.warn('closer: side panel not opened from the notification', error), false))
    : Promise.resolve(false);
  void afterClick(opened);
}

async function afterClick(opened: Promise<boolean>): Promise<void> {
  await chrome.notifications.clear(FOLLOWUPS_NOTIFICATION).catch(() => false);
  // A panel already open (the side panel, or the panel page in a tab) shows Due today now.
  const event: ShowViewEvent = { type: 'show-view', view: 'followups' };
  await chrome.runtime.sendMessage(event).catch(() => undefined);
  const window = await chrome.windows.getLastFocused({ windowTypes: ['normal'] }).catch(() => undefined);
  if (window?.id !== undefined) await chrome.windows.update(window.id, { focused: true }).catch(() => undefined);
  if (await opened) return;
  const url = chrome.runtime.getURL(`${PANEL_PAGE}?view=followups`);
  if (window?.id !== undefined) await chrome.tabs.create({ windowId: window.id, url, active: true });
  else await chrome.windows.create({ url, focused: true });
}
