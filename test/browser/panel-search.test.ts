// The Search view for new hires in real Chromium: the engine's search (Chinese, pinyin, English),
// filters by intent and step, and a detail view with the principle behind a reply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openChatPage, openPanelTab, waitForContentScript, type Session } from './harness.ts';
import { importBundleFile, openView } from './panel-helpers.ts';
import { bundleOf, SHOP_PLAYBOOK, writeTempFile } from './test-bundles.ts';

let session: Session;
let panel: Page;

async function hitTitles(): Promise<string[]> {
  return panel.locator('[data-testid=hits] .hit strong').allTextContents();
}

/** The titles listed once the panel shows the answer for exactly this query and these filters. */
async function searchFor(query: string, intent = '', step = ''): Promise<string[]> {
  const box = panel.getByRole('searchbox', { name: 'Search the playbooks' });
  if ((await box.inputValue()) !== query) await box.fill(query);
  const intentBox = panel.getByRole('combobox', { name: 'Intent' });
  if ((await intentBox.inputValue()) !== intent) await intentBox.selectOption(intent);
  const stepBox = panel.getByRole('combobox', { name: /Golden model/ });
  if ((await stepBox.inputValue()) !== step) await stepBox.selectOption(step);
  await panel.locator(`[data-testid=hits][data-for='${JSON.stringify([query, intent, step])}']`).waitFor();
  return hitTitles();
}

beforeAll(async () => {
  session = await launch();
  const chat = await openChatPage(session, 'textarea');
  panel = await openPanelTab(session, await waitForContentScript(session, chat));
  await importBundleFile(panel, writeTempFile('shop.json', JSON.stringify(bundleOf(SHOP_PLAYBOOK))));
  await openView(panel, 'Search');
});

afterAll(async () => {
  await session?.close();
});

describe('Search view', () => {
  it('finds replies by Chinese words and pinyin initials, and stories in English', async () => {
    expect(await searchFor('小样')).toContain('送小样');
    expect((await searchFor('xy'))[0]).toBe('送小样');
    expect((await searchFor('teacher came back'))[0]).toBe('The teacher who came back three times');
  });

  it('narrows the list by intent and by step', async () => {
    const all = await searchFor('');
    expect(all).toEqual(expect.arrayContaining(['讲故事', '送小样', '打招呼']));
    const doubt = await searchFor('', 'doubt');
    expect(doubt).toContain('讲故事');
    expect(doubt).not.toContain('送小样');
    const icebreak = await searchFor('', '', 'icebreak');
    expect(icebreak).toContain('打招呼');
    expect(icebreak).not.toContain('送小样');
    await searchFor('');
  });

  it('opens a reply with the principle behind it, and goes back', async () => {
    await searchFor('送小样');
    await panel.locator('[data-testid=hits] .hit', { hasText: '送小样' }).first().click();
    expect(await panel.getByRole('heading', { name: '送小样' }).isVisible()).toBe(true);
    expect(await panel.getByTestId('principle').textContent()).toBe('Haggling means wanting to buy; value first.');
    await panel.getByRole('button', { name: /Back/ }).click();
    await panel.getByRole('searchbox', { name: 'Search the playbooks' }).waitFor();
  });
});
