// Bundles with precompiled indexes in the real extension (issue 12): a precompiled bundle imports
// and answers after the worker was stopped (read from IndexedDB, indexes read not rebuilt); a
// bundle from an older closer imports and Settings says why it starts slower; a precompiled part
// made from other playbooks, or cut short, is refused with the reason and the bundle in use stays
// and keeps answering; a part from a newer closer is kept unread, with the notice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PRECOMPILED_VERSION, precompileBundle, withPrecompiled, type Bundle } from '@closer/shared';
import { launch, openChatPage, openPanelTab, waitFor, waitForContentScript, type Session } from './harness.ts';
import { stopWorker } from './stop-worker.ts';
import { openView } from './panel-helpers.ts';
import { bundleOf, SHOP_PLAYBOOK, writeTempFile } from './test-bundles.ts';

const plain = bundleOf(SHOP_PLAYBOOK);
const good = precompileBundle(plain);
const other = precompileBundle(bundleOf(SHOP_PLAYBOOK.replace('tea-price-value', 'tea-price-worth').replaceAll('uses: [tea-price-value]', 'uses: [tea-price-worth]')));
let session: Session;
let panel: Page;

beforeAll(async () => {
  session = await launch({ cdp: true });
  const chat = await openChatPage(session, 'textarea');
  panel = await openPanelTab(session, await waitForContentScript(session, chat));
});

afterAll(async () => {
  await session?.close();
});

/** Imports through Settings' file input; the status line that answers it (Settings has other status lines). */
async function importBundle(bundle: unknown): Promise<string> {
  await openView(panel, 'Settings');
  const before = await panel.getByTestId('bundle-info').getAttribute('data-hash');
  const status = panel.locator('section[aria-labelledby=bundle-heading] [data-answer]');
  // The answer to this import, not one left on screen by the test before.
  const answered = (await status.count()) > 0 ? Number(await status.first().getAttribute('data-answer')) : 0;
  await panel.locator('input[type=file]').setInputFiles(writeTempFile('bundle.json', JSON.stringify(bundle)));
  await waitFor(async () => (await status.count()) > 0 && Number(await status.first().getAttribute('data-answer')) > answered, 'the answer to the import');
  const text = (await status.first().textContent()) ?? '';
  if (text.startsWith('Bundle imported')) await waitFor(async () => (await panel.getByTestId('bundle-info').getAttribute('data-hash')) !== before, 'the new bundle to show');
  return text;
}

/** What Settings says of the bundle in use: its hash and the slower-start notice, if any. */
async function bundleInUse(): Promise<{ hash: string | null; notice: string | null }> {
  await openView(panel, 'Settings');
  const hash = await panel.getByTestId('bundle-info').getAttribute('data-hash');
  const notice = panel.getByTestId('bundle-notice');
  return { hash, notice: (await notice.count()) > 0 ? await notice.textContent() : null };
}

/** The titles the Search view lists for a query (the worker's search over the bundle in use). */
async function searchTitles(query: string): Promise<string[]> {
  await openView(panel, 'Search');
  const box = panel.getByRole('searchbox', { name: 'Search the playbooks' });
  await box.fill(query);
  await panel.locator(`[data-testid=hits][data-for='${JSON.stringify([query, '', ''])}']`).waitFor();
  return panel.locator('[data-testid=hits] .hit strong').allTextContents();
}

describe('precompiled bundles in the extension', () => {
  it('a precompiled bundle imports without a notice and answers after the worker was stopped', async () => {
    expect(await importBundle(good)).toBe('Bundle imported.');
    expect(await bundleInUse()).toEqual({ hash: good.hash, notice: null });
    const before = await searchTitles('便宜');
    expect(before).toContain('Too expensive');
    await stopWorker(session, panel);
    // Answered by a worker that read the stored bundle back and its indexes with it.
    expect(await searchTitles('便宜 ')).toEqual(before);
    expect((await bundleInUse()).hash).toBe(good.hash);
  });

  it('a bundle from an older closer imports, answers the same, and Settings says why it starts slower', async () => {
    expect(await importBundle(plain)).toBe('Bundle imported.');
    const { hash, notice } = await bundleInUse();
    expect(hash).toBe(plain.hash);
    expect(notice).toMatch(/^Slower start: this bundle has no precompiled indexes .*rebuild it with "closer build"/);
    expect(await searchTitles('便宜')).toContain('Too expensive');
  });

  it('a part from a newer closer is kept unread: imported, with the notice', async () => {
    const future = withPrecompiled(plain, { version: PRECOMPILED_VERSION + 1, source: plain.hash, layout: 'a newer one' });
    expect(await importBundle(future)).toBe('Bundle imported.');
    expect((await bundleInUse()).notice).toMatch(new RegExp(`version ${PRECOMPILED_VERSION + 1}, written by a newer closer`));
    expect(await importBundle(good)).toBe('Bundle imported.');
  });

  const parts = good.precompiled as NonNullable<Bundle['precompiled']> & { search: Record<string, string> };
  const refused: [string, unknown, RegExp][] = [
    ['a precompiled part made from other playbooks', withPrecompiled(plain, other.precompiled!), /compiled from other playbooks/],
    ['postings cut short', withPrecompiled(plain, { ...parts, search: { ...parts.search, postings: parts.search.postings!.slice(0, 400) } }), /search index's postings is cut short/],
    ['length factors cut short', withPrecompiled(plain, { ...parts, search: { ...parts.search, lengthFactor: parts.search.lengthFactor!.slice(0, 8) } }), /length factors are cut short/],
  ];
  for (const [what, bundle, reason] of refused) {
    it(`refuses ${what} with the reason; the bundle in use stays and keeps answering`, async () => {
      const status = await importBundle(bundle);
      expect(status).toMatch(/^Bundle refused:/);
      expect(status).toMatch(reason);
      expect(await bundleInUse()).toEqual({ hash: good.hash, notice: null });
      expect(await searchTitles('便宜')).toContain('Too expensive');
    });
  }
});
