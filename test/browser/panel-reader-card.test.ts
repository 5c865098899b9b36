import { afterAll, beforeAll, expect, test } from 'vitest';
import { launch, openChatPage, openPanelTab, waitForContentScript, type Session } from './harness.ts';
import { openView } from './panel-helpers.ts';

// Settings shows what the reader makes of the chat tab, so a salesperson can see why the panel
// shows what it shows: the reader, where the list came from, the customer, the last messages,
// the signals behind them.

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

test('on a chat library page with no set-up: found by the reader, the customer, both last messages and why', async () => {
  const chat = await openChatPage(session, 'vue-advanced-chat');
  const tabId = await waitForContentScript(session, chat);
  const panel = await openPanelTab(session, tabId);
  await openView(panel, /Settings|设置/);
  const card = panel.getByTestId('reader-card');
  await card.locator('[data-testid=reader-last-customer]').waitFor();
  expect(await card.getAttribute('data-source')).toBe('found');
  expect(await card.getByTestId('reader-conversation').textContent()).toBe('王小雨');
  expect(await card.getByTestId('reader-last-customer').textContent()).toBe('太贵了，能便宜点吗？');
  expect(await card.getByTestId('reader-last-own').textContent()).toBe('您好！年卡 1999 元，含全部课程。');
  const why = (await card.getByTestId('reader-why').textContent()) ?? '';
  expect(why).toMatch(/above the chat box/);
  expect(why).toMatch(/left out sender name: 王小雨/);

  // A new message, then "Read again": the card follows the page.
  await chat.evaluate(() => window.chat.addCustomerMessage('有没有<b>学生价</b>？'));
  await card.getByRole('button', { name: /Read again|重新读取/ }).click();
  await expect.poll(() => card.getByTestId('reader-last-customer').textContent()).toBe('有没有<b>学生价</b>？');
  expect(await card.locator('b').count()).toBe(0);
  await panel.close();
  await chat.close();
});

test('on an empty page: says no list was found and where to pick one', async () => {
  const chat = await openChatPage(session, 'textarea');
  await chat.evaluate(() => document.querySelector('.messages')!.remove());
  const tabId = await waitForContentScript(session, chat);
  const panel = await openPanelTab(session, tabId);
  await openView(panel, /Settings|设置/);
  const card = panel.getByTestId('reader-card');
  await expect.poll(() => card.getAttribute('data-source')).toBe('none');
  expect(await card.getByTestId('reader-source').textContent()).toMatch(/No message list found|没有找到消息列表/);
});
