import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openChatPage, openPanelTab, sendToTab, waitForContentScript, type Session } from './harness.ts';

// Pages that are hard to read: nothing to read, a very long chat, a list the framework
// replaces whole, a huge message, markup meant to run. Each gives a clear state in the panel,
// no error, and the page keeps working.

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

// Closed after each test, passed or failed: a chat tab left open would be found again by its URL.
const opened: Page[] = [];
afterEach(async () => {
  for (const page of opened.splice(0)) await page.close().catch(() => undefined);
});

const shown = (panel: Page) => panel.locator('[data-testid=customer-message]').textContent();

async function open(name: string, prepare?: (chat: Page) => Promise<void>): Promise<{ chat: Page; panel: Page; tabId: number }> {
  const chat = await openChatPage(session, name);
  if (prepare) await prepare(chat);
  const tabId = await waitForContentScript(session, chat);
  const panel = await openPanelTab(session, tabId);
  opened.push(panel, chat);
  return { chat, panel, tabId };
}

test('an empty page: the panel says there is no message yet, with no error; a chat shown later is found', async () => {
  const { chat, panel, tabId } = await open('daisyui', (page) => page.evaluate(() => document.body.replaceChildren()));
  await panel.locator('.card.message .muted').waitFor();
  expect(await panel.locator('[data-testid=customer-message]').count()).toBe(0);
  expect(await panel.locator('[role=alert]').count()).toBe(0);
  expect((await sendToTab(session, tabId, { type: 'read-latest' }) as { message?: string }).message).toBeUndefined();

  // A single-page app that shows its chat later: found as it appears, and followed.
  await chat.evaluate(() => {
    const pane = document.createElement('main');
    pane.style.cssText = 'display:flex;flex-direction:column;height:100vh';
    const list = document.createElement('div');
    list.className = 'message-list';
    list.style.cssText = 'flex:1;overflow-y:auto;display:flex;flex-direction:column';
    for (const [text, own] of [['你好', false], ['您好！', true]] as const) {
      const item = document.createElement('div');
      item.className = own ? 'message outgoing' : 'message incoming';
      item.style.alignSelf = own ? 'flex-end' : 'flex-start';
      item.textContent = text;
      list.append(item);
    }
    pane.append(list, document.createElement('textarea'));
    document.body.append(pane);
    setTimeout(() => {
      const item = document.createElement('div');
      item.className = 'message incoming';
      item.textContent = '后来才出现的聊天：有货吗？';
      list.append(item);
    }, 1500);
  });
  await expect.poll(() => shown(panel), { timeout: 10_000 }).toBe('后来才出现的聊天：有货吗？');
});

test('5,000 messages: the last customer message exactly, followed live, and the content script answers at once', async () => {
  // The page's own messages, copied 2,500 times each in one go (adding them one by one makes the
  // page lay out its list 5,000 times).
  const { chat, panel, tabId } = await open('daisyui', (page) => page.evaluate(() => {
    const list = document.querySelector('.chat-messages')!;
    const customer = list.querySelector('.chat-start')!;
    const own = list.querySelector('.chat-end')!;
    const history = document.createDocumentFragment();
    for (let index = 0; index < 5000; index += 1) {
      const row = (index % 2 ? own : customer).cloneNode(true) as Element;
      row.querySelector('.chat-bubble')!.textContent = `历史消息 ${index}`;
      history.append(row);
    }
    list.replaceChildren(history);
  }));
  await expect.poll(() => shown(panel)).toBe('历史消息 4998');
  await chat.evaluate(() => window.chat.addCustomerMessage('能开发票吗？'));
  await expect.poll(() => shown(panel)).toBe('能开发票吗？');
  const started = Date.now();
  expect(await sendToTab(session, tabId, { type: 'read-latest' })).toMatchObject({ message: '能开发票吗？' });
  // Finding the list again on a 5,000-message page, and a message round trip, well under a second.
  expect(Date.now() - started).toBeLessThan(1500);
});

test('a list the framework replaces whole is found again and followed', async () => {
  const { chat, panel } = await open('daisyui');
  await expect.poll(() => shown(panel)).toBe('太贵了，能便宜点吗？');
  await chat.evaluate(() => {
    const old = document.querySelector('.chat-messages')!;
    const fresh = old.cloneNode(true) as HTMLElement;
    fresh.querySelector('.chat-start:last-of-type .chat-bubble')!.textContent = '换了一批渲染：什么时候发货？';
    old.replaceWith(fresh);
  });
  await expect.poll(() => shown(panel)).toBe('换了一批渲染：什么时候发货？');
  // The page's framework now renders into the new list.
  await chat.evaluate(() => {
    const list = document.querySelector('.chat-messages')!;
    const row = list.querySelector('.chat-start')!.cloneNode(true) as Element;
    row.querySelector('.chat-bubble')!.textContent = '可以货到付款吗？';
    list.append(row);
  });
  await expect.poll(() => shown(panel)).toBe('可以货到付款吗？');
});

test('a message of 100,000 characters is shown cut to its first 4,000, with its intent, no error', async () => {
  const { chat, panel } = await open('daisyui');
  await chat.evaluate(() => window.chat.addCustomerMessage(`太贵了${'，'.repeat(2)}${'便宜点'.repeat(33_332)}`));
  await expect.poll(async () => (await shown(panel))?.length).toBe(4000);
  expect((await shown(panel))!.startsWith('太贵了，，便宜点')).toBe(true);
  await panel.getByTestId('intent').waitFor();
  expect(await panel.locator('[role=alert]').count()).toBe(0);
});

test('hostile markup in messages is read as text and runs nowhere', async () => {
  const { chat, panel } = await open('daisyui');
  // A chat that renders rich text puts real elements in the bubble; one that escapes shows markup as text.
  await chat.evaluate(() => {
    window.chat.addCustomerMessage('x');
    const bubble = document.querySelector('.chat-messages > .chat-start:last-child .chat-bubble')!;
    bubble.innerHTML = '<b>价格</b>多少？<img src="x" onerror="window.pwned=1" alt="img"><script>window.pwned=2</script><style>.chat-bubble{}</style>';
  });
  await expect.poll(() => shown(panel)).toBe('价格多少？');
  await chat.evaluate(() => window.chat.addCustomerMessage('<img src=y onerror="parent.pwned=3"><script>alert(1)</script>贵吗'));
  await expect.poll(() => shown(panel)).toBe('<img src=y onerror="parent.pwned=3"><script>alert(1)</script>贵吗');
  expect(await panel.locator('.card.message img, .card.message script').count()).toBe(0);
  expect(await panel.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});
