// IndexedDB survives closing and relaunching the browser: the imported bundle, the interface
// language, the default details and a conversation's details are all there on the same profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launch, openChatPage, openPanelTab, sendToTab, waitForContentScript, type Session } from './harness.ts';
import { importBundleFile, openView, shownReplies, waitForSuggestions } from './panel-helpers.ts';
import { bundleOf, SHOP_PLAYBOOK, writeTempFile } from './test-bundles.ts';

const profileDir = mkdtempSync(join(tmpdir(), 'closer-persist-'));
let session: Session | undefined;
const bundle = bundleOf(SHOP_PLAYBOOK);

afterAll(async () => {
  await session?.close();
  rmSync(profileDir, { recursive: true, force: true });
});

describe('storage across a browser restart', () => {
  it('keeps the imported bundle, the language and the details after closing and relaunching', async () => {
    session = await launch({ profileDir });
    let chat = await openChatPage(session, 'textarea');
    let tabId = await waitForContentScript(session, chat);
    const { conversationKey } = (await sendToTab(session, tabId, { type: 'read-latest' })) as { conversationKey: string };
    let panel = await openPanelTab(session, tabId);
    expect(await importBundleFile(panel, writeTempFile('shop.json', JSON.stringify(bundle)))).toMatch(/imported/);
    const message = '太贵了';
    await chat.evaluate((text) => window.chat.addCustomerMessage(text), message);
    await waitForSuggestions(panel, message);
    await panel.getByLabel('Customer', { exact: true }).fill('李总');
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await shownReplies(panel))[0]?.text).toContain('李总，');
    await openView(panel, 'Settings');
    await panel.getByRole('combobox', { name: 'Interface language' }).selectOption('zh-CN');
    await panel.getByRole('tab', { name: '设置' }).waitFor();
    const extensionId = session.extensionId;
    await session.close();
    session = undefined;

    session = await launch({ profileDir });
    expect(session.extensionId).toBe(extensionId);
    chat = await openChatPage(session, 'textarea');
    tabId = await waitForContentScript(session, chat);
    await chat.evaluate((text) => window.chat.addCustomerMessage(text), message);
    panel = await openPanelTab(session, tabId);
    await panel.getByRole('tab', { name: '建议' }).waitFor();
    await waitForSuggestions(panel, message);
    // The imported bundle answers (its reply ids), in the language chosen before the restart.
    expect((await shownReplies(panel))[0]?.id).toBe('tea-price-value');
    // The fixture server has a new port now, so the page is another conversation; the first
    // conversation's details are asked of the worker's store the way the panel asks.
    const values = await panel.evaluate(
      (key) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'variables-get', conversationKey: key }),
      conversationKey,
    );
    expect(values).toMatchObject({ ok: true, result: { fields: expect.arrayContaining([expect.objectContaining({ name: 'customer', value: '李总' })]) } });
    await openView(panel, '设置');
    expect(await panel.getByTestId('bundle-info').getAttribute('data-hash')).toBe(bundle.hash);
    expect(await panel.getByTestId('bundle-info').textContent()).toContain('shop.json');
  });
});
