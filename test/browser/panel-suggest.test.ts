// The Suggest view in real Chromium: a customer message appears in the chat page and the panel,
// opened for that tab, follows it live with intent, evidence, golden-model step, filled replies,
// stories on doubt, the per-conversation variables form, Insert, Copy and the paste box.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openChatPage, openPanelTab, waitForContentScript, type Session } from './harness.ts';
import { importBundleFile, shownIntent, shownReplies, waitForSuggestions } from './panel-helpers.ts';
import { bundleOf, SHOP_PLAYBOOK, writeTempFile } from './test-bundles.ts';

let session: Session;
let chat: Page;
let panel: Page;

beforeAll(async () => {
  session = await launch();
  chat = await openChatPage(session, 'textarea');
  const tabId = await waitForContentScript(session, chat);
  panel = await openPanelTab(session, tabId);
  const status = await importBundleFile(panel, writeTempFile('shop.json', JSON.stringify(bundleOf(SHOP_PLAYBOOK))));
  expect(status).toMatch(/imported/);
});

afterAll(async () => {
  await session?.close();
});

describe('Suggest view', () => {
  it('follows a new customer message live: intent with evidence, step, filled replies', async () => {
    const message = '太贵了，能便宜点吗';
    await chat.evaluate((text) => window.chat.addCustomerMessage(text), message);
    await waitForSuggestions(panel, message);
    expect(await panel.getByTestId('customer-message').textContent()).toBe(message);
    expect(await shownIntent(panel)).toBe('price');
    const evidence = await panel.locator('.evidence mark').allTextContents();
    expect(evidence.length).toBeGreaterThan(0);
    for (const item of evidence) expect(['太贵', '便宜点', '能不能便宜一点啊']).toContain(item);
    expect(await panel.getByTestId('step').getAttribute('data-step')).toBe('consider');
    await expect.poll(() => panel.getByTestId('step').textContent()).toContain('Resolve doubt');
    const replies = await shownReplies(panel);
    // {{customer}} is the name the chat's header shows until the salesperson types another.
    expect(replies[0]).toEqual({ id: 'tea-price-value', label: '先讲价值', text: '王小雨，这款龙井是明前头采，一斤能泡两百杯，算下来一杯不到两块钱。' });
    expect(replies.map((reply) => reply.text).join('')).not.toContain('{{');
  });

  it('fills the variables typed for this conversation and remembers them after the panel reloads', async () => {
    await panel.getByLabel('Customer', { exact: true }).fill('王姐');
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await shownReplies(panel))[0]?.text).toBe('王姐，这款龙井是明前头采，一斤能泡两百杯，算下来一杯不到两块钱。');
    await panel.reload();
    await waitForSuggestions(panel, '太贵了，能便宜点吗');
    await expect.poll(() => panel.getByLabel('Customer', { exact: true }).inputValue()).toBe('王姐');
    expect((await shownReplies(panel))[0]?.text).toContain('王姐，');
  });

  it('inserts a reply into the chat box without sending, and puts it after the unused ones next time', async () => {
    await chat.locator('textarea').fill('好的，');
    await chat.locator('textarea').press('End');
    const card = panel.locator('[data-reply-id=tea-price-value]');
    await card.getByRole('button', { name: 'Insert' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toMatch(/not sent/);
    expect(await chat.evaluate(() => window.chat.readEditor())).toBe('好的，王姐，这款龙井是明前头采，一斤能泡两百杯，算下来一杯不到两块钱。');
    expect(await chat.evaluate(() => window.chat.sends)).toEqual([]);
    const message = '还是太贵了';
    await chat.evaluate((text) => window.chat.addCustomerMessage(text), message);
    await waitForSuggestions(panel, message);
    const ids = (await shownReplies(panel)).map((reply) => reply.id);
    expect(ids.indexOf('tea-price-gift')).toBeLessThan(ids.indexOf('tea-price-value'));
  });

  it('copies a reply to the clipboard', async () => {
    const card = panel.locator('[data-reply-id=tea-price-gift]');
    await card.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Copied.');
    // Read the clipboard back the way a salesperson would: paste into the chat box.
    await chat.locator('textarea').fill('');
    await chat.locator('textarea').press('Control+V');
    expect(await chat.evaluate(() => window.chat.readEditor())).toBe('王姐，价格是统一的，我送您一份这款龙井小样先尝尝。');
  });

  it('offers stories when the customer doubts', async () => {
    const message = '你们说的是真的吗？';
    await chat.evaluate((text) => window.chat.addCustomerMessage(text), message);
    await waitForSuggestions(panel, message);
    expect(await shownIntent(panel)).toBe('doubt');
    expect(await panel.getByTestId('step').getAttribute('data-step')).toBe('resolve_doubt');
    const story = panel.locator('[data-story-id=tea-story-teacher]');
    await story.locator('summary').click();
    expect(await story.textContent()).toContain('现在办公室同事都找她要茶');
  });

  it('suggests for a message pasted into the paste box', async () => {
    const message = 'this is too pricey for me';
    await panel.getByLabel('Paste a customer message').fill(message);
    await panel.getByRole('button', { name: 'Suggest', exact: true }).click();
    await waitForSuggestions(panel, message);
    expect(await shownIntent(panel)).toBe('price');
  });
});

describe('a page Closer may not read', () => {
  it('says so and how to allow it, and the paste box still works', async () => {
    // Same fixture, but by name: the manifest grants 127.0.0.1 only, so no content script here.
    const other = await session.context.newPage();
    await other.goto(chat.url().replace('127.0.0.1', 'localhost'));
    await other.bringToFront();
    // Its URL is hidden from the extension (no access), so find it as the active tab.
    const tabId = await session.worker.evaluate(async () => {
      const tabs = await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tabs[0]?.url === undefined ? tabs[0]?.id : undefined;
    });
    expect(tabId).toBeDefined();
    const view = await openPanelTab(session, tabId!);
    await view.getByText('Closer cannot read this page yet').waitFor();
    const message = '太贵了吧';
    await view.getByLabel('Paste a customer message').fill(message);
    await view.getByRole('button', { name: 'Suggest', exact: true }).click();
    await waitForSuggestions(view, message);
    expect(await shownIntent(view)).toBe('price');
    await view.close();
    await other.close();
  });
});
