// The worker's index of cases (conversation → cases, customer → cases) in real Chromium: a chat's
// profile finds every case of its customer, in other chats too; the index is saved in a _local
// document a few seconds after a start, and a worker restarted later reads that copy and the
// changes made since instead of every case; a saved copy that is damaged or of another version
// is built again, and recording goes on.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCases, type Case } from '@closer/shared';
import { launch, type Session } from './harness.ts';
import { stopWorker } from './stop-worker.ts';
import { ask, extensionPage } from './sync-helpers.ts';

let session: Session;
let page: Page;
// The index is saved three seconds after a start: wait a little longer.
const SAVED_AFTER_MS = 4_000;
const INDEX_DOC = '_local/closer-case-index';

function wangCase(n: number, conversation: string, tags: string[]): Case {
  const at = new Date(Date.parse('2026-11-01T09:00:00.000Z') + n * 60_000).toISOString();
  return {
    version: 2, id: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`, conversation, salesperson: '', customer: '王姐',
    outcome: 'open', notes: '', tags, followups: [], timeline: [], createdAt: at, updatedAt: at,
  };
}

async function tagsShown(conversation: string): Promise<string[]> {
  const profile = await ask<{ tags: { id: string }[] }>(page, { type: 'profile-get', conversationKey: conversation });
  return profile.tags.map((tag) => tag.id).sort();
}

/** The saved copy of the index, read from PouchDB's own IndexedDB store of _local documents. */
function savedIndex(): Promise<{ entries: [string, string, string][]; version: number } | undefined> {
  return page.evaluate((id) => new Promise((resolve, reject) => {
    const open = indexedDB.open('_pouch_closer-cases');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const read = open.result.transaction('local-store').objectStore('local-store').get(id);
      read.onsuccess = () => resolve(read.result);
      read.onerror = () => reject(read.error);
    };
  }), INDEX_DOC) as Promise<{ entries: [string, string, string][]; version: number } | undefined>;
}

/**
 * Changes the saved copy in place, as a copy out of step or of another version would be (done in
 * the page: an extension page may not eval code, so the change is named, not passed as a function).
 */
function changeSavedIndex(change: 'case 2 is 李哥\'s' | 'another version' | 'damaged'): Promise<void> {
  return page.evaluate(([id, what]) => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('_pouch_closer-cases');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const store = open.result.transaction('local-store', 'readwrite').objectStore('local-store');
      const read = store.get(id);
      read.onsuccess = () => {
        const saved = read.result as { version: number; entries: unknown[] };
        if (what === 'another version') saved.version = 99;
        else if (what === 'damaged') saved.entries = [null, ['only an id']];
        else for (const entry of saved.entries as [string, string, string][]) if (entry[0].endsWith('2')) entry[2] = '李哥';
        const write = store.put(saved);
        write.onsuccess = () => resolve();
        write.onerror = () => reject(write.error);
      };
      read.onerror = () => reject(read.error);
    };
  }), [INDEX_DOC, change] as const);
}

beforeAll(async () => {
  session = await launch({ chatPages: false, cdp: true });
  page = await extensionPage(session);
  const imported = await ask<{ added: number }>(page, {
    type: 'cases-import', source: 'wang.jsonl',
    text: writeCases([wangCase(1, 'shop.example/chat-a', ['means_little']), wangCase(2, 'shop.example/chat-b', ['referral_customer'])]),
  });
  expect(imported.added).toBe(2);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

describe('the index of cases', () => {
  it('finds every case of the chat\'s customer, in other chats too', async () => {
    expect(await tagsShown('shop.example/chat-a')).toEqual(['means_little', 'referral_customer']);
  });

  it('is saved, and a restarted worker reads it with the changes made since', async () => {
    await new Promise((wait) => setTimeout(wait, SAVED_AFTER_MS));
    const saved = await savedIndex();
    expect(saved?.entries.map(([id, conversation, customer]) => `${id.slice(-1)} ${conversation} ${customer}`).sort()).toEqual(['1 shop.example/chat-a 王姐', '2 shop.example/chat-b 王姐']);
    // A case recorded after the save, then a restart before the worker could save again.
    await ask(page, { type: 'cases-import', source: 'more.jsonl', text: writeCases([wangCase(3, 'shop.example/chat-c', ['hot_lead'])]) });
    await stopWorker(session, page);
    expect(await tagsShown('shop.example/chat-a')).toEqual(['hot_lead', 'means_little', 'referral_customer']);
  });

  it('is taken from the saved copy, not from every case (a copy that says otherwise is believed)', async () => {
    await new Promise((wait) => setTimeout(wait, SAVED_AFTER_MS));
    // The copy is told that case 2 belongs to someone else; with nothing changed since, a restarted
    // worker believes it, which shows the copy is what it reads.
    await changeSavedIndex('case 2 is 李哥\'s');
    await stopWorker(session, page);
    expect(await tagsShown('shop.example/chat-a')).toEqual(['hot_lead', 'means_little']);
  });

  it('is built again from every case when the saved copy is damaged, and recording goes on', async () => {
    await new Promise((wait) => setTimeout(wait, SAVED_AFTER_MS));
    await changeSavedIndex('damaged');
    await stopWorker(session, page);
    expect(await tagsShown('shop.example/chat-a')).toEqual(['hot_lead', 'means_little', 'referral_customer']);
    await ask(page, { type: 'suggest', conversationKey: 'shop.example/chat-a', text: '太贵了', record: true });
    const { cases } = await ask<{ cases: Case[] }>(page, { type: 'cases-list' });
    expect(cases.find((record) => record.conversation === 'shop.example/chat-a')?.timeline.some((event) => event.type === 'message')).toBe(true);
  });

  it('is built again from every case when the saved copy is of another version', async () => {
    await changeSavedIndex('another version');
    await stopWorker(session, page);
    expect(await tagsShown('shop.example/chat-a')).toEqual(['hot_lead', 'means_little', 'referral_customer']);
  });
});
