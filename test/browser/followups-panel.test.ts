// Due today in real Chromium: cases won days ago are imported through the Cases view (the worker
// stores them), the revisit plan of the bundle makes their follow-ups due, the toolbar badge counts
// them, and the salesperson works through the list: Insert puts the approved text (variables
// filled) into this customer's open chat and sends nothing, another customer's chat is named to be
// opened, Done, "customer declined" (the stop rule) and Snooze each take one off and the badge
// counts down. What was done is in the case file the Cases view exports, so it does not come back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readCases } from '@closer/shared';
import { launch, openChatPage, openPanelTab, sendToTab, waitFor, waitForContentScript, type Session } from './harness.ts';
import { openView } from './panel-helpers.ts';
import { loadBundle, PLAN_PLAYBOOK, wonCase, writeCases } from './profile-followups-bundle.ts';
import { bundleOf, SHOP_PLAYBOOK, writeTempFile } from './test-bundles.ts';

let session: Session;
let chat: Page;
let panel: Page;
let conversation: string;
const downloads = mkdtempSync(join(tmpdir(), 'closer-followups-'));
// 王小雨 is the name the fixture chat's header shows. The other customer's name has markup in it:
// it must reach the screen as these characters, never as an element.
const WANG = '王小雨';
const LI = '<b>李总</b>';
const here = { A: '', B: '' };
// The machine may be busy with other builds: polls wait as long as a locator would.
const SLOW = { timeout: 15_000 };

/** The toolbar badge's text, as the worker set it. */
function badge(): Promise<string> {
  return session.worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));
}

function items(): Promise<{ customer: string; rule: string; state: string; text: string; reason: string }[]> {
  return panel.getByTestId('followup').evaluateAll((cards) => cards.map((card) => ({
    customer: card.querySelector('[data-testid=followup-customer]')?.textContent ?? '',
    rule: card.getAttribute('data-rule') ?? '',
    state: card.getAttribute('data-state') ?? '',
    text: card.querySelector('[data-testid=followup-text]')?.textContent ?? '',
    reason: card.querySelector('[data-testid=followup-reason]')?.textContent ?? '',
  })));
}

function item(customer: string, rule: string) {
  return panel.locator(`[data-testid=followup][data-rule=${rule}]`).filter({ has: panel.getByTestId('followup-customer').getByText(customer, { exact: true }) });
}

beforeAll(async () => {
  session = await launch();
  chat = await openChatPage(session, 'textarea');
  const tabId = await waitForContentScript(session, chat);
  const read = (await sendToTab(session, tabId, { type: 'read-latest' })) as { conversationKey: string; customer?: string };
  conversation = read.conversationKey;
  expect(read.customer).toBe(WANG);
  panel = await openPanelTab(session, tabId);
  await loadBundle(panel, bundleOf(SHOP_PLAYBOOK, PLAN_PLAYBOOK));
  // 王小雨 bought in this chat three days ago (both rules overdue); 李总 yesterday in a chat not open (the first rule due today).
  const a = wonCase(conversation, WANG, 3);
  const b = wonCase('shop.example @李总', LI, 1);
  here.A = a.id;
  here.B = b.id;
  await openView(panel, 'Cases');
  await panel.locator('input[name=import-cases]').setInputFiles(writeTempFile('won.jsonl', writeCases([a, b])));
  await waitFor(async () => (await panel.getByTestId('cases-status').textContent())?.includes('Imported: 2 new'), 'the two cases to be imported');
}, 120_000);

afterAll(async () => {
  await session?.close();
  rmSync(downloads, { recursive: true, force: true });
});

