import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openChatPage, openPanelTab, sendToTab, waitFor, waitForContentScript, type Session } from './harness.ts';

// "Pick the message list", driven from the panel's buttons: hover highlights the list, a click
// chooses it (the page never sees that click), the choice is saved per site by the background,
// survives a reload, is watched live, and can be forgotten. The fixture page ("picker") has a
// scrolling contact list with more text than the conversation, which does not scroll itself:
// the reader still finds the conversation, and picking stays the fallback.

let session: Session;
let chat: Page;
let panel: Page;
let tabId: number;

const PICK = /^(Pick the message list|选取消息列表)$/;
const RESET = /^(Forget the message list|忘记消息列表)$/;

beforeAll(async () => {
  session = await launch();
  chat = await openChatPage(session, 'picker');
  tabId = await waitForContentScript(session, chat);
  panel = await openPanelTab(session, tabId);
});

afterAll(async () => {
  await session?.close();
});

async function readLatest(): Promise<{ message?: string; site: string; conversationKey: string }> {
  return await sendToTab(session, tabId, { type: 'read-latest' }) as { message?: string; site: string; conversationKey: string };
}

async function savedSites(): Promise<Array<{ site: string; selector: string }>> {
  const answer = await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'settings-get' })) as { ok: boolean; result: { sites: Array<{ site: string; selector: string }> } };
  return answer.result.sites;
}

const site = () => new URL(chat.url()).host;
const hint = () => panel.locator('form.paste [role=status]');
const shownMessage = () => panel.locator('[data-testid=customer-message]').textContent();

test('without a pick, the reader finds the conversation, not the longer scrolling contact list', async () => {
  const latest = await readLatest();
  expect(latest.message).toBe('这款课程多少钱？');
  expect(latest.site).toBe(site());
});

test('Escape cancels picking: the highlight goes, nothing is saved, the page works again', async () => {
  await panel.getByRole('button', { name: PICK }).click();
  await chat.locator('#closer-pick-highlight').waitFor({ state: 'attached' });
  await chat.hover('main .messages .msg.customer >> nth=0');
  await chat.locator('#closer-pick-highlight').waitFor({ state: 'visible' });
  await chat.keyboard.press('Escape');
  await chat.locator('#closer-pick-highlight').waitFor({ state: 'detached' });
  // The panel's hint goes with it.
  await expect.poll(() => hint().count()).toBe(0);
  expect(await savedSites()).toEqual([]);
  await chat.click('#send');
  expect(await chat.evaluate(() => window.pageClicks)).toBe(1);
  expect(await chat.evaluate(() => window.chat.sends.length)).toBe(1);
});

test('hover highlights the message list, a click chooses it and the page never sees the click', async () => {
  const clicksBefore = await chat.evaluate(() => window.pageClicks);
  await panel.getByRole('button', { name: PICK }).click();
  await chat.locator('#closer-pick-highlight').waitFor({ state: 'attached' });
  await chat.hover('main .messages .msg.me');
  const highlight = await waitFor(() => chat.locator('#closer-pick-highlight').boundingBox(), 'the highlight box');
  const list = (await chat.locator('main .messages').boundingBox())!;
  // The highlight frames the whole list, not the one message under the pointer.
  for (const side of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(highlight[side] - list[side])).toBeLessThan(1);

  await chat.click('main .messages .msg.me');
  await chat.locator('#closer-pick-highlight').waitFor({ state: 'detached' });
  expect(await chat.evaluate(() => window.pageClicks)).toBe(clicksBefore);
  await expect.poll(savedSites).toEqual([{ site: site(), selector: 'div.messages' }]);
  // The newest customer message of the chosen list; the user's own message after it is skipped.
  expect((await readLatest()).message).toBe('这款课程多少钱？');
  await expect.poll(shownMessage).toBe('这款课程多少钱？');
  // The hint is cleared and the panel scrolls back up to the message and its intent.
  await expect.poll(() => hint().count()).toBe(0);
  await expect.poll(() => panel.evaluate(() => {
    const box = document.getElementById('latest-heading')!.getBoundingClientRect();
    // Scrolled to the heading's own top edge, give or take a subpixel.
    return box.top > -2 && box.bottom <= window.innerHeight;
  })).toBe(true);
});

