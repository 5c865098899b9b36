// A bad bundle is refused with the reason, from a file or a URL, and the bundle in use stays and
// keeps working. A good bundle from a URL the user typed is accepted.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openChatPage, openPanelTab, waitForContentScript, type Session } from './harness.ts';
import { importBundleFile, openView, shownIntent, shownReplies, waitForSuggestions } from './panel-helpers.ts';
import { bundleOf, SHOP_PLAYBOOK, writeTempFile } from './test-bundles.ts';

const good = bundleOf(SHOP_PLAYBOOK);
let session: Session;
let panel: Page;
let server: Server;
let base: string;
const served = new Map<string, { status: number; body: string }>();

beforeAll(async () => {
  // Stands for the team's web server the user types a bundle URL of.
  server = createServer((request, response) => {
    const entry = served.get(request.url ?? '') ?? { status: 404, body: 'not found' };
    response.writeHead(entry.status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(entry.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  session = await launch();
  const chat = await openChatPage(session, 'textarea');
  panel = await openPanelTab(session, await waitForContentScript(session, chat));
  expect(await importBundleFile(panel, writeTempFile('shop.json', JSON.stringify(good)))).toMatch(/imported/);
});

afterAll(async () => {
  await session?.close();
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done));
});

async function importFromUrl(url: string): Promise<string> {
  await openView(panel, 'Settings');
  const status = panel.locator('section[aria-labelledby=bundle-heading] [data-answer]');
  const answered = (await status.count()) > 0 ? Number(await status.first().getAttribute('data-answer')) : 0;
  await panel.getByLabel('Import from a URL').fill(url);
  await panel.getByRole('button', { name: 'Import', exact: true }).click();
  // The answer to this import, even when its words are those of the one before.
  await expect.poll(async () => ((await status.count()) > 0 ? Number(await status.first().getAttribute('data-answer')) : 0)).toBeGreaterThan(answered);
  return (await status.first().textContent()) ?? '';
}

async function expectOldBundleStillWorks(): Promise<void> {
  await openView(panel, 'Settings');
  expect(await panel.getByTestId('bundle-info').getAttribute('data-hash')).toBe(good.hash);
  await openView(panel, 'Suggest');
  const message = `能不能便宜点 ${Math.random().toString(36).slice(2, 6)}`;
  await panel.getByLabel('Paste a customer message').fill(message);
  await panel.getByRole('button', { name: 'Suggest', exact: true }).click();
  await waitForSuggestions(panel, message);
  expect(await shownIntent(panel)).toBe('price');
  expect((await shownReplies(panel))[0]?.id).toBe('tea-price-value');
}

const tampered = JSON.parse(JSON.stringify(good)) as typeof good;
tampered.playbooks[0]!.playbook.objections![0]!.replies[0]!.text = '改过的文字';

const badFiles: [string, string, RegExp][] = [
  ['not JSON', '{"format": "closer-bundle", ', /not valid JSON/],
  ['a playbook YAML instead of a bundle', 'id: x\ntitle: y\n', /not valid JSON/],
  ['another format', JSON.stringify({ format: 'something-else', version: 1 }), /not a Closer bundle/],
  ['a newer version', JSON.stringify({ ...good, version: 2 }), /version 2 is not supported/],
  ['a malformed playbook inside', JSON.stringify({ ...good, playbooks: [{ file: 'x', lines: {}, playbook: { id: 'BAD ID' } }] }), /malformed at playbooks\.0\.playbook/],
  ['a bundle changed after it was built', JSON.stringify(tampered), /does not match its hash/],
];

describe('importing a bad bundle', () => {
  for (const [what, content, reason] of badFiles) {
    it(`refuses ${what} with the reason, and the bundle in use stays`, async () => {
      const status = await importBundleFile(panel, writeTempFile('bad.json', content));
      expect(status).toMatch(/^Bundle refused:/);
      expect(status).toMatch(reason);
      await expectOldBundleStillWorks();
    });
  }

  it('refuses a URL that answers 404, and one that is not http', async () => {
    expect(await importFromUrl(`${base}/missing.json`)).toMatch(/Bundle refused: could not fetch .*HTTP 404/);
    await expectOldBundleStillWorks();
    served.set('/bad.json', { status: 200, body: JSON.stringify({ ...good, version: 9 }) });
    expect(await importFromUrl(`${base}/bad.json`)).toMatch(/Bundle refused: .*version 9 is not supported/);
    await expectOldBundleStillWorks();
  });

  it('accepts a good bundle from a URL the user typed', async () => {
    const other = bundleOf(SHOP_PLAYBOOK.replace('tea-price-value', 'tea-price-worth').replaceAll('uses: [tea-price-value]', 'uses: [tea-price-worth]'));
    served.set('/team.json', { status: 200, body: JSON.stringify(other) });
    expect(await importFromUrl(`${base}/team.json`)).toBe('Bundle imported.');
    expect(await panel.getByTestId('bundle-info').getAttribute('data-hash')).toBe(other.hash);
    expect(await panel.getByTestId('bundle-info').textContent()).toContain(`${base}/team.json`);
  });
});