describe('Due today', () => {
  it('lists what the plan makes due, with the badge counting them and names kept as text', async () => {
    await expect.poll(badge, SLOW).toBe('3');
    // A detail typed for this chat fills its follow-ups as it fills the chat's suggestions.
    await openView(panel, 'Suggest');
    const details = panel.locator('.variables');
    // The form folds away the details the replies on screen do not use; unfold it all.
    await details.evaluate((card) => card.querySelectorAll('details').forEach((fold) => { fold.open = true; }));
    await details.evaluate((card) => { (card as HTMLDetailsElement).open = true; });
    await details.getByLabel('Product', { exact: true }).fill('白毫银针');
    await details.getByRole('button', { name: 'Save', exact: true }).click();
    await details.getByRole('status').waitFor();
    await openView(panel, /Due today/);
    await panel.getByTestId('followup').first().waitFor();
    const shown = await items();
    expect(shown.map((entry) => `${entry.customer} ${entry.rule} ${entry.state}`).sort()).toEqual([
      `${WANG} care_day1 overdue`, `${WANG} check_day2 overdue`, `${LI} care_day1 due`,
    ].sort());
    // Why it is due is the rule's label; the message is the approved reply with the customer's name filled in.
    const care = shown.find((entry) => entry.customer === WANG && entry.rule === 'care_day1')!;
    expect(care.reason).toContain('Ask how it tastes, the day after the sale');
    expect(care.text).toBe(`${WANG}，茶收到了吗？第一泡水温八十度左右，喝着怎么样跟我说说。`);
    expect(shown.find((entry) => entry.customer === WANG && entry.rule === 'check_day2')!.text).toBe(`${WANG}，白毫银针还够喝吗？需要的话我先帮您留一份新茶。`);
    expect(shown.find((entry) => entry.customer === LI)!.text).toBe(`${LI}，茶收到了吗？第一泡水温八十度左右，喝着怎么样跟我说说。`);
    expect(await panel.locator('[data-testid=followup] b').count()).toBe(0);
    expect(await panel.getByTestId('due-count').textContent()).toBe('3');
    if (process.env.CLOSER_SCREENSHOT_DIR) await panel.screenshot({ path: join(process.env.CLOSER_SCREENSHOT_DIR, 'browser-due-today.png'), fullPage: true });
  });

  it('counts again when its alarm rings (the worker sleeps between)', async () => {
    type Alarms = { alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined>; create(name: string, info: object): Promise<void> }; action: { setBadgeText(d: object): Promise<void> } };
    const alarm = await session.worker.evaluate(() => (globalThis as unknown as { chrome: Alarms }).chrome.alarms.get('closer-followups'));
    expect(alarm?.periodInMinutes).toBe(30);
    // Wipe the badge, then ring the same alarm now: its listener alone puts the count back.
    await session.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: Alarms };
      await chrome.action.setBadgeText({ text: '' });
      await chrome.alarms.create('closer-followups', { when: Date.now() + 200, periodInMinutes: 30 });
    });
    expect(await badge()).toBe('');
    await expect.poll(badge, SLOW).toBe('3');
  });

  it('Insert puts the approved text into this customer\'s chat and sends nothing; Done takes it off', async () => {
    await item(WANG, 'care_day1').getByRole('button', { name: 'Insert' }).click();
    await expect.poll(() => chat.evaluate(() => window.chat.readEditor()), SLOW).toBe(`${WANG}，茶收到了吗？第一泡水温八十度左右，喝着怎么样跟我说说。`);
    expect(await chat.evaluate(() => window.chat.sends)).toEqual([]);
    await item(WANG, 'care_day1').getByRole('button', { name: 'Done' }).click();
    await expect.poll(async () => (await items()).length, SLOW).toBe(2);
    await expect.poll(badge, SLOW).toBe('2');
  });

  it('names the chat to open for a customer whose chat is not open, and "customer declined" stops them', async () => {
    const li = item(LI, 'care_day1');
    await li.getByRole('button', { name: 'Insert' }).click();
    await expect.poll(() => li.getByTestId('followup-status').textContent(), SLOW).toBe(`To insert, open the chat with ${LI} (shop.example @李总).`);
    expect(await chat.evaluate(() => window.chat.readEditor())).not.toContain('李总');
    await li.getByRole('button', { name: 'Customer declined' }).click();
    await expect.poll(async () => (await items()).map((entry) => entry.customer), SLOW).toEqual([WANG]);
    await expect.poll(badge, SLOW).toBe('1');
  });

  it('Snooze puts the last one off to another day; the list is empty and the badge clear', async () => {
    await item(WANG, 'check_day2').getByRole('button', { name: 'In 3 days' }).click();
    await panel.getByTestId('followups-none').waitFor();
    await expect.poll(badge, SLOW).toBe('');
    expect(await panel.getByTestId('due-count').count()).toBe(0);
  });

  it('keeps what was done on the cases: exported, and nothing comes back after a reload', async () => {
    await panel.reload();
    await openView(panel, /Due today/);
    await panel.getByTestId('followups-none').waitFor();
    await openView(panel, 'Cases');
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export JSON Lines' }).click()]);
    const path = join(downloads, 'after.jsonl');
    await download.saveAs(path);
    const read = readCases(readFileSync(path, 'utf8'), 'after.jsonl');
    expect(read.problems).toEqual([]);
    const a = read.cases.find((record) => record.id === here.A)!;
    const b = read.cases.find((record) => record.id === here.B)!;
    expect(a.followups.map((entry) => `${entry.rule} ${entry.state}`).sort()).toEqual(['care_day1 done', 'check_day2 snoozed']);
    const snoozed = a.followups.find((entry) => entry.state === 'snoozed')!;
    // "In 3 days" ends at the start of the third day from now, in this browser's zone.
    const third = new Date();
    expect(new Date(snoozed.until!).getTime()).toBe(new Date(third.getFullYear(), third.getMonth(), third.getDate() + 3).getTime());
    expect(b.followups.map((entry) => `${entry.rule} ${entry.state}`)).toEqual(['care_day1 declined']);
  });

  it('notifies only with the permission the user gave: Settings offers it off, and the setting alone does not turn it on', async () => {
    await openView(panel, 'Settings');
    const toggle = panel.getByRole('checkbox', { name: 'Also tell me with a system notification' });
    await expect.poll(() => toggle.isEnabled(), SLOW).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    const ask = (message: unknown) => panel.evaluate((body) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; result: { notify?: boolean } }> } } }).chrome.runtime.sendMessage(body), message);
    // The browser never granted the optional permission here, so the worker does not count it as on.
    expect(await ask({ type: 'followups-notify', enabled: true })).toEqual({ ok: true, result: { ok: true } });
    expect((await ask({ type: 'followups-due' })).result.notify).toBe(false);
    await ask({ type: 'followups-notify', enabled: false });
  });

  it('refuses an action on a rule the bundle does not have, naming it', async () => {
    const answer = await panel.evaluate(([id]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'followup-act', case: id, rule: 'no_such_rule', due: new Date().toISOString(), action: 'done' }), [here.A]);
    expect(answer).toEqual({ ok: false, error: '"no_such_rule" is not a follow-up rule of this bundle' });
  });
});
