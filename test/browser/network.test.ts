// The extension makes no network request except fetching a bundle from a URL the user typed:
// every request of the pages, the panel and the service worker is recorded through a whole
// session of reading, suggesting, searching, inserting and copying, then checked.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { launch, openChatPage, openPanelTab, waitForContentScript, type Session } from './harness.ts';
import { openView, shownReplies, waitForSuggestions } from './panel-helpers.ts';
import { bundleOf, SHOP_PLAYBOOK } from './test-bundles.ts';

// Playwright reports a service worker's own requests only with this switch (Chromium).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

let session: Session;
let chat: Page;
let panel: Page;
let teamServer: Server;
let teamUrl: string;
const requests: { url: string; type: string; body: string | null }[] = [];
const SECRET = '客户的秘密消息太贵了';

beforeAll(async () => {
  teamServer = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(JSON.stringify(bundleOf(SHOP_PLAYBOOK)));
  });
  await new Promise<void>((done) => teamServer.listen(0, '127.0.0.1', done));
  teamUrl = `http://127.0.0.1:${(teamServer.address() as { port: number }).port}/team-bundle.json`;
  session = await launch();
  const record = (request: Request) => requests.push({ url: request.url(), type: request.resourceType(), body: request.postData() });
  session.context.on('request', record);
  chat = await openChatPage(session, 'textarea');
  panel = await openPanelTab(session, await waitForContentScript(session, chat));
});

afterAll(async () => {
  await session?.close();
  teamServer?.closeAllConnections();
  await new Promise((done) => teamServer?.close(done));
});

describe('network', () => {
  it('sends nothing anywhere while reading, suggesting, searching, inserting and copying', async () => {
    await chat.evaluate((text) => window.chat.addCustomerMessage(text), SECRET);
    await waitForSuggestions(panel, SECRET);
    expect((await shownReplies(panel)).length).toBeGreaterThan(0);
    await chat.locator('textarea').click();
    await panel.locator('[data-testid=replies] article').first().getByRole('button', { name: 'Insert' }).click();
    await panel.locator('[data-testid=replies] article').first().getByRole('button', { name: 'Copy' }).click();
    await openView(panel, 'Search');
    await panel.getByRole('searchbox', { name: 'Search the playbooks' }).fill('价格');
    await panel.locator('[data-testid=hits] .hit').first().waitFor();
    await openView(panel, 'Settings');
    await panel.getByTestId('bundle-info').waitFor();
    await openView(panel, 'Suggest');

    const fixtureOrigin = new URL(session.server.url).origin;
    const outside = requests.filter(({ url }) => !url.startsWith(`chrome-extension://${session.extensionId}/`) && !url.startsWith(`${fixtureOrigin}/`));
    expect(outside).toEqual([]);
    // The chat page loads its own files; nothing fetches or posts from there.
    const fetches = requests.filter(({ url, type }) => url.startsWith(fixtureOrigin) && !['document', 'script', 'stylesheet', 'image', 'font'].includes(type));
    expect(fetches).toEqual([]);
    expect(requests.filter(({ url, body }) => url.includes(encodeURIComponent(SECRET)) || body?.includes(SECRET))).toEqual([]);
  });

  it('fetches a bundle from the URL the user typed, and nothing else (the recorder sees the worker)', async () => {
    const before = requests.length;
    await openView(panel, 'Settings');
    await panel.getByLabel('Import from a URL').fill(teamUrl);
    await panel.getByRole('button', { name: 'Import', exact: true }).click();
    await panel.getByText('Bundle imported.').waitFor();
    const made = requests.slice(before).filter(({ url }) => !url.startsWith(`chrome-extension://${session.extensionId}/`));
    expect(made.map(({ url }) => url)).toEqual([teamUrl]);
  });
});
