// The same case edited in two browsers of one salesperson while both are offline. When they come
// back, CouchDB holds both revisions; the case's own time decides: the newer edit's fields win,
// the events recorded in either browser are all kept (the core's merge), and the older revision
// stays readable on the server as a deleted conflict keeping its content. Both browsers end with
// the same case, and nothing is pending.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, type Case } from '@closer/shared';
import { startCouchServer, type CouchServer } from '../helpers/couch-server.ts';
import { openView } from './panel-helpers.ts';
import { ask, caseIn, logCases, prepareUser, serverGet, salespersonBrowsers, syncNow, waitForStatus } from './sync-helpers.ts';
import type { Page } from 'playwright-core';

let couch: CouchServer;
let browsers: ReturnType<typeof salespersonBrowsers> | undefined;
const user = 'alice';
const password = 'alice-secret';
let db = '';

beforeAll(async () => {
  couch = await startCouchServer();
  browsers = salespersonBrowsers(() => couch.url, user, password, 'sync-conflict');
  // Without the validation: pouchdb-server's would drop the replicated edits (see prepareUser).
  db = await prepareUser(couch.adminUrl, user, password, { validation: false });
});

afterAll(async () => {
  await browsers?.close();
  await couch?.stop();
});

describe('one case edited in two browsers offline', () => {
  it('keeps the newest edit, every event of both, and the older revision readable', async () => {
    const laptop = await browsers!.open();
    const [id] = await logCases(laptop.page, 'shared', 1, 'first call');
    expect((await syncNow(laptop.page)).pending).toBe(0);
    // The second browser's first sync, on Save, brings the case there.
    const desktop = await browsers!.open();
    expect((await caseIn(desktop.page, id!)).notes).toBe('first call 0');

    // Both offline; the laptop edits first (a reply inserted, then the notes), the desktop later.
    laptop.proxy.mode = 'down';
    desktop.proxy.mode = 'down';
    await ask(laptop.page, { type: 'reply-used', conversationKey: 'shared/chat-0', replyId: 'price-value' });
    await ask(laptop.page, { type: 'case-update', id, change: { notes: 'laptop: sends the price list tonight' } });
    await new Promise((wait) => setTimeout(wait, 20));
    await ask(desktop.page, { type: 'case-update', id, change: { notes: 'desktop: bought two', outcome: 'won', amount: 2400 } });
    await waitForStatus(laptop.page, (status) => status.error?.code === 'unreachable' && !status.running, 'the laptop to notice it is offline');
    // The desktop's own pass after its edit must fail too, else it may run once the proxies pass
    // again and settle the conflict before the Sync now this test means to watch.
    await waitForStatus(desktop.page, (status) => status.error?.code === 'unreachable' && !status.running, 'the desktop to notice it is offline');

    // Back online: the laptop sends first, then the desktop meets the conflict and settles it.
    laptop.proxy.mode = 'pass';
    desktop.proxy.mode = 'pass';
    const lap = await syncNow(laptop.page);
    expect(lap.error).toBeUndefined();
    const settled = await syncNow(desktop.page);
    expect(settled.error).toBeUndefined();
    expect(settled.lastRun?.settled).toBe(1);
    const after = await syncNow(laptop.page);
    expect(after).toMatchObject({ pending: 0, refused: [] });

    const onDesktop = await caseIn(desktop.page, id!);
    const onLaptop = await caseIn(laptop.page, id!);
    // The newer edit's fields win…
    expect(onDesktop).toMatchObject({ notes: 'desktop: bought two', outcome: 'won', amount: 2400 });
    // …and the event only the laptop recorded is kept.
    expect(onDesktop.timeline).toContainEqual(expect.objectContaining({ type: 'inserted', reply: 'price-value' }));
    expect(canonicalJson(onLaptop)).toBe(canonicalJson(onDesktop));

    // On the server: one live revision, the merged case; the laptop's version readable as a deleted conflict.
    const live = await serverGet(couch.adminUrl, `${db}/${id}?conflicts=true`);
    expect(live.status).toBe(200);
    expect(live.json._conflicts).toBeUndefined();
    const { _id, _rev, ...fields } = live.json;
    expect(canonicalJson(fields)).toBe(canonicalJson(onDesktop));
    // Every leaf of the case's revision tree (open_revs=all): the live one and the laptop's, closed with its content.
    const leaves = (await serverGet(couch.adminUrl, `${db}/${id}?open_revs=all`)).json as { ok: Record<string, unknown> }[];
    const closed = leaves.map((leaf) => leaf.ok).filter((doc) => doc._deleted);
    expect(leaves).toHaveLength(2);
    expect(closed).toEqual([expect.objectContaining({ _deleted: true, notes: 'laptop: sends the price list tonight', outcome: 'open' })]);
    await openView(desktop.page, /Settings|设置/);
    await expect.poll(() => desktop.page.getByTestId('team-settled').textContent()).toContain('changed in two places');
  });
});
