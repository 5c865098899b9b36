// The follow-ups' system notification in real Chromium, and what clicking it does.
//
// Two stand-ins, both unavoidable in a headless browser, said here plainly:
// - The permission. Users grant "notifications" (an optional permission) in the browser's own
//   prompt, which nothing can answer in a headless test. So the test loads a copy of the test
//   build whose manifest lists it as a required permission (granted at install); everything else
//   is the real path: the Settings checkbox asks chrome.permissions (which then says yes at once),
//   the worker counts, and Chrome's real chrome.notifications shows the notification, which
//   chrome.notifications.getAll lists. Chrome has no call that reads a shown notification's text
//   back, so the test wraps chrome.notifications.create in the worker to note what it was given
//   (and still calls it).
// - The click. A headless browser draws no notification to click, so the test dispatches
//   chrome.notifications.onClicked itself, to the worker's real listener, with the notification's
//   id. Chrome sends a real click with a user gesture, which is what lets the listener open the
//   side panel; the test gives it one the same way, from a trusted Playwright click on an
//   extension page whose message the worker receives with that gesture. Dispatched with no
//   gesture at all (as Firefox, or when the panel cannot open), the click opens Due today in a tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { ensureExtensionBuilt, extensionDir, launch, waitFor, type Session } from './harness.ts';
import { openView } from './panel-helpers.ts';
import { loadBundle, PLAN_PLAYBOOK, wonCase, writeCases } from './profile-followups-bundle.ts';
import { ask, extensionPage } from './sync-helpers.ts';
import { bundleOf, SHOP_PLAYBOOK } from './test-bundles.ts';

const NOTIFICATION = 'closer-followups';
const WANG = '王小雨';
const LI = '李总';
// The machine may be busy with other builds: polls wait as long as a locator would.
const SLOW = { timeout: 15_000 };
const extensionCopy = mkdtempSync(join(tmpdir(), 'closer-notify-ext-'));
let session: Session;
let panel: Page;

interface Shown {
  id: string;
  title: string;
  message: string;
}
type WorkerChrome = {
  chrome: {
    notifications: {
      create(id: string, options: { title: string; message: string }): Promise<string>;
      getAll(): Promise<Record<string, boolean>>;
      onClicked: { dispatch(id: string): void };
    };
    action: { getBadgeText(d: object): Promise<string>; setBadgeText(d: object): Promise<void> };
    alarms: { create(name: string, info: object): Promise<void> };
    runtime: { onMessage: { addListener(listener: (message: unknown) => undefined): void } };
  };
  closerShown?: Shown[];
};

/** The copy of the test build in which "notifications" is granted at install (see above). */
function buildWithNotifications(): string {
  ensureExtensionBuilt();
  cpSync(extensionDir, extensionCopy, { recursive: true });
  const path = join(extensionCopy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { permissions: string[]; optional_permissions: string[] };
  expect(manifest.optional_permissions).toContain('notifications');
  manifest.permissions.push('notifications');
  manifest.optional_permissions = manifest.optional_permissions.filter((name) => name !== 'notifications');
  writeFileSync(path, JSON.stringify(manifest, null, 2));
  return extensionCopy;
}

function badge(): Promise<string> {
  return session.worker.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.action.getBadgeText({}));
}

/** The notifications Chrome holds for the extension now. */
function shownNow(): Promise<Record<string, boolean>> {
  return session.worker.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.notifications.getAll());
}

/** What the worker gave chrome.notifications.create, in order. */
function created(): Promise<Shown[]> {
  return session.worker.evaluate(() => (globalThis as unknown as WorkerChrome).closerShown ?? []);
}

