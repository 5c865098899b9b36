// The extension makes no network request except fetching a bundle from a URL the user typed:
// every request of the pages, the panel and the service worker is recorded through a whole
// session of reading, suggesting, searching, inserting and copying, then checked.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { startStandInModel, type StandInModel } from '../unit/adapt-model-server.ts';
import { launch, openChatPage, openPanelTab, waitForContentScript, type Session } from './harness.ts';
import { importBundleFile, openView, shownReplies, waitForSuggestions } from './panel-helpers.ts';
import { bundleOf, SHOP_PLAYBOOK, writeTempFile } from './test-bundles.ts';

// Playwright reports a service worker's own requests only with this switch (Chromium).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

let session: Session;
let chat: Page;
let panel: Page;
let teamServer: Server;
let teamUrl: string;
// A stand-in for a model (a local server speaking the OpenAI chat-completions protocol with
// scripted answers; no model runs), so a request to a model endpoint has somewhere to go.
let model: StandInModel;
const requests: { url: string; type: string; body: string | null }[] = [];
const SECRET = '客户的秘密消息太贵了';

beforeAll(async () => {
  teamServer = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(JSON.stringify(bundleOf(SHOP_PLAYBOOK)));
  });
  await new Promise<void>((done) => teamServer.listen(0, '127.0.0.1', done));
  teamUrl = `http://127.0.0.1:${(teamServer.address() as { port: number }).port}/team-bundle.json`;
  model = await startStandInModel();
  session = await launch();
  const record = (request: Request) => requests.push({ url: request.url(), type: request.resourceType(), body: request.postData() });
  session.context.on('request', record);
  chat = await openChatPage(session, 'textarea');
  panel = await openPanelTab(session, await waitForContentScript(session, chat));
});

afterAll(async () => {
  await session?.close();
  await model?.close();
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

  it('asks no model endpoint before the salesperson turns adaptation on, even with the team allowing it and an endpoint typed', async () => {
    const allowing = SHOP_PLAYBOOK.replace('id: teashop\n', 'id: teashop\nadapt: { allowed: true, backends: [openai-compatible] }\n');
    expect(await importBundleFile(panel, writeTempFile('network-adapt.bundle.json', JSON.stringify(bundleOf(allowing))))).toMatch(/imported/);
    const toModel = () => requests.filter(({ url }) => url.startsWith(model.url));
    await openView(panel, 'Settings');
    const settings = panel.getByTestId('adapt-settings');
    await settings.getByLabel('Base URL').fill(model.url);
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.getByText('Adaptation settings saved.').waitFor();
    await openView(panel, 'Suggest');
    await chat.evaluate((text) => window.chat.addCustomerMessage(text), '还是太贵了');
    await waitForSuggestions(panel, '还是太贵了');
    expect(await panel.getByRole('button', { name: 'Adapt' }).count()).toBe(0);
    // A stale or forged request to the worker is refused without asking the endpoint.
    const refused = await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'adapt', conversationKey: 'x', replyId: 'tea-price-value', message: '还是太贵了' }));
    expect(refused).toMatchObject({ ok: true, result: { accepted: false, reasons: [{ code: 'policy.off', message: 'adaptation is off in Settings' }] } });
    expect(toModel()).toEqual([]);
    expect(model.requests).toEqual([]);

    // Once turned on, the one Adapt is the one request, and the recorder sees it (so the check above can fail).
    await openView(panel, 'Settings');
    await settings.getByLabel('Adapt replies with a model').check();
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.getByText('Adaptation settings saved.').waitFor();
    await openView(panel, 'Suggest');
    await panel.locator('[data-reply-id=tea-price-value]').getByRole('button', { name: 'Adapt' }).click();
    await panel.locator('[data-reply-id=tea-price-value] [data-testid=adapt-result]').waitFor();
    await expect.poll(() => toModel().length).toBe(1);
    expect(model.requests).toHaveLength(1);
  });
});
