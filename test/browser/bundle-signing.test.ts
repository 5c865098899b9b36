// Signed bundles that refresh themselves, in real Chromium against a local web server that stands
// for the team's: the team key is pinned (accepted from the first signed bundle, or pasted), a
// bundle URL is imported and then checked again by the worker's real chrome.alarms listener
// (the test schedules the refresh alarm to fire at once instead of in an hour) with If-None-Match;
// a new signed version is used without a click, and a tampered, unsigned or other-key version is
// refused with the reason shown while the previous one stays in use. Each request the server
// gets is counted, 304s apart.
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, keyFingerprint, keyText, signBundle, type Bundle } from '@closer/shared';
import { launch, openChatPage, openPanelTab, waitFor, waitForContentScript, type Session } from './harness.ts';
import { openView, shownReplies, waitForSuggestions } from './panel-helpers.ts';
import { bundleOf, SHOP_PLAYBOOK, writeTempFile } from './test-bundles.ts';

const ALARM = 'closer-bundle-refresh';
const team = generateKeyPair();
const rival = generateKeyPair();
const teamFingerprint = keyFingerprint(team.publicKey);

/** The shop playbook whose price reply says how many cups a jin of tea makes: each version its own number. */
const shopWith = (cups: string) => bundleOf(SHOP_PLAYBOOK.replace('一斤能泡两百杯', `一斤能泡${cups}杯`));
const v1 = signBundle(shopWith('两百'), team.privateKey);
const v2 = signBundle(shopWith('三百'), team.privateKey);
const v3 = signBundle(shopWith('四百'), team.privateKey);
// Tampered after signing, with the content hash made to match again: only the signature can tell.
const tampered: Bundle = { ...shopWith('六百'), signature: signBundle(shopWith('五百'), team.privateKey).signature };
const unsigned = shopWith('七百');
const otherKey = signBundle(shopWith('八百'), rival.privateKey);

let session: Session;
let panel: Page;
let server: Server;
let bundleUrl: string;
/** What the team's server serves now, and every request it got (the If-None-Match it carried, and whether it answered 304). */
let serving: { body: string; etag: string } = { body: '', etag: '' };
const requests: { ifNoneMatch: string | null; status: number }[] = [];
const notModified = () => requests.filter((request) => request.status === 304).length;

