// The real Chromium side panel, opened by a trusted click (sidePanel.open needs a user gesture),
// follows the active chat tab: it shows the latest customer message, updates live, and inserts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openChatPage, openRealSidePanel, waitForContentScript, type Session } from './harness.ts';
import { shownIntent, shownReplies, waitForSuggestions } from './panel-helpers.ts';

let session: Session;
let chat: Page;
let sidePanel: Page;

beforeAll(async () => {
  session = await launch({ cdp: true });
  chat = await openChatPage(session, 'textarea');
  const tabId = await waitForContentScript(session, chat);
  await chat.evaluate(() => window.chat.addCustomerMessage('这个太贵了，能便宜点吗？'));
  sidePanel = await openRealSidePanel(session, tabId);
  await chat.bringToFront();
});

afterAll(async () => {
  await session?.close();
});

describe('the real side panel', () => {
  it('opens on the toolbar button (panel behaviour set by the worker)', async () => {
    // Set by the worker as it starts; polled, since the worker may still be starting.
    const behaviour = () =>
      session.worker.evaluate(() =>
        (globalThis as unknown as { chrome: { sidePanel: { getPanelBehavior(): Promise<{ openPanelOnActionClick?: boolean }> } } }).chrome.sidePanel.getPanelBehavior(),
      );
    await expect.poll(async () => (await behaviour()).openPanelOnActionClick).toBe(true);
  });

  it('shows the active chat tab’s latest customer message with suggestions from the default playbooks', async () => {
    await waitForSuggestions(sidePanel, '这个太贵了，能便宜点吗？');
    expect(await shownIntent(sidePanel)).toBe('price');
    expect((await shownReplies(sidePanel)).length).toBeGreaterThan(0);
  });

  it('follows a new customer message live and inserts a reply from the side panel', async () => {
    const message = '我再考虑考虑吧';
    await chat.evaluate((text) => window.chat.addCustomerMessage(text), message);
    await waitForSuggestions(sidePanel, message);
    expect(await shownIntent(sidePanel)).toBe('hesitation');
    await chat.locator('textarea').click();
    const first = sidePanel.locator('[data-testid=replies] article').first();
    const text = (await first.locator('.reply-text').textContent()) ?? '';
    await first.getByRole('button', { name: /Insert|插入/ }).click();
    await expect.poll(() => chat.evaluate(() => window.chat.readEditor())).toBe(text);
    expect(await chat.evaluate(() => window.chat.sends)).toEqual([]);
  });

  it('follows the user to another chat tab, and back', async () => {
    const second = await openChatPage(session, 'contenteditable');
    await waitForContentScript(session, second);
    const message = '你们和隔壁那家比有什么区别？';
    await second.evaluate((text) => window.chat.addCustomerMessage(text), message);
    await second.bringToFront();
    await waitForSuggestions(sidePanel, message);
    await chat.bringToFront();
    const back = '那我今天下单能送什么？';
    await chat.evaluate((text) => window.chat.addCustomerMessage(text), back);
    await waitForSuggestions(sidePanel, back);
    await second.close();
  });
});
