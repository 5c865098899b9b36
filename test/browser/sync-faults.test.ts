// Team sync against a server that misbehaves, seen through a small proxy in front of a real
// CouchDB-protocol server that counts every request and can be switched to fail:
// - a wrong password: the status says so in plain words, and the worker backs off — cases
//   changed afterwards make no request at all until the back-off's time, Save or Sync now;
// - a 500, then garbage (a 200 whose body is not CouchDB's): each named, each backed off, and
//   once the server is well again every case is there exactly once;
// - a case of another salesperson (imported from their file): the server's validate_doc_update
//   refuses it, the status lists it with the server's reason, and the salesperson's own cases go
//   through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { writeCases, newCase, type Case } from '@closer/shared';
import { startCouchServer, type CouchServer } from '../helpers/couch-server.ts';
import { launch, type Session } from './harness.ts';
import { openView } from './panel-helpers.ts';
import { ask, extensionPage, logCases, prepareUser, serverCases, setUpTeam, startProxy, syncNow, waitForStatus, type Proxy } from './sync-helpers.ts';
import type { Page } from 'playwright-core';

let couch: CouchServer;
let proxy: Proxy;
let session: Session;
let page: Page;
const user = 'alice';
const password = 'alice-secret';
let db = '';
const mine: string[] = [];

beforeAll(async () => {
  couch = await startCouchServer();
  db = await prepareUser(couch.adminUrl, user, password);
  proxy = await startProxy(couch.url);
  session = await launch({ chatPages: false });
  page = await extensionPage(session);
});

afterAll(async () => {
  await session?.close();
  await proxy?.close();
  await couch?.stop();
});

const idle = (what: string) => waitForStatus(page, (status) => !status.running && status.lastAttempt !== undefined, what);
const pause = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

describe('team sync against a misbehaving server', () => {
  it('says a wrong password plainly and backs off instead of retrying on every change', async () => {
    await setUpTeam(page, proxy.url, user, 'not-the-password');
    const refused = await waitForStatus(page, (status) => status.error !== undefined && !status.running, 'the refused sign-in');
    expect(refused.error).toMatchObject({ code: 'auth', message: expect.stringContaining('refused the user name "alice" or its password') });
    // The next automatic try is the back-off's first step away, 30 seconds.
    const wait = Date.parse(refused.nextAttempt!) - Date.parse(refused.lastAttempt!);
    expect(wait).toBeGreaterThanOrEqual(29_000);
    expect(wait).toBeLessThanOrEqual(31_000);
    const before = proxy.requests.length;
    expect(before).toBeGreaterThan(0);
    // Ten changes, each of which would start a run a moment later if there were no back-off.
    mine.push(...(await logCases(page, 'auth', 10)));
    await pause(4000);
    expect(proxy.requests.slice(before)).toEqual([]);
    const status = await waitForStatus(page, (current) => current.pending === 10, 'ten cases waiting');
    expect(status.error?.code).toBe('auth');
    // The panel says it in the salesperson's words.
    await openView(page, /Settings|设置/);
    await expect.poll(() => page.getByTestId('team-error').textContent()).toContain('refused your user name or password');

    // The right password, saved: the back-off starts again from nothing and the cases go.
    await setUpTeam(page, proxy.url, user, password);
    const fixed = await waitForStatus(page, (current) => !current.running && current.pending === 0 && !current.error && current.lastSync !== undefined, 'the sync with the right password');
    expect(fixed.refused).toEqual([]);
    expect((await serverCases(couch.adminUrl, db)).map((doc) => doc._id).sort()).toEqual([...mine].sort());
  });

  it('names a 500 and a garbage answer, backs off from each, and sends everything once when the server is well', async () => {
    proxy.mode = 'error500';
    mine.push(...(await logCases(page, 'broken', 5)));
    const failed = await syncNow(page);
    expect(failed.error).toMatchObject({ code: 'server', message: expect.stringContaining('HTTP 500') });
    expect(failed.pending).toBe(5);
    const after500 = proxy.requests.length;
    mine.push(...(await logCases(page, 'broken-more', 3)));
    await pause(4000);
    expect(proxy.requests.length).toBe(after500);

    proxy.mode = 'garbage';
    const garbled = await syncNow(page);
    expect(garbled.error).toMatchObject({ code: 'garbage', message: expect.stringContaining('not CouchDB') });
    expect(garbled.pending).toBe(8);

    proxy.mode = 'pass';
    const well = await syncNow(page);
    expect(well).toMatchObject({ pending: 0, refused: [] });
    expect(well.error).toBeUndefined();
    const onServer = await serverCases(couch.adminUrl, db);
    expect(onServer.map((doc) => doc._id).sort()).toEqual([...mine].sort());
    expect(onServer.every((doc) => doc._conflicts === undefined && doc._rev.startsWith('1-'))).toBe(true);
  });

  it('reports a case of another salesperson that the server refuses, and sends the rest', async () => {
    const theirs: Case = { ...newCase({ conversation: 'shop/bob-chat', salesperson: 'bob', customer: 'Mr Wang', id: randomUUID() }), notes: 'bob\'s case' };
    const imported = await ask<{ added: number }>(page, { type: 'cases-import', text: writeCases([theirs]), source: 'bob.jsonl' });
    expect(imported.added).toBe(1);
    mine.push(...(await logCases(page, 'after-bob', 2)));
    const status = await syncNow(page);
    expect(status.error).toBeUndefined();
    expect(status.refused).toEqual([{ id: theirs.id, reason: expect.stringContaining("is bob's, not alice's") }]);
    const onServer = await serverCases(couch.adminUrl, db);
    expect(onServer.map((doc) => doc._id)).not.toContain(theirs.id);
    expect(onServer.map((doc) => doc._id).sort()).toEqual([...mine].sort());
    // The refusal stays in the status (a later run with nothing new does not forget it) and on screen.
    const later = await syncNow(page);
    expect(later.refused.map((entry) => entry.id)).toEqual([theirs.id]);
    await openView(page, /Cases|案例/);
    await openView(page, /Settings|设置/);
    await expect.poll(() => page.getByTestId('team-refused').textContent()).toContain('refused 1 case');
    await idle('the last run');
  });
});