function serve(bundle: Bundle, etag: string): void {
  serving = { body: JSON.stringify(bundle), etag: `"${etag}"` };
}

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url !== '/team/bundle.json') return void response.writeHead(404).end();
    const ifNoneMatch = request.headers['if-none-match'] ?? null;
    const status = ifNoneMatch === serving.etag ? 304 : 200;
    requests.push({ ifNoneMatch, status });
    // A body that says it is 40 MB: the worker must refuse it from the header, before reading it.
    if (serving.body === 'huge' && status === 200) return void response.writeHead(200, { etag: serving.etag, 'content-length': String(40e6) }).end('{');
    response.writeHead(status, { 'content-type': 'application/json', etag: serving.etag, 'access-control-allow-origin': '*', 'access-control-expose-headers': 'ETag' });
    response.end(status === 304 ? undefined : serving.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  bundleUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/team/bundle.json`;
  session = await launch();
  const chat = await openChatPage(session, 'textarea');
  panel = await openPanelTab(session, await waitForContentScript(session, chat));
});

afterAll(async () => {
  await session?.close();
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done));
});

/** Settings, mounted afresh (a view switch remounts it), so the cards read the worker's state again. */
async function openSettings(): Promise<void> {
  await openView(panel, 'Suggest');
  await openView(panel, 'Settings');
  await panel.getByTestId('bundle-version').waitFor();
}

async function shownVersion() {
  await openSettings();
  const version = panel.getByTestId('bundle-version');
  return {
    hash: await version.getAttribute('data-hash'),
    signer: await version.getAttribute('data-signer'),
    signedBy: (await panel.getByTestId('bundle-signer').textContent()) ?? '',
    lastError: (await panel.getByTestId('bundle-last-error').count()) > 0 ? await panel.getByTestId('bundle-last-error').getAttribute('data-code') : null,
    lastErrorText: (await panel.getByTestId('bundle-last-error').count()) > 0 ? ((await panel.getByTestId('bundle-last-error').textContent()) ?? '') : '',
  };
}

/** The status line of Settings' bundle card (other cards have status lines of their own). */
const importStatus = () => panel.locator('section[aria-labelledby=bundle-heading]').locator('[role=status], [role=alert]');

/** Imports a bundle file through Settings and returns the bundle card's status line. */
async function importBundleFile(file: string): Promise<string> {
  await openSettings();
  const before = await panel.getByTestId('bundle-info').getAttribute('data-hash');
  await panel.locator('input[type=file]').setInputFiles(file);
  await importStatus().first().waitFor();
  const text = (await importStatus().first().textContent()) ?? '';
  if (text === 'Bundle imported.') await waitFor(async () => (await panel.getByTestId('bundle-info').getAttribute('data-hash')) !== before, 'the new bundle to show');
  return text;
}

/** The price reply the panel suggests, from the bundle in use. */
async function priceReply(): Promise<string> {
  await openView(panel, 'Suggest');
  const message = `能不能便宜点 ${Math.random().toString(36).slice(2, 6)}`;
  await panel.getByLabel('Paste a customer message').fill(message);
  await panel.getByRole('button', { name: 'Suggest', exact: true }).click();
  await waitForSuggestions(panel, message);
  return (await shownReplies(panel)).find((reply) => reply.id === 'tea-price-value')?.text ?? '';
}

const alarmPeriod = () => panel.evaluate(async (name) => (await chrome.alarms.get(name))?.periodInMinutes ?? null, ALARM);

/**
 * Makes the refresh alarm fire now (the worker's own onAlarm listener does the rest) and waits for
 * the check to finish, which it marks by scheduling the hourly alarm again.
 */
async function fireRefreshAlarm(): Promise<void> {
  const before = requests.length;
  await panel.evaluate((name) => chrome.alarms.create(name, { when: Date.now() + 20 }), ALARM);
  await waitFor(() => requests.length > before, 'the refresh to fetch the bundle URL', 30_000);
  await waitFor(async () => (await alarmPeriod()) === 60, 'the check to finish and set the hourly alarm again', 30_000);
}

describe('trusting the team key', () => {
  it('a signed bundle imported with no key trusted is used, and its key is offered; accepting pins it', async () => {
    expect(await importBundleFile(writeTempFile('v1.json', JSON.stringify(v1)))).toBe('Bundle imported.');
    await openSettings();
    const offer = panel.getByTestId('bundle-trust-offer');
    expect(await offer.textContent()).toContain(`This bundle is signed by key ${teamFingerprint}. Trust this key for future bundles?`);
    await offer.getByRole('button', { name: 'Trust this key' }).click();
    await expect.poll(() => panel.getByTestId('bundle-pinned').getAttribute('data-fingerprint')).toBe(teamFingerprint);
    expect(await panel.getByTestId('bundle-pinned').textContent()).toContain('accepted from a signed bundle');
    expect(await panel.getByTestId('bundle-trust-offer').count()).toBe(0);
    expect((await shownVersion()).signedBy).toBe(`${teamFingerprint} (the trusted key)`);
  });

  it('a key can be forgotten and pasted instead; a pasted private key or a truncated key is refused with the reason', async () => {
    await openSettings();
    await panel.getByRole('button', { name: 'Forget this key' }).click();
    await panel.getByLabel("Your team's public key").waitFor();
    // Each paste's answer replaces the one before; the note is read until it says what this paste should (seen once on a fresh clone: the truncated key's answer was still shown).
    const paste = async (text: string, answer: RegExp) => {
      await panel.getByLabel("Your team's public key").fill(text);
      await panel.getByRole('button', { name: 'Trust the pasted key' }).click();
      await expect.poll(() => panel.getByTestId('bundle-trust-note').textContent()).toMatch(answer);
    };
    await paste(keyText('private', team.privateKey), /this is a private key \(\.key\), which must stay secret/);
    expect(await panel.getByTestId('bundle-pinned').count()).toBe(0);
    await paste(keyText('public', team.publicKey).slice(0, 50), /the key is truncated/);
    await paste(keyText('public', team.publicKey), /^Key trusted: only bundles it signed will be accepted\.$/);
    expect(await panel.getByTestId('bundle-pinned').getAttribute('data-fingerprint')).toBe(teamFingerprint);
    expect(await panel.getByTestId('bundle-pinned').textContent()).toContain('pasted here');
  });

  it('once pinned, an unsigned, other-key or tampered file is refused with the reason, and the bundle in use stays', async () => {
    await openView(panel, 'Suggest');
    expect(await importBundleFile(writeTempFile('unsigned.json', JSON.stringify(unsigned)))).toMatch(/^Bundle refused: the bundle is not signed; only bundles signed by the trusted key/);
    expect(await importBundleFile(writeTempFile('rival.json', JSON.stringify(otherKey)))).toBe(
      `Bundle refused: the bundle is signed by key ${keyFingerprint(rival.publicKey)}, not by the trusted key ${teamFingerprint}`,
    );
    expect(await importBundleFile(writeTempFile('tampered.json', JSON.stringify(tampered)))).toMatch(/^Bundle refused: the bundle was changed after key .* signed it/);
    expect((await shownVersion()).hash).toBe(v1.hash);
    expect(await priceReply()).toContain('一斤能泡两百杯');
  });
});

describe('a bundle URL refreshed on chrome.alarms', () => {
  it('importing by URL stores its ETag and schedules the hourly check', async () => {
    serve(v1, 'v1');
    await openSettings();
    await panel.getByLabel('Import from a URL').fill(bundleUrl);
    await panel.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => importStatus().first().textContent()).toBe('Bundle imported.');
    expect(requests).toEqual([{ ifNoneMatch: null, status: 200 }]);
    expect(await alarmPeriod()).toBe(60);
    const shown = await shownVersion();
    expect(shown).toMatchObject({ hash: v1.hash, signer: teamFingerprint, lastError: '' });
    expect(await panel.getByTestId('bundle-trust').textContent()).toContain(bundleUrl);
  });

  it('an unchanged bundle costs a 304: the request carries the stored ETag, and nothing changes', async () => {
    const checkedBefore = await panel.getByTestId('bundle-last-checked').textContent();
    await fireRefreshAlarm();
    expect(requests.at(-1)).toEqual({ ifNoneMatch: '"v1"', status: 304 });
    expect(notModified()).toBe(1);
    const shown = await shownVersion();
    expect(shown).toMatchObject({ hash: v1.hash, lastError: '' });
    expect(await panel.getByTestId('bundle-last-checked').textContent()).toBeTruthy();
    expect(checkedBefore).toBeTruthy();
  });

  it('a new version signed by the team key replaces the one in use without a click, and the panel shows it', async () => {
    serve(v2, 'v2');
    await fireRefreshAlarm();
    expect(requests.at(-1)).toEqual({ ifNoneMatch: '"v1"', status: 200 });
    expect(await shownVersion()).toMatchObject({ hash: v2.hash, signer: teamFingerprint, lastError: '' });
    expect(await panel.getByTestId('bundle-info').getAttribute('data-hash')).toBe(v2.hash);
    expect(await priceReply()).toContain('一斤能泡三百杯');
    // The next check sends the new version's ETag.
    await fireRefreshAlarm();
    expect(requests.at(-1)).toEqual({ ifNoneMatch: '"v2"', status: 304 });
  });

  it('a tampered version is refused with the reason shown, and the previous one stays in use', async () => {
    serve(tampered, 'v3-tampered');
    await fireRefreshAlarm();
    expect(requests.at(-1)).toEqual({ ifNoneMatch: '"v2"', status: 200 });
    const shown = await shownVersion();
    expect(shown).toMatchObject({ hash: v2.hash, lastError: 'tampered' });
    expect(shown.lastErrorText).toMatch(/refused: changed after it was signed \(the bundle was changed after key .* signed it/);
    expect(await priceReply()).toContain('一斤能泡三百杯');
    // The refused version's ETag is not kept: the next check fetches it whole again and refuses it again.
    await fireRefreshAlarm();
    expect(requests.at(-1)).toEqual({ ifNoneMatch: '"v2"', status: 200 });
  });

  it('an unsigned version after pinning is refused, and so is one signed by another key', async () => {
    serve(unsigned, 'v4-unsigned');
    await fireRefreshAlarm();
    expect(await shownVersion()).toMatchObject({ hash: v2.hash, lastError: 'unsigned' });
    expect((await shownVersion()).lastErrorText).toContain('refused: the bundle is not signed');
    serve(otherKey, 'v5-rival');
    await fireRefreshAlarm();
    const shown = await shownVersion();
    expect(shown).toMatchObject({ hash: v2.hash, lastError: 'wrong-key' });
    expect(shown.lastErrorText).toContain(`signed by key ${keyFingerprint(rival.publicKey)}`);
    expect(await priceReply()).toContain('一斤能泡三百杯');
  });

  it('a response that says it is larger than any bundle is refused from its header, and the old one stays', async () => {
    serving = { body: 'huge', etag: '"v5-huge"' };
    await fireRefreshAlarm();
    const shown = await shownVersion();
    expect(shown).toMatchObject({ hash: v2.hash, lastError: 'invalid' });
    expect(shown.lastErrorText).toContain('the file is too large to be a bundle (40 MB)');
  });

  it('a stopped worker is woken by the alarm and refreshes from what the store kept', async () => {
    serve(v3, 'v6');
    // The worker's running status as Chromium reports it: stopped before the alarm, started by it.
    const cdp = await session.context.newCDPSession(panel);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: { scriptURL: string; runningStatus: string }[] }) => {
      for (const version of versions) if (version.scriptURL.endsWith('/background.js')) statuses.push(version.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await waitFor(() => statuses.at(-1) === 'stopped', 'the worker to stop');
    const stoppedAt = statuses.length;
    await fireRefreshAlarm();
    expect(statuses.slice(stoppedAt)).toContain('starting');
    expect(requests.at(-1)).toEqual({ ifNoneMatch: '"v2"', status: 200 });
    expect(await shownVersion()).toMatchObject({ hash: v3.hash, signer: teamFingerprint, lastError: '' });
    expect(await priceReply()).toContain('一斤能泡四百杯');
    await cdp.detach();
  });

  it('the period can be changed in Settings, and the alarm follows it', async () => {
    await openSettings();
    await panel.getByLabel('Check for a new version').selectOption('15');
    await expect.poll(() => alarmPeriod()).toBe(15);
    await openSettings();
    expect(await panel.getByLabel('Check for a new version').inputValue()).toBe('15');
  });

  it('"Check for an update now" runs the same check; importing a file stops the URL refresh', async () => {
    await openSettings();
    const before = requests.length;
    await panel.getByRole('button', { name: 'Check for an update now' }).click();
    await expect.poll(() => panel.getByTestId('bundle-trust-note').textContent()).toBe('Checked.');
    expect(requests.length).toBe(before + 1);
    expect(requests.at(-1)).toEqual({ ifNoneMatch: '"v6"', status: 304 });
    await openView(panel, 'Suggest');
    expect(await importBundleFile(writeTempFile('v2.json', JSON.stringify(v2)))).toBe('Bundle imported.');
    expect(await alarmPeriod()).toBeNull();
    await openSettings();
    expect(await panel.getByTestId('bundle-last-checked').count()).toBe(0);
  });
});

// The extension page's `chrome` as seen by evaluate() bodies; loosely typed, as in harness.ts.
declare const chrome: {
  alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined>; create(name: string, info: { when?: number }): Promise<void> };
};
