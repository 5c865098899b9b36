import { afterAll, beforeAll, expect, test } from 'vitest';
import { launch, openChatPage, openPanelTab, sendToTab, waitForContentScript, type Session } from './harness.ts';

// A chat inside a same-origin iframe (as support widgets embed theirs): the content script in
// the page reads the frame's messages and header, follows them, and inserts into its textarea.

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

test('reads the frame\'s last customer message and customer, follows it, and inserts into its chat box', async () => {
  const chat = await openChatPage(session, 'iframe-chat');
  const tabId = await waitForContentScript(session, chat);
  const host = new URL(chat.url()).host;
  expect(await sendToTab(session, tabId, { type: 'read-latest' })).toEqual({ message: '这款课程多少钱？', customer: '赵敏', conversationKey: `${host} @赵敏`, site: host });

  const panel = await openPanelTab(session, tabId);
  const shown = () => panel.locator('[data-testid=customer-message]').textContent();
  await expect.poll(shown).toBe('这款课程多少钱？');
  await chat.evaluate(() => window.chat.addCustomerMessage('太贵了，有优惠吗？'));
  await expect.poll(shown).toBe('太贵了，有优惠吗？');
  await chat.evaluate(() => window.chat.addOwnMessage('学生八折。'));
  await chat.waitForTimeout(300);
  expect(await shown()).toBe('太贵了，有优惠吗？');

  await chat.frameLocator('iframe').locator('textarea').click();
  await chat.click('header');
  const card = panel.locator('[data-testid=replies] article').first();
  const reply = (await card.locator('.reply-text').textContent()) ?? '';
  await card.locator('.row button').first().click();
  await card.locator('[role=status].ok').waitFor();
  await expect.poll(() => chat.evaluate(() => window.chat.readEditor())).toBe(reply);
  expect(await chat.evaluate(() => window.chat.sends)).toEqual([]);
});
