import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openChatPage, openPanelTab, sendToTab, waitForContentScript, type Session } from './harness.ts';

// Which conversation is open: the customer the chat's header names, on this site; the URL only
// when the page names nobody. Single-URL inboxes get one case per customer, and {{customer}} is
// filled from the page until the salesperson types their own.

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

interface Latest { message?: string; conversationKey: string; customer?: string }
const readLatest = (tabId: number) => sendToTab(session, tabId, { type: 'read-latest' }) as Promise<Latest>;
const shown = (panel: Page) => panel.locator('[data-testid=customer-message]').textContent();
const customerField = (panel: Page) => panel.locator('.variables input[name=customer]');
// The conversation's details fold away (and "more details" inside them): open both, as a person would.
const openDetails = (panel: Page) => panel.locator('.variables').first().waitFor().then(() => panel.evaluate(() => {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('details.variables, details.variables details')) details.open = true;
}));

async function casesByConversation(panel: Page): Promise<string[]> {
  const answer = await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'cases-list' })) as { result: { cases: Array<{ conversation: string }> } };
  return answer.result.cases.map((record) => record.conversation).sort();
}

test.each(['daisyui', 'minchat', 'deep-chat', 'vue-advanced-chat', 'quasar', 'vaadin'])('%s: the conversation is the customer named in the header, on this site', async (name) => {
  const chat = await openChatPage(session, name);
  const tabId = await waitForContentScript(session, chat);
  const latest = await readLatest(tabId);
  const host = new URL(chat.url()).host;
  expect(latest).toMatchObject({ customer: '王小雨', conversationKey: `${host} @王小雨`, message: '太贵了，能便宜点吗？' });
  await chat.close();
});

test('two chats one after the other in one tab: each its own case, the panel follows, {{customer}} filled from the page', async () => {
  const chat = await openChatPage(session, 'daisyui');
  const tabId = await waitForContentScript(session, chat);
  const panel = await openPanelTab(session, tabId);
  await expect.poll(() => shown(panel)).toBe('太贵了，能便宜点吗？');
  await openDetails(panel);
  await expect.poll(() => customerField(panel).inputValue()).toBe('王小雨');

  await chat.evaluate(() => window.chat.switchCustomer?.('李雷'));
  await chat.evaluate(() => window.chat.addCustomerMessage('你们和别家比有什么优势？'));
  await expect.poll(() => shown(panel)).toBe('你们和别家比有什么优势？');
  const host = new URL(chat.url()).host;
  expect((await readLatest(tabId)).conversationKey).toBe(`${host} @李雷`);
  await expect.poll(() => customerField(panel).inputValue()).toBe('李雷');
  await expect.poll(() => casesByConversation(panel)).toEqual([`${host} @李雷`, `${host} @王小雨`]);
  await panel.close();
  await chat.close();
});

test('the same URL in two tabs with different customers: two conversations, two cases; a corrected name stays', async () => {
  const first = await openChatPage(session, 'vaadin');
  const firstTab = await waitForContentScript(session, first);
  const second = await openChatPage(session, 'vaadin');
  // Both tabs have the same URL: the second is the tab that is not the first.
  const secondTab = await session.worker.evaluate(async ([url, known]) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === url && tab.id !== known)?.id;
  }, [second.url(), firstTab] as const) as number;
  await expect.poll(() => readLatest(secondTab).then(Boolean, () => false)).toBe(true);
  await second.evaluate(() => window.chat.switchCustomer?.('韩梅梅'));
  expect(first.url()).toBe(second.url());
  const host = new URL(first.url()).host;
  expect((await readLatest(firstTab)).conversationKey).toBe(`${host} @王小雨`);
  expect((await readLatest(secondTab)).conversationKey).toBe(`${host} @韩梅梅`);

  const panelOne = await openPanelTab(session, firstTab);
  const panelTwo = await openPanelTab(session, secondTab);
  await expect.poll(() => shown(panelOne)).toBe('太贵了，能便宜点吗？');
  await expect.poll(() => shown(panelTwo)).toBe('太贵了，能便宜点吗？');
  const cases = await casesByConversation(panelOne);
  expect(cases).toContain(`${host} @王小雨`);
  expect(cases).toContain(`${host} @韩梅梅`);

  // The salesperson corrects the name; the page's name does not overwrite it afterwards.
  await openDetails(panelTwo);
  await expect.poll(() => customerField(panelTwo).inputValue()).toBe('韩梅梅');
  await customerField(panelTwo).fill('韩姐');
  await panelTwo.locator('.variables form > button[type=submit]').click();
  await panelTwo.reload();
  await expect.poll(() => shown(panelTwo)).toBe('太贵了，能便宜点吗？');
  await openDetails(panelTwo);
  await expect.poll(() => customerField(panelTwo).inputValue()).toBe('韩姐');
});

test('a page that names nobody falls back to its address', async () => {
  const chat = await openChatPage(session, 'picker');
  const tabId = await waitForContentScript(session, chat);
  await chat.evaluate(() => document.querySelector('header')!.remove());
  const url = new URL(chat.url());
  await expect.poll(async () => (await readLatest(tabId)).conversationKey).toBe(`${url.host}${url.pathname}`);
  await chat.close();
});

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
};
