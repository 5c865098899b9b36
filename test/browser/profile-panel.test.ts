// The customer's profile in real Chromium: the Suggest view shows this chat's customer with their
// lifecycle stage, suggests the team's tags from what the chat showed (the page's price question,
// then a rival named, then a buy-soon cue) without ever applying one by itself, puts a suggested tag
// on with one click and any tag of the tree with two ("+ Tag", then the tag), takes one off, keeps
// labels with markup as text, the tags travel with the case through export and import, and a tag
// the tree no longer has is marked as such.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCases } from '@closer/shared';
import { launch, openChatPage, openPanelTab, waitForContentScript, type Session } from './harness.ts';
import { openView, shownIntent, shownReplies, waitForSuggestions } from './panel-helpers.ts';
import { loadBundle, PLAN_PLAYBOOK } from './profile-followups-bundle.ts';
import { bundleWithBaseOf, SHOP_PLAYBOOK } from './test-bundles.ts';

let session: Session;
let fresh: Session | undefined;
let chat: Page;
let panel: Page;
// The machine may be busy with other builds: polls wait as long as a locator would.
const SLOW = { timeout: 15_000 };
const downloads = mkdtempSync(join(tmpdir(), 'closer-profile-'));

/** What the worker keeps: the tags on this chat's case. */
async function caseTags(page: Page): Promise<string[]> {
  const answer = await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ result: { cases: { id: string; tags: string[] }[]; current: string | null } }> } } })
    .chrome.runtime.sendMessage({ type: 'cases-list' }));
  return answer.result.cases.flatMap((record) => record.tags).sort();
}

async function shownTags(): Promise<string[]> {
  return panel.locator('[data-testid=profile-tags] [data-tag]').evaluateAll((items) => items.map((item) => item.getAttribute('data-tag') ?? ''));
}

async function suggested(): Promise<string[]> {
  return panel.locator('[data-testid=tag-suggestions] button[data-tag]').evaluateAll((items) => items.map((item) => item.getAttribute('data-tag') ?? ''));
}

async function say(message: string): Promise<void> {
  await chat.evaluate((text) => window.chat.addCustomerMessage(text), message);
  await waitForSuggestions(panel, message);
}

beforeAll(async () => {
  session = await launch();
  chat = await openChatPage(session, 'textarea');
  panel = await openPanelTab(session, await waitForContentScript(session, chat));
  await loadBundle(panel, bundleWithBaseOf(SHOP_PLAYBOOK, PLAN_PLAYBOOK));
}, 120_000);

afterAll(async () => {
  await session?.close();
  await fresh?.close();
  rmSync(downloads, { recursive: true, force: true });
});

