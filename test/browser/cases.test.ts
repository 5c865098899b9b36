// The salesperson's case flow in real Chromium: a chat is recorded as they work (intent,
// step, suggested and inserted replies), they mark one case won with an amount and another
// lost with a reason, export JSON Lines (customer names aliased), and everything is still
// there after a browser restart and after importing the file into a fresh profile.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { readCases, type Case } from '@closer/shared';
import { launch, openChatPage, openPanelTab, waitForContentScript, type Session } from './harness.ts';
import { openView, waitForSuggestions } from './panel-helpers.ts';

const profileDir = mkdtempSync(join(tmpdir(), 'closer-cases-'));
const downloads = mkdtempSync(join(tmpdir(), 'closer-cases-export-'));
let session: Session | undefined;
let fresh: Session | undefined;

afterAll(async () => {
  await session?.close();
  await fresh?.close();
  rmSync(profileDir, { recursive: true, force: true });
  rmSync(downloads, { recursive: true, force: true });
});

/** A chat page with a customer message answered in its own panel tab. */
async function answeredChat(current: Session, page: string, message: string): Promise<{ chat: Page; panel: Page }> {
  const chat = await openChatPage(current, page);
  const tabId = await waitForContentScript(current, chat);
  const panel = await openPanelTab(current, tabId);
  await chat.evaluate((text) => window.chat.addCustomerMessage(text), message);
  await waitForSuggestions(panel, message);
  return { chat, panel };
}

/** The cases with these ids in an exported file, in id order. */
function only(ids: string[], text: string): Case[] {
  const read = readCases(text, 'export.jsonl');
  expect(read.problems).toEqual([]);
  return read.cases.filter((record) => ids.includes(record.id)).sort((a, b) => a.id.localeCompare(b.id));
}

async function casesShown(panel: Page): Promise<{ id: string; outcome: string }[]> {
  await panel.locator('.case-list').waitFor();
  return panel.locator('.case-list > li').evaluateAll((items) => items.map((item) => ({ id: item.getAttribute('data-case-id') ?? '', outcome: item.getAttribute('data-outcome') ?? '' })));
}

async function exportCases(panel: Page, name: string, keepNames = false): Promise<string> {
  await openView(panel, 'Cases');
  const box = panel.getByRole('checkbox', { name: /Keep customer names/ });
  if ((await box.isChecked()) !== keepNames) await box.click();
  const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export JSON Lines' }).click()]);
  const path = join(downloads, name);
  await download.saveAs(path);
  return readFileSync(path, 'utf8');
}

