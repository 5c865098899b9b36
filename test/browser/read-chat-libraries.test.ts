import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openChatPage, openPanelTab, waitForContentScript, type Session } from './harness.ts';

// The reader with no set-up on pages built from real chat UI libraries from npm
// (test/fixtures/chat-pages/<library>/): the panel opens on the customer's last message,
// exactly, follows each new one, never takes the salesperson's own message or a notice, and an
// Insert lands in the library's chat box without sending.

const libraries = [
  { page: 'daisyui', editor: 'textarea' },
  { page: 'minchat', editor: '#app [contenteditable]' },
  { page: 'deep-chat', editor: '#chat >> #text-input' },
  { page: 'vue-advanced-chat', editor: '#chat >> textarea' },
  { page: 'quasar', editor: '#app input' },
  { page: 'vaadin', editor: 'vaadin-message-input textarea' },
];

const OPENING_LAST = '太贵了，能便宜点吗？';
let session: Session;

beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

const shown = (panel: Page) => panel.locator('[data-testid=customer-message]').textContent();

describe.each(libraries)('$page', ({ page: name, editor }) => {
  let chat: Page;
  let panel: Page;

  beforeAll(async () => {
    chat = await openChatPage(session, name);
    const tabId = await waitForContentScript(session, chat);
    panel = await openPanelTab(session, tabId);
  });
  afterAll(async () => {
    await panel?.close();
    await chat?.close();
  });

  test('opens with no set-up on the customer\'s last message, exactly, and its intent', async () => {
    await expect.poll(() => shown(panel)).toBe(OPENING_LAST);
    expect(await panel.getByTestId('intent').getAttribute('data-intent')).toBe('price');
  });

  test('follows a new customer message; the salesperson\'s own message and a notice are not taken', async () => {
    await chat.evaluate(() => window.chat.addCustomerMessage('有没有优惠？我是学生。'));
    await expect.poll(() => shown(panel)).toBe('有没有优惠？我是学生。');
    await chat.evaluate(() => window.chat.addOwnMessage('学生有八折，今天下单就可以。'));
    await chat.evaluate(() => window.chat.addNotice?.('客服 小李 已加入会话'));
    await chat.waitForTimeout(300);
    expect(await shown(panel)).toBe('有没有优惠？我是学生。');
    await chat.evaluate(() => window.chat.addCustomerMessage('那我考虑一下'));
    await expect.poll(() => shown(panel)).toBe('那我考虑一下');
  });

  test('Insert puts the reply into the library\'s chat box, and nothing is sent', async () => {
    await chat.click(editor);
    await chat.click('body', { position: { x: 5, y: 5 } }).catch(() => undefined);
    const card = panel.locator('[data-testid=replies] article').first();
    const reply = (await card.locator('.reply-text').textContent()) ?? '';
    expect(reply.length).toBeGreaterThan(0);
    await card.locator('.row button').first().click();
    await card.locator('[role=status].ok').waitFor();
    await expect.poll(() => chat.evaluate(() => window.chat.readEditor())).toBe(reply);
    expect(await chat.evaluate(() => window.chat.sends)).toEqual([]);
    // The inserted reply, once sent by the salesperson, is theirs: it is not read as the customer's.
    await chat.evaluate((text) => window.chat.addOwnMessage(text), reply);
    await chat.waitForTimeout(300);
    expect(await shown(panel)).toBe('那我考虑一下');
  });
});
