// A tag taken off in the panel stays off in real Chromium: the salesperson tags the customer,
// exports the cases (an older copy), takes a tag off, and imports that older export again; the
// tag does not come back, neither from the export (which carries the tag's change as an event)
// nor from a copy written before tag events existed, even one whose other fields are newer. And
// a tag the profile shows from another chat's case of the same customer comes off that case too.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCase, readCases, setTags, writeCases, type Case } from '@closer/shared';
import { launch, openChatPage, openPanelTab, waitForContentScript, type Session } from './harness.ts';
import { openView } from './panel-helpers.ts';
import { loadBundle, PLAN_PLAYBOOK } from './profile-followups-bundle.ts';
import { bundleWithBaseOf, SHOP_PLAYBOOK } from './test-bundles.ts';

let session: Session;
let panel: Page;
const SLOW = { timeout: 15_000 };
const downloads = mkdtempSync(join(tmpdir(), 'closer-tag-removal-'));

/** What the worker keeps: the tags on every case. */
async function caseTags(): Promise<string[]> {
  const answer = await panel.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ result: { cases: { tags: string[] }[] } }> } } })
    .chrome.runtime.sendMessage({ type: 'cases-list' }));
  return answer.result.cases.flatMap((record) => record.tags).sort();
}

async function shownTags(): Promise<string[]> {
  return panel.locator('[data-testid=profile-tags] [data-tag]').evaluateAll((items) => items.map((item) => item.getAttribute('data-tag') ?? ''));
}

/** The panel opened afresh on Suggest, so its profile card asks the worker again (it does not on a tab switch). */
async function reopenSuggest(): Promise<void> {
  await panel.reload();
  await openView(panel, 'Suggest');
  await panel.getByTestId('profile').waitFor();
}

async function importFile(path: string): Promise<string> {
  await openView(panel, 'Cases');
  const status = panel.getByTestId('cases-status');
  const before = (await status.count()) > 0 ? await status.textContent() : null;
  await panel.locator('input[name=import-cases]').setInputFiles(path);
  await expect.poll(async () => ((await status.count()) > 0 ? await status.textContent() : null), SLOW).not.toBe(before);
  return (await status.textContent()) ?? '';
}

beforeAll(async () => {
  session = await launch();
  const chat = await openChatPage(session, 'textarea');
  panel = await openPanelTab(session, await waitForContentScript(session, chat));
  await loadBundle(panel, bundleWithBaseOf(SHOP_PLAYBOOK, PLAN_PLAYBOOK));
}, 120_000);

afterAll(async () => {
  await session?.close();
  rmSync(downloads, { recursive: true, force: true });
});

describe('a tag taken off in the panel', () => {
  let older = '';

  it('is recorded as a change: tags put on travel in the export with their events', async () => {
    await panel.getByTestId('profile').waitFor();
    await panel.locator('[data-testid=tag-suggestions] button[data-tag=price_sensitive]').click();
    await expect.poll(shownTags, SLOW).toEqual(['price_sensitive']);
    await panel.getByRole('button', { name: '+ Tag' }).click();
    await panel.getByTestId('tag-picker').getByRole('button', { name: '<b>Big</b> spender' }).click();
    await expect.poll(shownTags, SLOW).toEqual(['price_sensitive', 'big_spender']);

    await openView(panel, 'Cases');
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export JSON Lines' }).click()]);
    older = join(downloads, 'older.jsonl');
    await download.saveAs(older);
    const read = readCases(readFileSync(older, 'utf8'), 'older.jsonl');
    expect(read.problems).toEqual([]);
    expect(read.cases).toHaveLength(1);
    expect(read.cases[0]!.tags.sort()).toEqual(['big_spender', 'price_sensitive']);
    expect(read.cases[0]!.timeline.filter((event) => event.type === 'tag')).toEqual([
      expect.objectContaining({ tag: 'price_sensitive', added: true }),
      expect.objectContaining({ tag: 'big_spender', added: true }),
    ]);
  });

  it('stays off when the older export of the case is imported again', async () => {
    await openView(panel, 'Suggest');
    await panel.getByRole('button', { name: 'Remove the tag <b>Big</b> spender' }).click();
    await expect.poll(shownTags, SLOW).toEqual(['price_sensitive']);
    expect(await caseTags()).toEqual(['price_sensitive']);

    // The case here already holds every event of the older copy, and its removal is later.
    expect(await importFile(older)).toContain('0 new, 0 updated, 1 unchanged');
    expect(await caseTags()).toEqual(['price_sensitive']);
    await reopenSuggest();
    await expect.poll(shownTags, SLOW).toEqual(['price_sensitive']);
  });

  it('stays off against a copy written before tag events, though that copy is newer in its other fields', async () => {
    const [copy] = readCases(readFileSync(older, 'utf8'), 'older.jsonl').cases as [Case];
    const beforeEvents: Case = {
      ...copy,
      notes: 'called from the old phone',
      updatedAt: new Date(Date.now() + 60_000).toISOString(),
      timeline: copy.timeline.filter((event) => event.type !== 'tag'),
    };
    const path = join(downloads, 'before-events.jsonl');
    writeFileSync(path, writeCases([beforeEvents]));
    expect(await importFile(path)).toContain('0 new, 1 updated, 0 unchanged');
    // The newer copy's notes win, its tags join the union, and the removal recorded here still takes big_spender off.
    const answer = await panel.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ result: { cases: { notes: string; tags: string[] }[] } }> } } })
      .chrome.runtime.sendMessage({ type: 'cases-list' }));
    expect(answer.result.cases.map((record) => record.notes)).toEqual(['called from the old phone']);
    expect(await caseTags()).toEqual(['price_sensitive']);
    await reopenSuggest();
    await expect.poll(shownTags, SLOW).toEqual(['price_sensitive']);
  });

  it('comes off every case of this customer, also one from another chat, as the profile shows them all', async () => {
    const answer = await panel.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ result: { cases: { customer: string }[] } }> } } })
      .chrome.runtime.sendMessage({ type: 'cases-list' }));
    const customer = answer.result.cases[0]!.customer;
    expect(customer).not.toBe('');
    const elsewhere = setTags(newCase({ conversation: 'shop.example @another-chat', salesperson: 'alice', customer }), ['big_spender'], 'intro');
    const path = join(downloads, 'elsewhere.jsonl');
    writeFileSync(path, writeCases([elsewhere]));
    expect(await importFile(path)).toContain('1 new, 0 updated');
    await reopenSuggest();
    await expect.poll(async () => (await shownTags()).sort(), SLOW).toEqual(['big_spender', 'price_sensitive']);
    await panel.getByRole('button', { name: 'Remove the tag <b>Big</b> spender' }).click();
    await expect.poll(shownTags, SLOW).toEqual(['price_sensitive']);
    expect(await caseTags()).toEqual(['price_sensitive']);
  });
});