describe('the customer profile', () => {
  it('shows the customer with their stage, and suggests a tag after the price question without applying it', async () => {
    const profile = panel.getByTestId('profile');
    await profile.waitFor();
    await expect.poll(() => profile.getByTestId('lifecycle').getAttribute('data-stage'), SLOW).toBe('intro');
    // The page's last customer message asks the price: price-sensitive is offered, nothing is put on.
    await expect.poll(suggested, SLOW).toEqual(['price_sensitive']);
    expect(await panel.locator('[data-testid=tag-suggestions]').textContent()).toContain('Price-sensitive');
    expect(await shownTags()).toEqual([]);
    expect(await caseTags(panel)).toEqual([]);
  });

  it('offers more as the chat shows more: a rival named, then a buy-soon cue', async () => {
    await say('隔壁那家店同款便宜三十块');
    await expect.poll(suggested, SLOW).toEqual(expect.arrayContaining(['price_sensitive', 'compared_rival']));
    await say('行，我下周就买');
    await expect.poll(suggested, SLOW).toEqual(expect.arrayContaining(['price_sensitive', 'compared_rival', 'hot_lead']));
    expect(await caseTags(panel)).toEqual([]);
  });

  it('puts a suggested tag on with one click, and only that one; the suggestions then use it', async () => {
    // Untagged, a price objection gets the value replies and no ladder offer.
    await say('太贵了，能便宜点吗');
    expect((await shownReplies(panel)).map((reply) => reply.id)).not.toContain('tea-offer-sample');
    await panel.locator('[data-testid=tag-suggestions] button[data-tag=price_sensitive]').click();
    await expect.poll(shownTags, SLOW).toEqual(['price_sensitive']);
    expect(await caseTags(panel)).toEqual(['price_sensitive']);
    expect(await suggested()).not.toContain('price_sensitive');
    // Price-sensitive implies the entry tier: the next price objection is offered the smaller step, second.
    await say('还是太贵了，再便宜点吧');
    expect(await shownIntent(panel)).toBe('price');
    expect((await shownReplies(panel)).map((reply) => reply.id)[1]).toBe('tea-offer-sample');
  });

  it('puts any tag of the tree on in two clicks, its label kept as text, and takes one off', async () => {
    await panel.getByRole('button', { name: '+ Tag' }).click();
    const picker = panel.getByTestId('tag-picker');
    // The picker shows the tree: categories, their groups, the groups' tags; a tag already on is not offered again.
    expect(await picker.locator('h3').allTextContents()).toEqual(['Spending', 'Buying stance']);
    expect(await picker.locator('button[data-tag=price_sensitive]').isDisabled()).toBe(true);
    if (process.env.CLOSER_SCREENSHOT_DIR) await panel.screenshot({ path: join(process.env.CLOSER_SCREENSHOT_DIR, 'browser-profile.png') });
    await picker.getByRole('button', { name: '<b>Big</b> spender' }).click();
    await expect.poll(shownTags, SLOW).toEqual(['price_sensitive', 'big_spender']);
    expect(await picker.count()).toBe(0);
    expect(await panel.locator('[data-testid=profile-tags] [data-tag=big_spender]').textContent()).toContain('<b>Big</b> spender');
    expect(await panel.locator('[data-testid=profile] b').count()).toBe(0);
    await panel.getByRole('button', { name: 'Remove the tag <b>Big</b> spender' }).click();
    await expect.poll(shownTags, SLOW).toEqual(['price_sensitive']);
    expect(await caseTags(panel)).toEqual(['price_sensitive']);
  });

  it('refuses a tag the bundle does not declare, or a group put on as a tag, naming it', async () => {
    const refuse = (tag: string) => panel.evaluate((id) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
      .chrome.runtime.sendMessage({ type: 'profile-tag', conversationKey: 'pasted', tag: id, on: true }), tag);
    expect(await refuse('no_such_tag')).toEqual({ ok: false, error: '"no_such_tag" is not a customer tag of this bundle (only the third level of the tag tree goes on a customer)' });
    expect(await refuse('spend_budget')).toMatchObject({ ok: false, error: expect.stringContaining('"spend_budget"') });
  });

  it('moves the stage on when the customer buys', async () => {
    await openView(panel, 'Cases');
    const current = panel.getByTestId('current-case');
    await current.getByRole('button', { name: 'Won', exact: true }).click();
    await current.getByRole('button', { name: 'Save', exact: true }).click();
    await current.locator('.case-editor[data-outcome=won]').waitFor();
    await openView(panel, 'Suggest');
    await say('收到了，谢谢');
    await expect.poll(() => panel.getByTestId('lifecycle').getAttribute('data-stage'), SLOW).toBe('growth');
    expect(await panel.getByTestId('profile').textContent()).toContain('1 purchase(s)');
  });

  it('keeps the tags through export and import into a fresh profile', async () => {
    await openView(panel, 'Cases');
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export JSON Lines' }).click()]);
    const path = join(downloads, 'tagged.jsonl');
    await download.saveAs(path);
    const read = readCases(readFileSync(path, 'utf8'), 'tagged.jsonl');
    expect(read.problems).toEqual([]);
    expect(read.cases.flatMap((record) => record.tags)).toEqual(['price_sensitive']);

    fresh = await launch();
    const otherChat = await openChatPage(fresh, 'textarea');
    const other = await openPanelTab(fresh, await waitForContentScript(fresh, otherChat));
    await openView(other, 'Cases');
    await other.locator('input[name=import-cases]').setInputFiles(path);
    await expect.poll(() => other.getByTestId('cases-status').textContent(), SLOW).toContain('1 new');
    expect(await caseTags(other)).toEqual(['price_sensitive']);
  });

  it('marks a tag on the customer that the tree of the playbooks no longer has', async () => {
    // A bundle without the plan's tree: price_sensitive, on this customer's case, is no tag of it now.
    await loadBundle(panel, bundleWithBaseOf(SHOP_PLAYBOOK));
    await openView(panel, 'Suggest');
    await chat.evaluate((text) => window.chat.addCustomerMessage(text), '还在吗');
    const chip = panel.locator('[data-testid=profile-tags] [data-tag=price_sensitive]');
    await chip.waitFor(SLOW);
    expect(await chip.getAttribute('class')).toContain('unknown');
    expect(await chip.getAttribute('title')).toMatch(/tag tree/);
  });
});
