// Follow-ups of cases that team sync brings in count at once: a sale the salesperson recorded in
// another browser (here written straight into their database on a real pouchdb-server) makes a
// follow-up due today, and the toolbar badge shows it as soon as "Sync now" has pulled the case,
// not at the follow-ups' next 30-minute alarm (which the test takes away, so only the pull can
// count). A run that pulls nothing leaves the count as it is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startCouchServer, type CouchServer } from '../helpers/couch-server.ts';
import { launch, type Session } from './harness.ts';
import { openView } from './panel-helpers.ts';
import { loadBundle, PLAN_PLAYBOOK, wonCase } from './profile-followups-bundle.ts';
import { ask, extensionPage, prepareUser, putCaseOnServer, serverCases, setUpTeam, waitForStatus } from './sync-helpers.ts';
import { bundleOf, SHOP_PLAYBOOK } from './test-bundles.ts';

let couch: CouchServer;
let session: Session;
let panel: Page;
let db = '';
// wonCase records alice as the salesperson, and the server takes only a writer's own cases.
const user = 'alice';
const password = 'alice-secret';
// The machine may be busy with other builds: polls wait as long as a locator would.
const SLOW = { timeout: 15_000 };

type WorkerChrome = { chrome: { action: { getBadgeText(d: object): Promise<string> }; alarms: { clear(name: string): Promise<boolean>; get(name: string): Promise<unknown> } } };

/** The toolbar badge's text, as the worker set it. */
function badge(): Promise<string> {
  return session.worker.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.action.getBadgeText({}));
}


async function syncNowClick(): Promise<void> {
  const card = panel.getByTestId('team-settings');
  await card.getByRole('button', { name: /Sync now|立即同步/ }).click();
}

beforeAll(async () => {
  couch = await startCouchServer();
  db = await prepareUser(couch.adminUrl, user, password);
  session = await launch({ chatPages: false });
  panel = await extensionPage(session);
  await loadBundle(panel, bundleOf(SHOP_PLAYBOOK, PLAN_PLAYBOOK));
  await setUpTeam(panel, couch.url, user, password);
  await waitForStatus(panel, (status) => status.lastSync !== undefined && !status.running, 'the first sync');
}, 120_000);

afterAll(async () => {
  await session?.close();
  await couch?.stop();
});

describe('follow-ups of cases pulled by team sync', () => {
  it('counts a pulled case\'s follow-up on the badge right after Sync now, with no alarm to do it', async () => {
    await expect.poll(badge, SLOW).toBe('');
    // Without the follow-ups' alarm, nothing but the pull itself can count the badge again.
    await session.worker.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.alarms.clear('closer-followups'));
    expect(await session.worker.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.alarms.get('closer-followups'))).toBeUndefined();
    // Sold yesterday in another browser: the plan's day-one care is due today.
    const sold = wonCase('shop.example/chat-elsewhere', '周女士', 1);
    await putCaseOnServer(couch, db, sold);
    expect((await serverCases(couch.adminUrl, db)).map((doc) => doc._id)).toEqual([sold.id]);
    expect(await badge()).toBe('');

    await openView(panel, /Settings|设置/);
    await syncNowClick();
    const after = await waitForStatus(panel, (status) => !status.running && status.lastRun?.pulled === 1, 'the run that pulls the case');
    expect(after.error).toBeUndefined();
    await expect.poll(badge, SLOW).toBe('1');
    // The count is the one Due today lists: this customer's day-one care.
    const due = await ask<{ items: { case: string; rule: string; customer: string }[] }>(panel, { type: 'followups-due' });
    expect(due.items.map((item) => `${item.customer} ${item.rule}`)).toEqual(['周女士 care_day1']);
    expect(due.items[0]!.case).toBe(sold.id);
  });

  it('leaves the count alone after a run that pulls nothing', async () => {
    // Whatever the first test set going (its count, a pass two seconds after the pulled case was
    // stored) ends first: seen once on a fresh clone, a late count put "1" back after the wipe.
    await waitForStatus(panel, (status) => !status.running, 'the worker to finish syncing');
    await new Promise((wait) => setTimeout(wait, 3_000));
    await waitForStatus(panel, (status) => !status.running, 'the worker to finish syncing');
    // The badge is wiped by hand: a recount would put "1" back, and none should happen.
    await session.worker.evaluate(() => (globalThis as unknown as { chrome: { action: { setBadgeText(d: object): Promise<void> } } }).chrome.action.setBadgeText({ text: '' }));
    const clicked = new Date().toISOString();
    await syncNowClick();
    // This click's run, not an earlier one that also pulled nothing.
    await waitForStatus(panel, (status) => !status.running && status.lastSync !== undefined && status.lastSync >= clicked && status.lastRun?.pulled === 0, 'a run that pulls nothing');
    // The recount after a pull waits 300 ms to gather a burst; give it well over that.
    await new Promise((wait) => setTimeout(wait, 1_500));
    expect(await badge()).toBe('');
  });
});
