// Team sync when the server is down for a whole working day: Settings → Team is filled in and
// saved through the panel, the cases logged while the server answers reach it by themselves
// (shortly after each change), then the server stops and a day of cases is logged. They are
// all kept in the browser, the status line says how many wait and that the server cannot be
// reached, and when the server is back "Sync now" sends every one of them. On the server each
// case is one document whose _id is the case id and whose other fields are the case exactly as
// the JSON Lines export writes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCases, type Case } from '@closer/shared';
import { startCouchServer, type CouchServer } from '../helpers/couch-server.ts';
import { launch, waitFor, type Session } from './harness.ts';
import { openView } from './panel-helpers.ts';
import { ask, extensionPage, logCases, prepareUser, serverCases, teamStatus, waitForStatus } from './sync-helpers.ts';

let couch: CouchServer;
let session: Session;
const user = 'alice';
const password = 'alice-secret';
let db = '';

beforeAll(async () => {
  couch = await startCouchServer();
  db = await prepareUser(couch.adminUrl, user, password);
  session = await launch({ chatPages: false });
});

afterAll(async () => {
  await session?.close();
  await couch?.stop();
});

describe('team sync with the server down for a day', () => {
  it('keeps a day of cases while the server is down, shows them waiting, and sends them all when it is back', async () => {
    const panel = await extensionPage(session);
    await openView(panel, /Settings|设置/);
    // Before set-up nothing is sent and the card says so.
    const card = panel.getByTestId('team-settings');
    await expect.poll(() => card.getByTestId('team-status').getAttribute('data-enabled')).toBe('false');
    await card.locator('input[name=team-url]').fill(couch.url);
    await card.locator('input[name=team-user]').fill(user);
    await card.locator('input[name=team-secret]').fill(password);
    await card.getByRole('button', { name: /^Save$|^保存$/ }).click();
    await waitForStatus(panel, (status) => status.lastSync !== undefined && !status.running, 'the first sync');

    // Cases logged while the server answers get there without a click.
    const morning = await logCases(panel, 'morning', 3);
    await waitFor(async () => (await serverCases(couch.adminUrl, db)).length === 3, 'the morning cases on the server');
    // The run that sent them has finished (its checkpoint written) before the server goes.
    await waitForStatus(panel, (status) => !status.running && status.pending === 0 && !status.error, 'the morning sync to finish');

    // The server goes down for the day; the salesperson keeps working.
    await couch.stop();
    const day = await logCases(panel, 'day', 40);
    const down = await waitForStatus(panel, (status) => status.error?.code === 'unreachable' && !status.running, 'the status to say the server cannot be reached');
    expect(down.pending).toBe(40);
    await openView(panel, /Cases|案例/);
    await openView(panel, /Settings|设置/);
    await expect.poll(() => card.getByTestId('team-status').textContent()).toContain('40 waiting to be sent');
    expect(await card.getByTestId('team-error').textContent()).toContain('Cannot reach the team server');
    const kept = await ask<{ cases: Case[] }>(panel, { type: 'cases-list' });
    expect(kept.cases.map((record) => record.id)).toEqual(expect.arrayContaining([...morning, ...day]));

    // Back the next morning, on the same address (a fresh server: everything must be sent again).
    couch = await startCouchServer({ port: couch.port });
    await prepareUser(couch.adminUrl, user, password);
    await card.getByRole('button', { name: /Sync now|立即同步/ }).click();
    const after = await waitForStatus(panel, (status) => !status.running && status.lastSync !== undefined && status.pending === 0 && !status.error, 'the sync after the server came back');
    expect(after.refused).toEqual([]);
    const onServer = await serverCases(couch.adminUrl, db);
    expect(onServer.map((doc) => doc._id).sort()).toEqual([...morning, ...day].sort());
    // Each document is the case as the export writes it, plus CouchDB's _id and _rev only.
    const exported = readCases((await ask<{ text: string }>(panel, { type: 'cases-export', keepNames: true })).text, 'export.jsonl').cases;
    const byId = new Map(exported.map((record) => [record.id, record]));
    for (const doc of onServer) {
      const { _id, _rev, ...fields } = doc;
      expect(_id).toBe(fields.id);
      expect(fields).toEqual(byId.get(_id));
    }
    await expect.poll(() => card.getByTestId('team-status').textContent()).toContain('0 waiting to be sent');
    expect((await teamStatus(panel)).error).toBeUndefined();
  });
});
