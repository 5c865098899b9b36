import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openChatPage, openPanelTab, sendToTab, waitForContentScript, type Session } from './harness.ts';

// Reading the customer's message from what the user selects, and the context-menu entry
// "Suggest replies for this message" on that selection.

let session: Session;
let chat: Page;
let tabId: number;

beforeAll(async () => {
  session = await launch();
  chat = await openChatPage(session, 'textarea');
  tabId = await waitForContentScript(session, chat);
});

afterAll(async () => {
  await session?.close();
});

/** Selects the text of the last customer message the way a user's triple-click would. */
async function selectLastCustomerMessage(): Promise<void> {
  await chat.locator('#messages .msg.customer').last().click({ clickCount: 3 });
}

const readSelection = async () => await sendToTab(session, tabId, { type: 'read-selection' }) as { text?: string; site: string; conversationKey: string };

test('nothing selected reads as no text, with the site and conversation', async () => {
  const answer = await readSelection();
  const url = new URL(chat.url());
  // The conversation is the customer the chat's header names, on this site.
  expect(answer).toEqual({ site: url.host, conversationKey: `${url.host} @王小雨` });
});

test('the selected message is read as text, markup and all, and nothing in it runs', async () => {
  const markup = '<img src=x onerror="window.pwned=1"> 这个和别家比有什么区别？';
  await chat.evaluate((text) => window.chat.addCustomerMessage(text), markup);
  await selectLastCustomerMessage();
  expect((await readSelection()).text).toBe(markup);
  expect(await chat.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});

test('a right-click on the selection keeps it for the context menu, and the panel shows that message', async () => {
  await chat.evaluate(() => window.chat.addCustomerMessage('太贵了，再考虑一下'));
  await selectLastCustomerMessage();
  await chat.locator('#messages .msg.customer').last().click({ button: 'right' });
  expect((await readSelection()).text).toBe('太贵了，再考虑一下');

  // The menu entry exists (update() rejects for an unknown id).
  await session.worker.evaluate(() => chrome.contextMenus.update('closer-suggest', {}));
  // Headless Chromium draws no native menu to click, so the worker hands the panel the
  // selection exactly as its onClicked handler does.
  const panel = await openPanelTab(session, tabId);
  await panel.locator('[data-testid=customer-message]').waitFor();
  await session.worker.evaluate((id) => chrome.runtime.sendMessage({ type: 'suggest-for', text: '太贵了，再考虑一下', tabId: id }), tabId);
  await expect.poll(() => panel.locator('[data-testid=customer-message]').textContent()).toBe('太贵了，再考虑一下');
  await panel.close();
});

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  contextMenus: { update(id: string, properties: object): Promise<void> };
};