describe('cases in the side panel', () => {
  let exported = '';
  let ids: string[] = [];

  it('records the chat, marks won with an amount and lost with a reason, and exports with aliases', async () => {
    session = await launch({ profileDir });
    // Chat one: a price objection, a reply inserted, then won.
    const one = await answeredChat(session, 'textarea', '太贵了，能便宜点吗');
    await one.panel.locator('[data-testid=replies] article').first().getByRole('button', { name: 'Insert' }).click();
    await one.panel.getByText('Inserted', { exact: false }).first().waitFor();
    await openView(one.panel, 'Cases');
    const current = one.panel.getByTestId('current-case');
    await current.getByRole('button', { name: 'Won', exact: true }).click();
    await current.getByLabel('Amount').fill('1299');
    await current.getByRole('button', { name: 'Save', exact: true }).click();
    await current.locator('.case-editor[data-outcome=won]').waitFor();
    await current.getByLabel('Customer').fill('王姐');
    await current.getByLabel('Notes').click(); // leaving the name field saves it
    await current.getByLabel('Notes').fill('王姐开了两家奶茶店\n问题：担心价格');
    await current.getByRole('button', { name: 'Save notes' }).click();
    await expect.poll(() => current.locator('.label').first().textContent()).toBe('Won · 1299');

    // Chat two: hesitation, lost to a rival in two clicks.
    const two = await answeredChat(session, 'react-input', '我再考虑考虑吧');
    await openView(two.panel, 'Cases');
    const second = two.panel.getByTestId('current-case');
    // The team adds its own reason once; it is offered beside the built-in ones.
    await second.getByLabel(/The team's own loss reasons/).fill('budget_freeze');
    await second.getByLabel('Your name').click();
    await second.getByRole('button', { name: 'Lost', exact: true }).click();
    await second.getByRole('button', { name: 'budget_freeze' }).waitFor();
    await second.getByRole('button', { name: 'rival' }).click();
    await second.locator('.case-editor[data-outcome=lost]').waitFor();

    const shown = await casesShown(two.panel);
    // For a person to look at: CLOSER_SCREENSHOT_DIR=… keeps a picture of the Cases view.
    if (process.env.CLOSER_SCREENSHOT_DIR) {
      await two.panel.locator('.case-list .case-summary').last().click();
      await two.panel.screenshot({ path: join(process.env.CLOSER_SCREENSHOT_DIR, 'browser-cases.png'), fullPage: true });
    }
    expect(shown.map((entry) => entry.outcome).sort()).toEqual(['lost', 'won']);
    ids = shown.map((entry) => entry.id).sort();

    // The name typed once goes with every case exported, also those recorded before it.
    await second.getByLabel('Your name').fill('alice');
    await second.getByLabel('Notes').click();
    await expect.poll(async () => (await two.panel.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ result: { profile: { salesperson: string } } }> } } }).chrome.runtime.sendMessage({ type: 'cases-list' }))).result.profile.salesperson).toBe('alice');

    exported = await exportCases(two.panel, 'first.jsonl');
    const read = readCases(exported, 'first.jsonl');
    expect(read.problems).toEqual([]);
    expect(read.cases.map((record) => record.id).sort()).toEqual(ids);
    expect(read.cases.map((record) => record.salesperson)).toEqual(['alice', 'alice']);
    const won = read.cases.find((record) => record.outcome === 'won')!;
    expect(won).toMatchObject({ amount: 1299, customer: expect.stringMatching(/^customer-[0-9a-f]{8}$/) });
    // The name is aliased everywhere, notes included; customer text never enters a case.
    expect(exported).not.toContain('王姐');
    expect(exported).not.toContain('太贵了');
    expect(won.notes).toContain('开了两家奶茶店');
    const kinds = won.timeline.map((event) => event.type);
    expect(kinds).toEqual(expect.arrayContaining(['message', 'suggested', 'inserted']));
    // The page's earlier message was recorded when the panel opened; then the price objection.
    expect(won.timeline).toContainEqual(expect.objectContaining({ type: 'message', intent: 'price' }));
    const lost = read.cases.find((record) => record.outcome === 'lost')!;
    expect(lost).toMatchObject({ lossReason: 'rival' });
    expect(lost.timeline).toContainEqual(expect.objectContaining({ type: 'message', intent: 'hesitation' }));

    // Opting in keeps the name.
    expect(await exportCases(two.panel, 'names.jsonl', true)).toContain('王姐');
  });

  it('keeps every case across a browser restart', async () => {
    await session!.close();
    session = await launch({ profileDir });
    const chat = await openChatPage(session, 'textarea');
    const panel = await openPanelTab(session, await waitForContentScript(session, chat));
    await openView(panel, 'Cases');
    // Opening the panel on a chat records it too (the fixture page's port, so its key, is new).
    expect((await casesShown(panel)).map((entry) => entry.id)).toEqual(expect.arrayContaining(ids));
    expect(only(ids, await exportCases(panel, 'after-restart.jsonl'))).toEqual(only(ids, exported));
  });

  it('imports the export into a fresh profile with nothing lost, and importing again changes nothing', async () => {
    fresh = await launch();
    const chat = await openChatPage(fresh, 'textarea');
    const panel = await openPanelTab(fresh, await waitForContentScript(fresh, chat));
    await openView(panel, 'Cases');
    await panel.locator('input[name=import-cases]').setInputFiles(join(downloads, 'first.jsonl'));
    await expect.poll(() => panel.getByTestId('cases-status').textContent()).toContain('Imported: 2 new, 0 updated, 0 unchanged');
    expect((await casesShown(panel)).map((entry) => entry.id)).toEqual(expect.arrayContaining(ids));
    expect(only(ids, await exportCases(panel, 'fresh.jsonl'))).toEqual(only(ids, exported));
    await panel.locator('input[name=import-cases]').setInputFiles(join(downloads, 'first.jsonl'));
    await expect.poll(() => panel.getByTestId('cases-status').textContent()).toContain('Imported: 0 new, 0 updated, 2 unchanged');
  });

  it('reports a corrupt line of an imported file by its number and keeps the rest', async () => {
    const panel = fresh!.context.pages().find((page) => page.url().startsWith('chrome-extension://'))!;
    const path = join(downloads, 'broken.jsonl');
    writeFileSync(path, exported.replace('\n', '\n{"id": "cut off\n'));
    await panel.locator('input[name=import-cases]').setInputFiles(path);
    const status = panel.getByTestId('cases-status');
    await expect.poll(() => status.textContent()).toContain('broken.jsonl:2: error not valid JSON');
    expect(await status.textContent()).toMatch(/0 new, 0 updated, \d+ unchanged/);
  });
});
