// Cases move from the worker's old IndexedDB store into PouchDB without losing anything: a
// profile left by the extension before team sync (three cases in the "closer" database's "cases"
// store, one of them version 1 with every kind of event, and no mark of the move) opens with the
// same cases, upgraded the way every case reader upgrades them, listed and exported as before.
// A move interrupted after the copy but before it was marked done copies again on the next
// start: no case twice, and a change made in the new store since is not overwritten by the
// old copy. The old store is left as it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeCases, readCases, type Case } from '@closer/shared';
import { launch, type Session } from './harness.ts';
import { ask, extensionPage } from './sync-helpers.ts';

const profileDir = mkdtempSync(join(tmpdir(), 'closer-sync-store-'));
let session: Session | undefined;

afterAll(async () => {
  await session?.close();
  rmSync(profileDir, { recursive: true, force: true });
});

const at = (minute: number) => `2026-11-20T09:${String(minute).padStart(2, '0')}:00.000Z`;

/** Cases as the extension before team sync stored them: version 1, no tags or follow-ups. */
const OLD_CASES = [
  {
    version: 1, id: '0b6f3c1e-8b7d-4c2a-9e1f-0a1b2c3d4e01', conversation: 'shop.example/chat-1', salesperson: 'alice', customer: '陈先生',
    product: 'pro', amount: 1299, outcome: 'won', notes: '两家店', createdAt: at(0), updatedAt: at(9), closedAt: at(9),
    timeline: [
      { type: 'message', at: at(1), intent: 'price' },
      { type: 'step', at: at(1), step: 'consider' },
      { type: 'suggested', at: at(1), replies: ['price-value', 'price-split'] },
      { type: 'sent', at: at(2), reply: 'price-value', message: 'call me on [PHONE_1]', replaced: { PHONE: 1 } },
      { type: 'inserted', at: at(2), reply: 'price-value', adapted: { backend: 'openai-compatible', hosted: true } },
    ],
  },
  {
    version: 1, id: '0b6f3c1e-8b7d-4c2a-9e1f-0a1b2c3d4e02', conversation: 'shop.example/chat-2', salesperson: 'alice', customer: 'Ms Li',
    outcome: 'lost', lossReason: 'rival', notes: '', createdAt: at(10), updatedAt: at(12), closedAt: at(12),
    timeline: [{ type: 'message', at: at(11), intent: 'comparison' }],
  },
  {
    version: 1, id: '0b6f3c1e-8b7d-4c2a-9e1f-0a1b2c3d4e03', conversation: 'shop.example/chat-3', salesperson: '', customer: '',
    outcome: 'open', notes: 'still talking', createdAt: at(20), updatedAt: at(20), timeline: [],
  },
];

/** The upgraded form every reader of version 1 gives (tags and follow-ups empty). */
const upgraded = (record: (typeof OLD_CASES)[number]) => ({ ...record, version: 2, tags: [], followups: [] });

function byId(cases: Case[]): Case[] {
  return [...cases].sort((a, b) => a.id.localeCompare(b.id));
}

describe('the case store in PouchDB', () => {
  it('moves the old store\'s cases in, each once, and lists and exports them as before', async () => {
    session = await launch({ profileDir, chatPages: false });
    // The worker opens its databases at start (follow-up reminders read the cases), so the old
    // state is made inside the current database: three cases put in the old "cases" store and the
    // mark of the finished move taken away, then the browser started again on that profile.
    await ask(await extensionPage(session), { type: 'cases-list' });
    await session.worker.evaluate(
      (cases) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('closer');
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction(['cases', 'settings'], 'readwrite');
            for (const record of cases) tx.objectStore('cases').put({ id: record.id, conversation: record.conversation, record, lastMessage: 'abc123' });
            tx.objectStore('settings').delete('casesInPouchDB');
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          request.onerror = () => reject(request.error);
        }),
      OLD_CASES,
    );
    await session.close();
    session = await launch({ profileDir, chatPages: false });
    const page = await extensionPage(session);
    const listed = await ask<{ cases: Case[] }>(page, { type: 'cases-list' });
    expect(byId(listed.cases)).toEqual(OLD_CASES.map(upgraded));
    const exported = await ask<{ text: string; count: number }>(page, { type: 'cases-export', keepNames: true });
    const read = readCases(exported.text, 'export.jsonl');
    expect(read.problems).toEqual([]);
    expect(exported.count).toBe(3);
    // The export fills in the salesperson of the case recorded before a name was typed, as before.
    expect(byId(read.cases).map((record) => record.salesperson)).toEqual(['alice', 'alice', '']);
    // The export writes each timeline in the core's order (time, then kind), as it always has.
    expect(byId(read.cases)[0]).toEqual(mergeCases([upgraded(OLD_CASES[0]!) as Case])[0]);
  });

  it('copies again after a move cut short, without a case twice or a newer change overwritten', async () => {
    const page = await extensionPage(session!);
    // A change made in the new store after the move…
    await ask(page, { type: 'case-update', id: OLD_CASES[1]!.id, change: { notes: 'changed after the move' } });
    // …then the mark of the finished move taken away, as if the worker had been stopped before writing it.
    await session!.worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('closer');
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction('settings', 'readwrite');
            tx.objectStore('settings').delete('casesInPouchDB');
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          request.onerror = () => reject(request.error);
        }),
    );
    await session!.close();
    session = await launch({ profileDir, chatPages: false });
    const again = await extensionPage(session);
    const listed = byId((await ask<{ cases: Case[] }>(again, { type: 'cases-list' })).cases);
    expect(listed.map((record) => record.id)).toEqual(OLD_CASES.map((record) => record.id));
    expect(listed[1]!.notes).toBe('changed after the move');
    // The copies merged the core's way: the same cases, each timeline in the core's order.
    expect(listed[0]).toEqual(mergeCases([upgraded(OLD_CASES[0]!) as Case])[0]);
    expect(listed[2]).toEqual(upgraded(OLD_CASES[2]!));
    // The move is marked done again, and the old store still holds its three cases untouched.
    const old = await session.worker.evaluate(
      () =>
        new Promise<{ marked: unknown; cases: number }>((resolve, reject) => {
          const request = indexedDB.open('closer');
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction(['settings', 'cases']);
            const marked = tx.objectStore('settings').get('casesInPouchDB');
            const cases = tx.objectStore('cases').count();
            tx.oncomplete = () => {
              resolve({ marked: marked.result, cases: cases.result });
              db.close();
            };
          };
          request.onerror = () => reject(request.error);
        }),
    );
    expect(old).toEqual({ marked: true, cases: 3 });
  });
});