test('the picked list is watched live: a customer message updates the panel, an own message does not', async () => {
  await chat.evaluate(() => window.chat.addCustomerMessage('有没有优惠？'));
  await expect.poll(shownMessage).toBe('有没有优惠？');
  await chat.evaluate(() => window.chat.addOwnMessage('现在下单送一个月答疑。'));
  expect((await readLatest()).message).toBe('有没有优惠？');
  // Chat text is text: markup in a message is read literally and never runs.
  const markup = '<img src=x onerror="window.pwned=1">贵吗';
  await chat.evaluate((text) => window.chat.addCustomerMessage(text), markup);
  await expect.poll(shownMessage).toBe(markup);
  expect(await panel.locator('img').count()).toBe(0);
  expect(await chat.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});

test('each new customer message is reported once, even when it repeats the previous text', async () => {
  // Records what reaches the worker; an extra listener beside the hub's, for this test only.
  await session.worker.evaluate(() => {
    const events: string[] = [];
    (globalThis as unknown as { testEvents: string[] }).testEvents = events;
    chrome.runtime.onMessage.addListener((message: { type?: string; text?: string }) => {
      if (message.type === 'customer-message') events.push(message.text ?? '');
    });
  });
  await chat.evaluate(() => window.chat.addCustomerMessage('在吗？'));
  await chat.evaluate(() => window.chat.addOwnMessage('在的'));
  await chat.evaluate(() => window.chat.addCustomerMessage('在吗？'));
  const events = () => session.worker.evaluate(() => (globalThis as unknown as { testEvents: string[] }).testEvents);
  await expect.poll(events).toEqual(['在吗？', '在吗？']);
});

test('without telling class names, a message on the right is taken as the user\'s own', async () => {
  const add = (text: string, side: 'flex-start' | 'flex-end') => chat.evaluate(([body, align]) => {
    const item = document.createElement('div');
    item.style.cssText = `align-self:${align};padding:8px 12px`;
    item.textContent = body;
    document.querySelector('.messages')!.append(item);
  }, [text, side] as const);
  await add('能开发票吗？', 'flex-start');
  await expect.poll(async () => (await readLatest()).message).toBe('能开发票吗？');
  await add('可以的，下单时填抬头。', 'flex-end');
  expect((await readLatest()).message).toBe('能开发票吗？');
});

test('the choice survives a reload of the page', async () => {
  await chat.reload();
  await chat.waitForFunction(() => window.chatReady === true);
  tabId = await waitForContentScript(session, chat);
  await expect.poll(async () => (await readLatest()).message).toBe('这款课程多少钱？');
});

test('when the page replaces its list (single-page apps do), the new one is found and watched', async () => {
  await chat.evaluate(() => {
    const old = document.querySelector('.messages')!;
    const fresh = old.cloneNode(false) as HTMLElement;
    const message = document.createElement('div');
    message.className = 'msg customer';
    message.textContent = '换了一个会话：怎么报名？';
    fresh.append(message);
    old.replaceWith(fresh);
  });
  await expect.poll(shownMessage).toBe('换了一个会话：怎么报名？');
  await chat.evaluate(() => window.chat.addCustomerMessage('可以分期吗？'));
  await expect.poll(shownMessage).toBe('可以分期吗？');
});

test('forgetting the list deletes the saved selector and falls back to the reader', async () => {
  await panel.getByRole('button', { name: RESET }).click();
  await expect.poll(savedSites).toEqual([]);
  expect((await readLatest()).message).toBe('可以分期吗？');
});

declare global {
  interface Window {
    pageClicks: number;
  }
}
declare const chrome: {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(listener: (message: { type?: string; text?: string }) => void): void };
  };
};

test('a found list wrapped in one inner element (as virtual scrollers do) is read through the wrapper', async () => {
  await chat.evaluate(() => {
    const scroller = document.querySelector('.messages')!;
    const wrapper = document.createElement('div');
    wrapper.style.cssText = 'display:flex;flex-direction:column;gap:8px';
    for (const [index, own] of [false, true, false, true].entries()) {
      const item = document.createElement('div');
      item.className = own ? 'bubble outgoing' : 'bubble incoming';
      item.style.alignSelf = own ? 'flex-end' : 'flex-start';
      item.textContent = `${own ? '回复' : '问题'} ${index}：${'很长的一段聊天内容，'.repeat(6)}`;
      wrapper.append(item);
    }
    scroller.replaceChildren(wrapper);
  });
  await expect.poll(async () => (await readLatest()).message ?? '').toMatch(/^问题 2：/);
});