/** The page targets the browser has now (a side panel opened after Playwright connected is listed here). */
async function pageTargets(): Promise<string[]> {
  const cdp = await session.cdp!.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
    return targetInfos.filter((target) => target.type === 'page').map((target) => target.url);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The real side panel as a page: Playwright's CDP connection sees it after connecting again. */
async function sidePanelPage(url: string): Promise<Page> {
  await session.cdp?.close().catch(() => {});
  session.cdp = await chromium.connectOverCDP(`http://127.0.0.1:${session.cdpPort}`);
  const page = session.cdp.contexts().flatMap((context) => context.pages()).find((candidate) => candidate.url() === url);
  if (!page) throw new Error(`the side panel ${url} is not among the pages`);
  return page;
}

beforeAll(async () => {
  session = await launch({ extension: buildWithNotifications(), cdp: true, chatPages: false });
  panel = await extensionPage(session);
  // Note what each notification was made with, then make it for real.
  await session.worker.evaluate(() => {
    const scope = globalThis as unknown as WorkerChrome;
    const { notifications } = scope.chrome;
    const real = notifications.create.bind(notifications);
    scope.closerShown = [];
    notifications.create = (id, options) => {
      scope.closerShown!.push({ id, title: options.title, message: options.message });
      return real(id, options);
    };
  });
  await loadBundle(panel, bundleOf(SHOP_PLAYBOOK, PLAN_PLAYBOOK));
  // 王小雨 bought three days ago (both rules overdue), 李总 yesterday (the first rule due today).
  const imported = await ask<{ added: number }>(panel, { type: 'cases-import', text: writeCases([wonCase('shop.example @王小雨', WANG, 3), wonCase('shop.example @李总', LI, 1)]), source: 'won.jsonl' });
  expect(imported.added).toBe(2);
}, 120_000);

afterAll(async () => {
  await session?.close();
  rmSync(extensionCopy, { recursive: true, force: true });
});

describe('the follow-ups notification', () => {
  it('is not shown until the user turns it on, though the badge counts', async () => {
    await expect.poll(badge, SLOW).toBe('3');
    expect(await created()).toEqual([]);
    expect(await shownNow()).toEqual({});
  });

  it('shows today\'s count and the first follow-up once turned on in Settings, and tells each follow-up once', async () => {
    await openView(panel, 'Settings');
    const toggle = panel.getByRole('checkbox', { name: 'Also tell me with a system notification' });
    await expect.poll(() => toggle.isEnabled(), SLOW).toBe(true);
    await toggle.check();
    await expect.poll(() => toggle.isChecked(), SLOW).toBe(true);
    expect(await panel.getByRole('alert').count()).toBe(0);
    await expect.poll(shownNow, SLOW).toEqual({ [NOTIFICATION]: true });
    // The earliest due comes first: 王小雨's day-one care, two days overdue, with why it is due as Due today says it.
    const [first] = (await ask<{ items: { customer: string; rule: string; reason: string }[] }>(panel, { type: 'followups-due' })).items;
    expect(`${first!.customer} ${first!.rule}`).toBe(`${WANG} care_day1`);
    expect(first!.reason).toContain('Ask how it tastes, the day after the sale');
    expect(await created()).toEqual([{ id: NOTIFICATION, title: 'Closer: 3 follow-up(s) due today', message: `${WANG} · ${first!.reason}` }]);
    // The alarm counts again; nothing new is due, so nothing new is shown.
    await session.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as WorkerChrome;
      await chrome.action.setBadgeText({ text: '' });
      await chrome.alarms.create('closer-followups', { when: Date.now() + 200, periodInMinutes: 30 });
    });
    await expect.poll(badge, SLOW).toBe('3');
    expect((await created()).length).toBe(1);
  });

  it('clicked, opens the side panel on Due today and takes the notification away', async () => {
    const panelUrl = `chrome-extension://${session.extensionId}/panel.html`;
    expect(await pageTargets()).not.toContain(panelUrl);
    // The worker hands the click on with the gesture of the message that brings it (see above).
    await session.worker.evaluate((id) => {
      const { chrome } = globalThis as unknown as WorkerChrome;
      chrome.runtime.onMessage.addListener((message) => {
        if ((message as { closerTestClick?: string } | null)?.closerTestClick === id) chrome.notifications.onClicked.dispatch(id);
        return undefined;
      });
    }, NOTIFICATION);
    const clicker = await session.context.newPage();
    await clicker.goto(`chrome-extension://${session.extensionId}/panel.html?opener=1`);
    await clicker.evaluate((id) => {
      const button = document.createElement('button');
      button.id = 'closer-test-click-notification';
      button.textContent = 'click the notification';
      button.style.cssText = 'position:fixed;top:0;left:0;z-index:2147483647';
      button.addEventListener('click', () => void (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ closerTestClick: id }));
      document.body.append(button);
    }, NOTIFICATION);
    await clicker.click('#closer-test-click-notification');
    await waitFor(async () => (await pageTargets()).includes(panelUrl), 'the side panel to open');
    const sidePanel = await sidePanelPage(panelUrl);
    await expect.poll(() => sidePanel.locator('#tab-followups').getAttribute('aria-selected'), SLOW).toBe('true');
    await expect.poll(() => sidePanel.getByTestId('followup').count(), SLOW).toBe(3);
    await expect.poll(shownNow, SLOW).toEqual({});
    // A panel already open hears the click too and shows the list.
    await expect.poll(() => panel.locator('#tab-followups').getAttribute('aria-selected'), SLOW).toBe('true');
    await clicker.close();
  });

  it('clicked with no user gesture (the side panel cannot open), opens Due today in a tab', async () => {
    const before = session.context.pages().length;
    const opened = session.context.waitForEvent('page', { timeout: 15_000 });
    await session.worker.evaluate((id) => (globalThis as unknown as WorkerChrome).chrome.notifications.onClicked.dispatch(id), NOTIFICATION);
    const tab = await opened;
    await tab.waitForLoadState();
    expect(tab.url()).toBe(`chrome-extension://${session.extensionId}/panel.html?view=followups`);
    await expect.poll(() => tab.locator('#tab-followups').getAttribute('aria-selected'), SLOW).toBe('true');
    await expect.poll(() => tab.getByTestId('followup').count(), SLOW).toBe(3);
    expect(session.context.pages().length).toBe(before + 1);
  });

  it('tells a follow-up that became due later, and takes the notification away when turned off in Settings', async () => {
    // A sale recorded since makes one more follow-up due: it alone is told, with the new count.
    const imported = await ask<{ added: number }>(panel, { type: 'cases-import', text: writeCases([wonCase('shop.example @赵姐', '赵姐', 1)]), source: 'one-more.jsonl' });
    expect(imported.added).toBe(1);
    await expect.poll(shownNow, SLOW).toEqual({ [NOTIFICATION]: true });
    expect((await created()).at(-1)).toMatchObject({ title: 'Closer: 4 follow-up(s) due today', message: expect.stringMatching(/^赵姐 · /) });
    expect((await created()).length).toBe(2);
    await openView(panel, 'Settings');
    const toggle = panel.getByRole('checkbox', { name: 'Also tell me with a system notification' });
    await expect.poll(() => toggle.isChecked(), SLOW).toBe(true);
    await toggle.uncheck();
    await expect.poll(shownNow, SLOW).toEqual({});
  });

  it('ignores a click on a notification that is not its own', async () => {
    const before = session.context.pages().length;
    await session.worker.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.notifications.onClicked.dispatch('someone-else'));
    await new Promise((wait) => setTimeout(wait, 1_000));
    expect(session.context.pages().length).toBe(before);
  });
});
