// Follow-up reminders: what the playbooks' revisit plan makes due today over the cases kept here,
// counted on the toolbar badge, refreshed by an alarm (the worker sleeps when idle) and whenever
// cases change, with a system notification only when the user allowed it. Nothing is ever sent:
// the salesperson inserts the text, and marks the follow-up done, snoozed or declined.
import browser from 'webextension-polyfill';
import { dueFollowups, recordFollowup, type Case, type DueFollowup, type Language } from '@closer/shared';
import type { FollowupsDue } from '../requests.ts';
import { allCases, editCaseRecord } from './cases.ts';
import { currentEngine } from './bundles.ts';
import { clearDueNotification, showDueNotification } from './notifications.ts';
import { getConversation, getSetting, setSetting } from './store.ts';

export const FOLLOWUP_ALARM = 'closer-followups';
/** How often the badge is counted again while the browser runs (a new day makes new ones due). */
const ALARM_MINUTES = 30;
const NOTIFY_SETTING = 'followupsNotify';
const NOTIFIED_SETTING = 'followupsNotified';

function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The key of one follow-up of one case: the plan's arithmetic gives each (rule, due) once. */
function keyOf(item: Pick<DueFollowup, 'case' | 'rule' | 'due'>): string {
  return `${item.case}|${item.rule}|${item.due}`;
}

/**
 * Everything due on `now`'s day. The core fills each text from one set of values, so the cases are
 * taken customer by customer (the stop rule counts over all of a customer's cases), each with the
 * values of its newest chat: the defaults, the customer's name, then what was typed for that chat.
 * A chat's values are read only for a customer with something due, so a count after each message
 * stays one pass over the cases.
 */
export async function dueNow(language: Language, now = new Date()): Promise<DueFollowup[]> {
  const { engine } = await currentEngine();
  const cases = await allCases();
  const defaults = (await getSetting<Record<string, string>>('defaults')) ?? {};
  const byCustomer = new Map<string, Case[]>();
  for (const record of cases) {
    // A case with no name is its own customer: nameless chats must not share a stop rule.
    const who = record.customer ? `name:${record.customer}` : `case:${record.id}`;
    byCustomer.set(who, [...(byCustomer.get(who) ?? []), record]);
  }
  const options = { on: now, timeZone: timeZone(), language };
  const due: DueFollowup[] = [];
  for (const own of byCustomer.values()) {
    const newest = own.reduce((a, b) => (Date.parse(b.createdAt) > Date.parse(a.createdAt) ? b : a));
    const values: Record<string, string> = { ...defaults, ...(newest.customer ? { customer: newest.customer } : {}) };
    const found = dueFollowups(own, engine.bundle, { ...options, values });
    if (found.length === 0) continue;
    const typed = Object.entries((await getConversation(newest.conversation)).values).filter(([name, value]) => value.trim() && value !== values[name]);
    due.push(...(typed.length === 0 ? found : dueFollowups(own, engine.bundle, { ...options, values: { ...values, ...Object.fromEntries(typed) } })));
  }
  return due.sort((a, b) => Date.parse(a.due) - Date.parse(b.due) || a.customer.localeCompare(b.customer));
}

export async function listDue(language: Language, now = new Date()): Promise<FollowupsDue> {
  const items = await dueNow(language, now);
  return {
    items: items.map(({ case: id, customer, conversation, rule, due, reason, reply, text, state }) => ({ case: id, customer, conversation, rule, due, reason, reply, text, state })),
    notify: await notifyAllowed(),
  };
}

/** Midnight `days` days after `now`, in this browser's zone: a snooze "to tomorrow" ends at the day's start. */
function startOfDayAfter(now: Date, days: number): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
}

export interface FollowupAction {
  case: string;
  rule: string;
  due: string;
  action: 'done' | 'snoozed' | 'declined';
  days?: number;
}

/**
 * Records what the salesperson did with a follow-up on its case, keyed by (rule, due) as the core
 * reads it, so it does not come back: done, declined (counts towards the stop rule) or snoozed.
 */
export async function actOn(input: FollowupAction, language: Language, now = new Date()): Promise<FollowupsDue> {
  if (Number.isNaN(Date.parse(input.due))) throw new Error(`follow-up "${input.rule}": "${input.due}" is not a time`);
  const { engine } = await currentEngine();
  if (!engine.bundle.followups.rules.some((rule) => rule.id === input.rule)) throw new Error(`"${input.rule}" is not a follow-up rule of this bundle`);
  const at = now.toISOString();
  const state = {
    rule: input.rule,
    due: input.due,
    state: input.action,
    at,
    ...(input.action === 'snoozed' ? { until: startOfDayAfter(now, input.days ?? 1).toISOString() } : {}),
  };
  await editCaseRecord({ id: input.case }, (record) => recordFollowup(record, state), now);
  await refreshBadge(language, now);
  return listDue(language, now);
}

/** One of the panel's words in the language chosen in Settings (chrome.i18n would follow the browser's). */
async function localeWord(language: Language, key: string): Promise<string> {
  const folder = language === 'en' ? 'en' : 'zh_CN';
  const messages = (await (await fetch(browser.runtime.getURL(`_locales/${folder}/messages.json`))).json()) as Record<string, { message: string }>;
  return messages[key]?.message ?? key;
}

async function notifyAllowed(): Promise<boolean> {
  if (!(await getSetting<boolean>(NOTIFY_SETTING))) return false;
  return browser.permissions.contains({ permissions: ['notifications'] }).catch(() => false);
}

export async function setNotify(enabled: boolean): Promise<void> {
  await setSetting(NOTIFY_SETTING, enabled);
  // Turned off: the notification already shown goes too.
  if (!enabled) await clearDueNotification();
}

/**
 * Counts what is due on the toolbar badge and, when the user allowed notifications, tells them of
 * follow-ups that became due since the last count (each once).
 */
export async function refreshBadge(language: Language, now = new Date()): Promise<number> {
  const due = await dueNow(language, now);
  await browser.action.setBadgeText({ text: due.length > 0 ? String(due.length) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
  const told = new Set((await getSetting<string[]>(NOTIFIED_SETTING)) ?? []);
  const fresh = due.filter((item) => !told.has(keyOf(item)));
  const allowed = await notifyAllowed();
  if (fresh.length > 0 && allowed) {
    const first = fresh[0]!;
    const title = (await localeWord(language, 'followupsNotifyTitle')).replace('{0}', String(due.length));
    await showDueNotification({ title, message: `${first.customer || '—'} · ${first.reason}` });
  } else if (due.length === 0) await clearDueNotification();
  // Only what is still due is remembered, so the list stays as short as today's. While
  // notifications are off nothing more is told, so turning them on tells what is due then.
  await setSetting(NOTIFIED_SETTING, (allowed ? due : due.filter((item) => told.has(keyOf(item)))).map(keyOf));
  return due.length;
}

/** Makes the alarm that wakes the worker to count again (the same name replaces an older one). */
export function scheduleFollowups(): void {
  void browser.alarms.create(FOLLOWUP_ALARM, { delayInMinutes: 1, periodInMinutes: ALARM_MINUTES });
}

// Changes to cases come in bursts (a message recorded, a case marked); one count after them is enough.
let soon: ReturnType<typeof setTimeout> | undefined;
export function casesChanged(language: () => Promise<Language>): void {
  if (soon !== undefined) clearTimeout(soon);
  soon = setTimeout(() => {
    soon = undefined;
    void language().then((lang) => refreshBadge(lang)).catch((error: unknown) => console.warn('closer: follow-ups not counted', error));
  }, 300);
}
