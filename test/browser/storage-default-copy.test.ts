// The worker's copy of the default bundle in IndexedDB (issue 12, the cold start): reading the
// shipped file costs a restarted worker about 45 ms more than reading the same text from
// IndexedDB, so the worker copies it there after its first answers and reads the copy on later
// starts. Checked here in real Chromium: the copy is written, named by the default's hash, and a
// restart answers from it; a copy damaged on disk is caught by the idle check, dropped, and the
// worker answers from the file again (and copies it afresh); a copy that is not JSON, or of
// another bundle, is passed over at once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionDir, launch, waitFor, type Session } from './harness.ts';
import { stopWorker } from './stop-worker.ts';

const DAMAGED = '这句话来自损坏的副本';
let session: Session;
let page: Page;
let defaultHash: string;

beforeAll(async () => {
  session = await launch({ cdp: true, chatPages: false });
  defaultHash = (JSON.parse(readFileSync(join(extensionDir, 'bundles/default.json'), 'utf8')) as { hash: string }).hash;
  page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/panel.html`);
  await page.waitForLoadState('load');
});

afterAll(async () => {
  await session?.close();
});

/** The replies the worker suggests for a message (a new conversation each time). */
let asked = 0;
async function suggested(text = '太贵了，能不能便宜点'): Promise<{ id: string; text: string }[]> {
  const answer = (await page.evaluate(
    async (request) => chrome.runtime.sendMessage(request),
    { type: 'suggest', text, conversationKey: `copy-test-${++asked}` },
  )) as { ok: boolean; error?: string; result?: { replies: { id: string; text: string }[] } };
  if (!answer.ok) throw new Error(answer.error);
  return answer.result!.replies;
}

const replies = async (): Promise<string[]> => (await suggested()).map((reply) => reply.text);

/** The worker's copy as the extension's IndexedDB holds it (the panel page shares the worker's origin). */
function readCopy(): Promise<{ data?: object; json?: string; hash: string } | undefined> {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('closer');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('bundles').objectStore('bundles').get('default-copy');
      get.onsuccess = () => {
        open.result.close();
        resolve(get.result as { data?: object; json?: string; hash: string } | undefined);
      };
      get.onerror = () => reject(get.error);
    };
  }));
}

/** Writes a copy as the worker keeps it now (structured, `data`) or as earlier builds did (the text, `json`). */
function writeCopy(json: string, hash: string, form: 'data' | 'json' = 'data'): Promise<void> {
  return page.evaluate(({ json, hash, form }) => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('closer');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('bundles', 'readwrite');
      tx.objectStore('bundles').put({ ...(form === 'data' ? { data: JSON.parse(json) } : { json }), hash, source: 'default', importedAt: 0 }, 'default-copy');
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  }), { json, hash, form });
}

describe('the worker’s copy of the default bundle', () => {
  let shipped: string[];
  let shippedIds: string[];
  let copy: { data?: object; json?: string; hash: string };

  it('is written after the first answers, named by the default bundle’s hash, and a restart answers from it the same', async () => {
    const first = await suggested();
    shipped = first.map((reply) => reply.text);
    shippedIds = first.map((reply) => reply.id);
    expect(shipped.length).toBeGreaterThan(0);
    copy = await waitFor(readCopy, 'the copy of the default bundle');
    expect(copy.hash).toBe(defaultHash);
    // Kept structured (quicker to read back than text to parse), as the file parses.
    expect(copy.json).toBeUndefined();
    expect(copy.data).toEqual(JSON.parse(readFileSync(join(extensionDir, 'bundles/default.json'), 'utf8')));
    await stopWorker(session, page);
    expect(await replies()).toEqual(shipped);
  });

  /** The default bundle with its first suggested reply's text changed (in Chinese, the message's language), the hash left as it was. */
  function damagedJson(hash = defaultHash): string {
    const damaged = structuredClone(copy.data) as { hash: string; playbooks: { playbook: { objections?: { replies: { id: string; text: string }[] }[] } }[] };
    const first = damaged.playbooks.flatMap(({ playbook }) => (playbook.objections ?? []).flatMap((objection) => objection.replies)).find((reply) => reply.id === shippedIds[0]);
    first!.text = DAMAGED;
    damaged.hash = hash;
    return JSON.stringify(damaged);
  }

  it('damaged on disk: the restart reads it, the idle check catches it, and the worker answers from the file and copies it again', async () => {
    // Only the full check (schema and hash) tells this from the real copy.
    await writeCopy(damagedJson(), defaultHash);
    await stopWorker(session, page);
    // The restart opened the copy, as it opens a stored import: its first answers come from it.
    expect(await replies()).toContain(DAMAGED);
    // The check runs 2 s into the worker's life; then the file is read again and copied afresh.
    await waitFor(async () => !(await replies()).includes(DAMAGED), 'answers from the file again', 20_000);
    expect(await replies()).toEqual(shipped);
    await waitFor(async () => JSON.stringify((await readCopy())?.data) === JSON.stringify(copy.data), 'the copy written again from the file', 20_000);
  });

  for (const [what, json, hash, form] of [
    ['a copy that is not JSON (kept as text, as earlier builds kept it)', () => '{"format":"closer-bundle", cut', () => defaultHash, 'json'],
    ['a copy of another bundle under the default’s name', () => damagedJson('sha256:' + '1'.repeat(64)), () => defaultHash, 'data'],
    ['a copy an older build left (another hash, kept as text)', () => damagedJson('sha256:' + '0'.repeat(64)), () => 'sha256:' + '0'.repeat(64), 'json'],
  ] as const) {
    it(`${what} is passed over at once: the worker answers from the file`, async () => {
      await writeCopy(json(), hash(), form);
      await stopWorker(session, page);
      expect(await replies()).toEqual(shipped);
    });
  }
});
