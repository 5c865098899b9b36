// The customer's tags for a suggestion come from the worker's mirror of the cases once it is
// complete (background/sync/case-mirror.ts), so a restarted worker's first suggestion does not
// wait for the case database to open; in real Chromium, with the worker stopped through CDP as
// Chrome stops it after 30 s idle. The tags must be the cases' own whatever wrote them: a tag put
// on and taken off in the panel, cases imported from a file, a case another browser of the
// salesperson recorded and team sync pulled from a real pouchdb-server. A write the worker never
// finished makes the next suggestion read the cases themselves, and the mirror is read again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTags, writeCases } from '@closer/shared';
import type { Page } from 'playwright-core';
import { startCouchServer, type CouchServer } from '../helpers/couch-server.ts';
import { launch, type Session } from './harness.ts';
import { loadBundle, PLAN_PLAYBOOK, wonCase } from './profile-followups-bundle.ts';
import { ask, extensionPage, prepareUser, putCaseOnServer, setUpTeam, teamStatus, waitForStatus } from './sync-helpers.ts';
import { stopWorker } from './stop-worker.ts';
import { bundleWithBaseOf, SHOP_PLAYBOOK } from './test-bundles.ts';

let couch: CouchServer;
let session: Session;
let panel: Page;
let db = '';
const user = 'alice';
const password = 'alice-secret';
// The ladder's smaller step, offered second on a price objection from a customer tagged price-sensitive.
const RUNG = 'tea-offer-sample';

interface Suggested {
  replies: { id: string }[];
}

/** A restarted worker's first suggestion for a price objection in this chat: its replies and where its tags came from. */
async function coldPriceSuggestion(conversationKey: string): Promise<{ replies: string[]; tags: 'mirrored' | 'read' | 'none' }> {
  // The writes after the last answer finish first: Chrome stops a worker only after 30 s idle.
  await panel.waitForTimeout(1500);
  await stopWorker(session, panel);
  const suggestion = await ask<Suggested>(panel, { type: 'suggest', text: '太贵了，能便宜点吗', conversationKey });
  const worker = session.context.serviceWorkers().find((candidate) => candidate.url().includes(session.extensionId))!;
  const marks = await worker.evaluate(() => performance.getEntriesByType('mark').map((mark) => mark.name));
  const tags = marks.includes('closer:tags-mirrored') ? 'mirrored' : marks.includes('closer:tags-read') ? 'read' : 'none';
  return { replies: suggestion.replies.map((reply) => reply.id), tags };
}

beforeAll(async () => {
  couch = await startCouchServer();
  db = await prepareUser(couch.adminUrl, user, password);
  session = await launch({ chatPages: false, cdp: true });
  panel = await extensionPage(session);
  await loadBundle(panel, bundleWithBaseOf(SHOP_PLAYBOOK, PLAN_PLAYBOOK));
}, 120_000);

afterAll(async () => {
  await session?.close();
  await couch?.stop();
});

describe('the mirror of the cases a suggestion reads', () => {
  it('gives a restarted worker the tag put on in the panel, and no longer once it is taken off', async () => {
    await ask(panel, { type: 'suggest', text: '太贵了', conversationKey: 'mirror-chat-1', record: true });
    await ask(panel, { type: 'profile-tag', conversationKey: 'mirror-chat-1', tag: 'price_sensitive', on: true });
    // The first look at the mirror may find it not yet made (this profile's first cases): it is then made after the answer.
    await coldPriceSuggestion('mirror-chat-1');
    const tagged = await coldPriceSuggestion('mirror-chat-1');
    expect(tagged.tags).toBe('mirrored');
    expect(tagged.replies[1]).toBe(RUNG);
    await ask(panel, { type: 'profile-tag', conversationKey: 'mirror-chat-1', tag: 'price_sensitive', on: false });
    const untagged = await coldPriceSuggestion('mirror-chat-1');
    expect(untagged.tags).toBe('mirrored');
    expect(untagged.replies).not.toContain(RUNG);
  });

  it('sees cases imported from a file, and the customer named by a chat’s newest case in another chat of theirs', async () => {
    const old = setTags(wonCase('mirror-chat-2', '王女士', 40), ['price_sensitive'], 'mature', new Date());
    const answer = await ask<{ added: number; problems: string[] }>(panel, { type: 'cases-import', text: writeCases([old]), source: 'cases.jsonl' });
    expect(answer).toMatchObject({ added: 1, problems: [] });
    const imported = await coldPriceSuggestion('mirror-chat-2');
    expect(imported.tags).toBe('mirrored');
    expect(imported.replies[1]).toBe(RUNG);
    // A new chat whose salesperson typed the same customer's name: the customer's tags, not the chat's.
    await ask(panel, { type: 'variables-set', conversationKey: 'mirror-chat-3', values: { customer: '王女士' } });
    const named = await coldPriceSuggestion('mirror-chat-3');
    expect(named.tags).toBe('mirrored');
    expect(named.replies[1]).toBe(RUNG);
    // A chat nobody named has no tags.
    const unnamed = await coldPriceSuggestion('mirror-chat-4');
    expect(unnamed.tags).toBe('mirrored');
    expect(unnamed.replies).not.toContain(RUNG);
  });

  it('after a write the worker never finished, reads the cases themselves, then makes the mirror again', async () => {
    // A write counted as started and never as finished: a worker stopped in the middle of it.
    await session.worker.evaluate(() => new Promise<void>((done, fail) => {
      const open = indexedDB.open('closer');
      open.onsuccess = () => {
        const tx = open.result.transaction('settings', 'readwrite');
        const store = tx.objectStore('settings');
        const read = store.get('case-mirror');
        read.onsuccess = () => store.put({ ...read.result, started: read.result.started + 1 }, 'case-mirror');
        tx.oncomplete = () => {
          open.result.close();
          done();
        };
        tx.onerror = () => fail(tx.error);
      };
    }));
    const after = await coldPriceSuggestion('mirror-chat-2');
    expect(after.tags).toBe('read');
    expect(after.replies[1]).toBe(RUNG);
    const again = await coldPriceSuggestion('mirror-chat-2');
    expect(again.tags).toBe('mirrored');
    expect(again.replies[1]).toBe(RUNG);
  });

  it('sees a tagged case another browser recorded once team sync has pulled it', async () => {
    await setUpTeam(panel, couch.url, user, password);
    await waitForStatus(panel, (status) => status.lastSync !== undefined && !status.running, 'the first sync');
    const elsewhere = setTags(wonCase('mirror-chat-5', '李先生', 30), ['price_sensitive'], 'mature', new Date());
    await putCaseOnServer(couch, db, elsewhere);
    const before = (await teamStatus(panel)).lastSync;
    await ask(panel, { type: 'team-sync-now' });
    await waitForStatus(panel, (status) => status.lastSync !== before && !status.running, 'the pull');
    const pulled = await coldPriceSuggestion('mirror-chat-5');
    expect(pulled.tags).toBe('mirrored');
    expect(pulled.replies[1]).toBe(RUNG);
  });
});
