// A tag taken off in one browser while another, offline too, edits the same case later: when both
// sync, CouchDB holds both revisions and the worker's conflict settling (the core's merge) keeps
// the newer edit's fields and the tag off, since the removal is the tag's latest change; before
// tag events, the union brought the tag back. Both browsers end with the same case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, type Case } from '@closer/shared';
import { startCouchServer, type CouchServer } from '../helpers/couch-server.ts';
import { ask, caseIn, logCases, prepareUser, salespersonBrowsers, syncNow, waitForStatus } from './sync-helpers.ts';
import type { Page } from 'playwright-core';

let couch: CouchServer;
let browsers: ReturnType<typeof salespersonBrowsers> | undefined;
const user = 'alice';
const password = 'alice-secret';

beforeAll(async () => {
  couch = await startCouchServer();
  browsers = salespersonBrowsers(() => couch.url, user, password, 'sync-tags');
  // Without the validation: pouchdb-server's would drop the replicated edits (see prepareUser).
  await prepareUser(couch.adminUrl, user, password, { validation: false });
});

afterAll(async () => {
  await browsers?.close();
  await couch?.stop();
});

describe('a tag taken off in one browser, the case edited later in another', () => {
  it('stays off after the conflict is settled, and the newer edit keeps its fields', async () => {
    const laptop = await browsers!.open();
    const [id] = await logCases(laptop.page, 'tagged', 1, 'first call');
    // Two tags of the default playbooks' tree, put on as the panel does.
    await ask(laptop.page, { type: 'profile-tag', conversationKey: 'tagged/chat-0', tag: 'referral_customer', on: true });
    await ask(laptop.page, { type: 'profile-tag', conversationKey: 'tagged/chat-0', tag: 'means_little', on: true });
    expect((await syncNow(laptop.page)).pending).toBe(0);
    const desktop = await browsers!.open();
    expect((await caseIn(desktop.page, id!)).tags.sort()).toEqual(['means_little', 'referral_customer']);

    laptop.proxy.mode = 'down';
    desktop.proxy.mode = 'down';
    await ask(laptop.page, { type: 'profile-tag', conversationKey: 'tagged/chat-0', tag: 'means_little', on: false });
    await new Promise((wait) => setTimeout(wait, 20));
    await ask(desktop.page, { type: 'case-update', id, change: { notes: 'desktop: wants the big box' } });
    await waitForStatus(laptop.page, (status) => status.error?.code === 'unreachable' && !status.running, 'the laptop to notice it is offline');
    // The desktop's own pass after its edit must fail too, else it may run once the proxies pass
    // again and settle the conflict before the Sync now this test means to watch.
    await waitForStatus(desktop.page, (status) => status.error?.code === 'unreachable' && !status.running, 'the desktop to notice it is offline');

    laptop.proxy.mode = 'pass';
    desktop.proxy.mode = 'pass';
    expect((await syncNow(laptop.page)).error).toBeUndefined();
    const settled = await syncNow(desktop.page);
    expect(settled.error).toBeUndefined();
    expect(settled.lastRun?.settled).toBe(1);
    expect(await syncNow(laptop.page)).toMatchObject({ pending: 0, refused: [] });

    const onDesktop = await caseIn(desktop.page, id!);
    expect(onDesktop).toMatchObject({ notes: 'desktop: wants the big box', tags: ['referral_customer'] });
    expect(onDesktop.timeline).toContainEqual(expect.objectContaining({ type: 'tag', tag: 'means_little', added: false }));
    expect(canonicalJson(await caseIn(laptop.page, id!))).toBe(canonicalJson(onDesktop));
  });
});
