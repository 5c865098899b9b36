// A tag taken off in one browser while another, offline too, edits the same case later: when both
// sync, CouchDB holds both revisions and the worker's conflict settling (the core's merge) keeps
// the newer edit's fields and the tag off, since the removal is the tag's latest change; before
// tag events, the union brought the tag back. Both browsers end with the same case.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, type Case } from '@closer/shared';
import { startCouchServer, type CouchServer } from '../helpers/couch-server.ts';
import { launch, type Session } from './harness.ts';
import { ask, extensionPage, logCases, prepareUser, setUpTeam, startProxy, syncNow, waitForStatus, type Proxy } from './sync-helpers.ts';
import type { Page } from 'playwright-core';

let couch: CouchServer;
const proxies: Proxy[] = [];
const sessions: Session[] = [];
const profiles: string[] = [];
const user = 'alice';
const password = 'alice-secret';

beforeAll(async () => {
  couch = await startCouchServer();
  // Without the validation: pouchdb-server's would drop the replicated edits (see prepareUser).
  await prepareUser(couch.adminUrl, user, password, { validation: false });
});

afterAll(async () => {
  for (const session of sessions) await session.close();
  for (const proxy of proxies) await proxy.close();
  for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
  await couch?.stop();
});

async function browserOfAlice(): Promise<{ page: Page; proxy: Proxy }> {
  const proxy = await startProxy(couch.url);
  proxies.push(proxy);
  const profileDir = mkdtempSync(join(tmpdir(), 'closer-sync-tags-'));
  profiles.push(profileDir);
  const session = await launch({ chatPages: false, profileDir });
  sessions.push(session);
  const page = await extensionPage(session);
  await setUpTeam(page, proxy.url, user, password);
  await waitForStatus(page, (status) => !status.running && status.lastSync !== undefined, 'the first sync');
  return { page, proxy };
}

async function caseIn(page: Page, id: string): Promise<Case> {
  const { cases } = await ask<{ cases: Case[] }>(page, { type: 'cases-list' });
  const found = cases.find((record) => record.id === id);
  if (!found) throw new Error(`case ${id} is not in this browser`);
  return found;
}

describe('a tag taken off in one browser, the case edited later in another', () => {
  it('stays off after the conflict is settled, and the newer edit keeps its fields', async () => {
    const laptop = await browserOfAlice();
    const [id] = await logCases(laptop.page, 'tagged', 1, 'first call');
    // Two tags of the default playbooks' tree, put on as the panel does.
    await ask(laptop.page, { type: 'profile-tag', conversationKey: 'tagged/chat-0', tag: 'referral_customer', on: true });
    await ask(laptop.page, { type: 'profile-tag', conversationKey: 'tagged/chat-0', tag: 'means_little', on: true });
    expect((await syncNow(laptop.page)).pending).toBe(0);
    const desktop = await browserOfAlice();
    expect((await caseIn(desktop.page, id!)).tags.sort()).toEqual(['means_little', 'referral_customer']);

    laptop.proxy.mode = 'down';
    desktop.proxy.mode = 'down';
    await ask(laptop.page, { type: 'profile-tag', conversationKey: 'tagged/chat-0', tag: 'means_little', on: false });
    await new Promise((wait) => setTimeout(wait, 20));
    await ask(desktop.page, { type: 'case-update', id, change: { notes: 'desktop: wants the big box' } });
    await waitForStatus(laptop.page, (status) => status.error?.code === 'unreachable' && !status.running, 'the laptop to notice it is offline');

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
