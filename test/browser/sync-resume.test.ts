// The worker stopped in the middle of a replication (MV3 stops it whenever it likes): 1,500
// cases are being pushed over a slow link (3 batches of 500) when the service worker is stopped through the
// DevTools protocol. Nothing more reaches the server once it is stopped; the next run (the
// alarm's, here "Sync now") resumes from the replication's checkpoint (it asks the server about
// the cases after it only, counted at a proxy) and sends only what the server does not have, and the server ends with every case exactly once: one revision each, no
// conflicts, nothing twice.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCase, writeCases } from '@closer/shared';
import { startCouchServer, type CouchServer } from '../helpers/couch-server.ts';
import { launch, waitFor, type Session } from './harness.ts';
import { ask, extensionPage, prepareUser, serverCases, serverGet, setUpTeam, startProxy, syncNow, type Proxy } from './sync-helpers.ts';

let couch: CouchServer;
let proxy: Proxy;
let session: Session;
const user = 'alice';
const password = 'alice-secret';
const COUNT = 1500;
let db = '';

beforeAll(async () => {
  couch = await startCouchServer();
  db = await prepareUser(couch.adminUrl, user, password);
  proxy = await startProxy(couch.url);
  session = await launch({ chatPages: false });
});

afterAll(async () => {
  await session?.close();
  await proxy?.close();
  await couch?.stop();
});

async function docCount(): Promise<number> {
  const info = await serverGet(couch.adminUrl, db);
  // The design document with the validation is one of them.
  return (info.json.doc_count as number) - 1;
}

describe('the worker stopped in the middle of a replication', () => {
  it('resumes from the checkpoint and leaves every case on the server exactly once', async () => {
    const page = await extensionPage(session);
    const cases = Array.from({ length: COUNT }, (_, index) => newCase({ conversation: `bulk/chat-${index}`, salesperson: user, id: randomUUID() }));
    expect((await ask<{ added: number }>(page, { type: 'cases-import', text: writeCases(cases), source: 'bulk.jsonl' })).added).toBe(COUNT);

    // A slow link, so that the push (batches of 500) is still going when the worker is stopped.
    proxy.delayMs = 300;
    await setUpTeam(page, proxy.url, user, password);
    // Stopped once the first batch is on the server with its checkpoint written on both sides
    // (the next batch has begun: its _revs_diff came after the checkpoint's PUT).
    await waitFor(() => {
      const firstBatch = proxy.requests.findIndex((request) => request.includes('/_bulk_docs'));
      const checkpoint = proxy.requests.findIndex((request, index) => index > firstBatch && request.startsWith('PUT') && request.includes('/_local/'));
      return firstBatch !== -1 && checkpoint !== -1 && proxy.requests.slice(checkpoint).some((request) => request.includes('/_revs_diff'));
    }, 'the first batch checkpointed', 60_000);
    const cdp = await session.context.newCDPSession(page);
    const versions = new Map<string, { scriptURL: string; runningStatus: string }>();
    cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: { versionId: string; scriptURL: string; runningStatus: string }[] }) => {
      for (const version of event.versions) versions.set(version.versionId, version);
    });
    await cdp.send('ServiceWorker.enable');
    const [versionId] = await waitFor(() => [...versions].find(([, version]) => version.scriptURL.endsWith('/background.js') && version.runningStatus === 'running'), 'the running worker');
    await cdp.send('ServiceWorker.stopWorker', { versionId });
    await waitFor(() => versions.get(versionId)?.runningStatus === 'stopped', 'the worker to stop');

    // Stopped means stopped: the server's count no longer grows (but for a batch already on its way).
    const atStop = await docCount();
    await new Promise((wait) => setTimeout(wait, 1500));
    const settled = await docCount();
    expect(settled).toBeLessThan(COUNT);
    expect(settled - atStop).toBeLessThanOrEqual(500);
    await new Promise((wait) => setTimeout(wait, 1500));
    expect(await docCount()).toBe(settled);

    // The next run, in a newly started worker, starts from the checkpoint of the last batch the
    // server confirmed: it asks the server about the cases after it only, and sends what is missing.
    proxy.delayMs = 0;
    const firstBatch = new Set(proxy.revsDiffIds[0]);
    expect(firstBatch.size).toBe(500);
    const askedBefore = proxy.revsDiffIds.length;
    const status = await syncNow(page);
    const askedAbout = new Set(proxy.revsDiffIds.slice(askedBefore).flat());
    expect([...askedAbout].filter((id) => firstBatch.has(id))).toEqual([]);
    expect(askedAbout.size).toBeGreaterThanOrEqual(COUNT - settled);
    expect(status).toMatchObject({ pending: 0, refused: [] });
    expect(status.error).toBeUndefined();
    expect(status.lastRun!.pushed).toBe(COUNT - settled);
    const onServer = await serverCases(couch.adminUrl, db);
    expect(onServer).toHaveLength(COUNT);
    expect(new Set(onServer.map((doc) => doc._id))).toEqual(new Set(cases.map((record) => record.id)));
    expect(onServer.filter((doc) => doc._conflicts !== undefined || !doc._rev.startsWith('1-'))).toEqual([]);
    await cdp.detach();
  });
});
