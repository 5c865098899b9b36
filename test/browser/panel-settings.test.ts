// The Settings view in real Chromium: interface language (from _locales), default details used by
// every conversation, and the saved message list per site with its reset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openChatPage, openPanelTab, waitForContentScript, type Session } from './harness.ts';
import { importBundleFile, openView, shownReplies, waitForSuggestions } from './panel-helpers.ts';
import { bundleOf, SHOP_PLAYBOOK, writeTempFile } from './test-bundles.ts';

let session: Session;
let chat: Page;
let panel: Page;

beforeAll(async () => {
  session = await launch();
  chat = await openChatPage(session, 'textarea');
  panel = await openPanelTab(session, await waitForContentScript(session, chat));
  await importBundleFile(panel, writeTempFile('shop.json', JSON.stringify(bundleOf(SHOP_PLAYBOOK))));
});

afterAll(async () => {
  await session?.close();
});

describe('Settings view', () => {
  it('uses the default details in every conversation that has none of its own', async () => {
    await openView(panel, 'Settings');
    await panel.locator('#view-settings').getByLabel('Product', { exact: true }).fill('碧螺春');
    // The defaults' own Save: the Adaptation card has one too.
    await panel.locator('#view-settings section[aria-labelledby=defaults-heading]').getByRole('button', { name: 'Save' }).click();
    await openView(panel, 'Suggest');
    const message = '太贵了';
    await chat.evaluate((text) => window.chat.addCustomerMessage(text), message);
    await waitForSuggestions(panel, message);
    await expect.poll(async () => (await shownReplies(panel))[0]?.text).toContain('碧螺春是明前头采');
  });

  it('switches the interface language, and keeps it after a reload', async () => {
    await openView(panel, 'Settings');
    await panel.getByRole('combobox', { name: 'Interface language' }).selectOption('zh-CN');
    await panel.getByRole('tab', { name: '设置' }).waitFor();
    expect(await panel.getByRole('tab', { name: '建议' }).isVisible()).toBe(true);
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await panel.reload();
    await panel.getByRole('tab', { name: '搜索' }).waitFor();
    await openView(panel, '设置');
    await panel.getByRole('combobox', { name: '界面语言' }).selectOption('en');
    await panel.getByRole('tab', { name: 'Settings' }).waitFor();
  });

  it('lists the message list picked for a site, and resets it', async () => {
    const site = new URL(chat.url()).host;
    await openView(panel, 'Suggest');
    await panel.getByRole('button', { name: 'Pick the message list' }).click();
    await panel.getByText('Click the chat\'s message list').waitFor();
    await chat.locator('#messages').click();
    await openView(panel, 'Settings');
    const row = panel.locator('.sites li', { hasText: site });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('code').textContent()).toBeTruthy();
    await row.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(await panel.getByText('No message list saved yet.').isVisible()).toBe(true);
  });
});

describe('keyboard', () => {
  it('moves between the panel views with the arrow keys, the tabs pattern', async () => {
    await openView(panel, 'Suggest');
    await panel.getByRole('tab', { name: 'Suggest' }).focus();
    await panel.keyboard.press('ArrowRight');
    expect(await panel.getByRole('tab', { name: 'Search' }).getAttribute('aria-selected')).toBe('true');
    expect(await panel.evaluate(() => document.activeElement?.id)).toBe('tab-search');
    expect(await panel.locator('#view-search').isVisible()).toBe(true);
    await panel.keyboard.press('ArrowLeft');
    await panel.keyboard.press('ArrowLeft');
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).toBe('true');
    expect(await panel.evaluate(() => document.activeElement?.id)).toBe('tab-settings');
  });
});
