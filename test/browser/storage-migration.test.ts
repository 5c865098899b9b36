// The IndexedDB schema is versioned: a database left by the first version of the extension is
// migrated in place when the worker opens it, and what it held is still there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_VERSION } from '../../extension-browser/src/background/store.ts';
import { launch, type Session } from './harness.ts';
import { stopWorker } from './stop-worker.ts';

let session: Session;

beforeAll(async () => {
  session = await launch({ chatPages: false, cdp: true });
});

afterAll(async () => {
  await session?.close();
});

/** Replaces the database with one exactly as version 1 of store.ts made it, holding one conversation. */
function createVersion1(): Promise<boolean> {
  // The worker opened the database at install (reminders are counted then) and may open it again
  // at any moment: delete it (the worker closes its connection when asked) and create it exactly as
  // version 1 of store.ts did, again if the worker opened it at the current version in between.
  return session.worker.evaluate(async () => {
    const once = () =>
      new Promise<boolean>((resolve, reject) => {
        const deleted = indexedDB.deleteDatabase('closer');
        deleted.onerror = () => reject(deleted.error);
        deleted.onblocked = () => reject(new Error('deleting the database was blocked by an open connection'));
        deleted.onsuccess = () => {
          const request = indexedDB.open('closer', 1);
          request.onupgradeneeded = () => {
            const db = request.result;
            db.createObjectStore('settings');
            db.createObjectStore('bundles');
            db.createObjectStore('conversations', { keyPath: 'key' });
            db.createObjectStore('selectors', { keyPath: 'site' });
          };
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction('conversations', 'readwrite');
            tx.objectStore('conversations').put({ key: 'shop/chat-7', values: { customer: '陈先生' }, messages: [], used: [], updatedAt: 1 });
            tx.oncomplete = () => {
              db.close();
              resolve(true);
            };
            tx.onerror = () => reject(tx.error);
          };
          // The worker opened it at the current version first: try again.
          request.onerror = () => (request.error?.name === 'VersionError' ? resolve(false) : reject(request.error));
          request.onblocked = () => reject(new Error('opening version 1 was blocked by another connection'));
        };
      });
    for (let attempt = 0; attempt < 20; attempt++) {
      if (await once()) return true;
      await new Promise((wait) => setTimeout(wait, 100));
    }
    return false;
  });
}

describe('storage migrations', () => {
  it('brings a version 1 database to the current version and keeps its conversations', async () => {
    const created = await createVersion1();
    expect(created).toBe(true);
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/panel.html?tabId=-1`);
    const answer = await page.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'variables-get', conversationKey: 'shop/chat-7' }),
    );
    expect(answer).toMatchObject({ ok: true, result: { fields: expect.arrayContaining([expect.objectContaining({ name: 'customer', value: '陈先生' })]) } });
    const after = await session.worker.evaluate(
      () =>
        new Promise<{ version: number; indexes: string[] }>((resolve, reject) => {
          const request = indexedDB.open('closer');
          request.onblocked = () => reject(new Error('reading the migrated database was blocked'));
          request.onsuccess = () => {
            const db = request.result;
            const indexes = [...db.transaction('conversations').objectStore('conversations').indexNames];
            resolve({ version: db.version, indexes });
            db.close();
          };
          request.onerror = () => reject(request.error);
        }),
    );
    // Every later migration ran too: the database is at the version the built extension declares.
    expect(after.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
    expect(after.indexes).toContain('byUpdated');
  });

  it('a worker restarted on a version 1 database migrates it and answers: its early read gives way', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/panel.html?tabId=-1`);
    // The panel's own first requests are answered first: one sent later would open the database
    // (migrating it) or start the stopped worker again.
    await page.waitForTimeout(2000);
    expect(await createVersion1()).toBe(true);
    // The restarted worker's first script asks for the bundle at the current version, meets a
    // migration to make and leaves it to the worker's code, which makes it before answering.
    await stopWorker(session, page);
    const answer = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'suggest', text: '太贵了', conversationKey: 'shop/chat-7' }))) as { ok: boolean; result?: { replies: unknown[] } };
    expect(answer.ok).toBe(true);
    expect(answer.result!.replies.length).toBeGreaterThan(0);
    const variables = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'variables-get', conversationKey: 'shop/chat-7' }));
    expect(variables).toMatchObject({ ok: true, result: { fields: expect.arrayContaining([expect.objectContaining({ name: 'customer', value: '陈先生' })]) } });
    // Migrated by the worker's code, every step of it: not opened at the current version as it was.
    const after = await page.evaluate(
      () =>
        new Promise<{ version: number; stores: string[]; indexes: string[] }>((resolve, reject) => {
          const request = indexedDB.open('closer');
          request.onsuccess = () => {
            const db = request.result;
            resolve({ version: db.version, stores: [...db.objectStoreNames], indexes: [...db.transaction('conversations').objectStore('conversations').indexNames] });
            db.close();
          };
          request.onerror = () => reject(request.error);
        }),
    );
    expect(after).toMatchObject({ version: DB_VERSION, stores: expect.arrayContaining(['cases', 'drills']), indexes: ['byUpdated'] });
    await page.close();
  });
});
