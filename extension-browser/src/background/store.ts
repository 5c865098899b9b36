import type { Case, DrillResult } from '@closer/shared';
import { openDB, wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';

// The only module that touches IndexedDB. The background worker owns the database; the panel and
// the content script reach it through typed messages (requests.ts, protocol.ts).

export interface StoredBundle {
  /**
   * The bundle as parsed from the JSON imported: IndexedDB keeps it structured, and reading it
   * back is about 5 ms quicker at a worker's restart than reading the text and parsing it again.
   */
  data?: object;
  /** The bundle JSON as imported, as records written before `data` keep it (still read). */
  json?: string;
  hash: string;
  /** 'default', a file name, or the URL it came from. */
  source: string;
  importedAt: number;
}

export interface Conversation {
  key: string;
  values: Record<string, string>;
  /** Customer messages seen in this conversation, oldest first (kept short). */
  messages: { text: string; at: number }[];
  /** Reply ids the salesperson inserted or copied. */
  used: string[];
  updatedAt: number;
}

export interface SiteSelector {
  site: string;
  selector: string;
}

/** A case record (the core's Case) with what recording needs beside it; cases/ owns its use. */
export interface StoredCase {
  id: string;
  conversation: string;
  record: Case;
  /** A digest of the last customer message recorded, so the same message is recorded once. */
  lastMessage?: string;
}

/** What a suggestion reads of a case for the customer's tags (sync/case-mirror.ts keeps these). */
export interface CaseProfile {
  id: string;
  conversation: string;
  customer: string;
  createdAt: string;
  tags: string[];
}

/**
 * The case database's writes counted (`started`, `finished`) and how far the case profiles
 * mirror it: up to PouchDB sequence `seq`, complete when `writes` equals both counts.
 */
export interface CaseMirrorState {
  started: number;
  finished: number;
  writes: number;
  seq: number | string;
}

export interface CloserDB extends DBSchema {
  settings: { key: string; value: unknown };
  caseProfiles: { key: string; value: CaseProfile; indexes: { byConversation: string; byCustomer: string } };
  cases: { key: string; value: StoredCase; indexes: { byConversation: string } };
  bundles: { key: string; value: StoredBundle };
  conversations: { key: string; value: Conversation; indexes: { byUpdated: number } };
  selectors: { key: string; value: SiteSelector };
  drills: { key: string; value: DrillResult };
}

type UpgradeTransaction = IDBPTransaction<CloserDB, StoreNames<CloserDB>[], 'versionchange'>;

/**
 * Migrations, in order: the database version is their count. Each brings a database at the
 * previous version to the next; never edit a released one, add a new one.
 */
export const MIGRATIONS: ((db: IDBPDatabase<CloserDB>, tx: UpgradeTransaction) => void)[] = [
  // 1: settings, bundles, conversations (per-conversation variables), per-site selectors.
  (db) => {
    db.createObjectStore('settings');
    db.createObjectStore('bundles');
    db.createObjectStore('conversations', { keyPath: 'key' });
    db.createObjectStore('selectors', { keyPath: 'site' });
  },
  // 2: conversations by last update, so the oldest can be dropped when there are too many.
  (_db, tx) => {
    tx.objectStore('conversations').createIndex('byUpdated', 'updatedAt');
  },
  // 3: win/loss cases (background/cases.ts), found by conversation for recording.
  (db) => {
    db.createObjectStore('cases', { keyPath: 'id' }).createIndex('byConversation', 'conversation');
  },
  // 4: practice drill results (background/drills.ts), kept beside the cases.
  (db) => {
    db.createObjectStore('drills', { keyPath: 'id' });
  },
  // 5: what a suggestion reads of each case for the customer's tags, mirrored from the case database (sync/case-mirror.ts).
  (db) => {
    const store = db.createObjectStore('caseProfiles', { keyPath: 'id' });
    store.createIndex('byConversation', 'conversation');
    store.createIndex('byCustomer', 'customer');
  },
];

export const DB_NAME = 'closer';
export const DB_VERSION = MIGRATIONS.length;
/** How many conversations are remembered; older ones are forgotten first. */
export const MAX_CONVERSATIONS = 500;
const MAX_MESSAGES = 20;

let opening: Promise<IDBPDatabase<CloserDB>> | undefined;

// Another context upgrading or deleting the database must not wait on this connection: close it,
// and the next call opens the database again (migrating it if it is older).
function blocking(): void {
  void opening?.then((db) => db.close());
  opening = undefined;
}

function terminated(): void {
  opening = undefined;
}

export function database(): Promise<IDBPDatabase<CloserDB>> {
  opening ??= takeEarlyConnection() ?? openDB<CloserDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let version = oldVersion; version < DB_VERSION; version++) MIGRATIONS[version]!(db, tx);
    },
    blocking,
    terminated,
  });
  return opening;
}

export async function getSetting<T>(key: string): Promise<T | undefined> {
  return (await (await database()).get('settings', key)) as T | undefined;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await (await database()).put('settings', value, key);
}

export async function getBundle(): Promise<StoredBundle | undefined> {
  return (await database()).get('bundles', 'current');
}

export async function putBundle(bundle: StoredBundle): Promise<void> {
  dropEarlyRead();
  await (await database()).put('bundles', bundle, 'current');
}

export async function deleteBundle(): Promise<void> {
  dropEarlyRead();
  await (await database()).delete('bundles', 'current');
}

interface BundleRecords {
  current?: StoredBundle;
  defaultCopy?: StoredBundle;
}

interface EarlyRead {
  /** The records, until getBundles takes them or a write to the bundles store drops them. */
  records?: Promise<BundleRecords>;
  /** The connection the read was made on, until database() takes it or another context's upgrade closes it. */
  connection?: IDBDatabase;
  /** Settles once the read is with the database (or has failed). */
  asked: Promise<void>;
}

// The worker's first script (start.ts) and the rest of it (worker.ts) each hold a copy of this
// module: the read one asks for and the other takes lives on the global object.
const scripts = globalThis as { closerEarlyRead?: EarlyRead };

/**
 * Asks for the bundle records as the worker's first script runs (start.ts): IndexedDB opens the
 * database and reads them while the rest of the worker is loaded, and the next getBundles takes
 * that read. Plain IndexedDB, in the one request readBundles makes, so the first script stays
 * small; a database to create or migrate is left to database(), which knows how.
 */
export function readBundlesEarly(): void {
  let asked!: () => void;
  const early: EarlyRead = { asked: new Promise<void>((resolve) => (asked = resolve)) };
  early.records = new Promise<BundleRecords>((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, DB_VERSION);
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => {
      asked();
      reject(open.error ?? new Error('the database did not open'));
    };
    // Another context holds the database at an older version: the first request must not wait on
    // it, so the read gives up here and getBundles reads afresh.
    open.onblocked = () => {
      asked();
      reject(new Error('the database is held by another context'));
    };
    open.onsuccess = () => {
      // The cold-start bench reads this mark (test/bench/cold-start-browser.ts).
      performance.mark('closer:database-open');
      const db = open.result;
      // Kept for the worker's code, whose first reads (the conversation, the settings) then need
      // no open of their own, unless another context needs the database changed first.
      early.connection = db;
      db.onversionchange = db.onclose = () => {
        db.close();
        if (early.connection === db) early.connection = undefined;
      };
      try {
        const request = db.transaction('bundles').objectStore('bundles').openCursor(IDBKeyRange.bound('current', 'default-copy'));
        request.onsuccess = () => resolve(recordsAt(request.result?.key, request.result?.value as StoredBundle | undefined));
        request.onerror = () => reject(request.error ?? new Error('the bundles were not read'));
      } catch (error) {
        reject(error);
      } finally {
        asked();
      }
    };
  });
  early.records.catch(() => {});
  scripts.closerEarlyRead = early;
}

/** Settles once the early read is with the database: the worker's code is loaded after (start.ts). */
export function earlyReadAsked(): Promise<void> {
  return scripts.closerEarlyRead?.asked ?? Promise.resolve();
}

/** The early read's connection, wrapped as database() opens one, or undefined when there is none. */
function takeEarlyConnection(): Promise<IDBPDatabase<CloserDB>> | undefined {
  const early = scripts.closerEarlyRead;
  const db = early?.connection;
  if (!early || !db) return undefined;
  early.connection = undefined;
  db.onversionchange = db.onclose = null;
  db.addEventListener('versionchange', blocking);
  db.addEventListener('close', terminated);
  return Promise.resolve(wrap(db) as IDBPDatabase<CloserDB>);
}

function dropEarlyRead(): void {
  if (scripts.closerEarlyRead) scripts.closerEarlyRead.records = undefined;
}

/** The bundle records (readBundles), from the read made at the start when there is one. */
export function getBundles(): Promise<BundleRecords> {
  const read = scripts.closerEarlyRead?.records;
  dropEarlyRead();
  return read ? read.catch(() => readBundles()) : readBundles();
}

function recordsAt(key: IDBValidKey | undefined, value: StoredBundle | undefined): BundleRecords {
  if (value === undefined) return {};
  return key === 'current' ? { current: value } : { defaultCopy: value };
}

/**
 * The imported bundle, else the worker's copy of the default one, in one request: a restarted
 * worker needs one of them before its first answer. The copy is only read when there is no
 * import (reading a record of megabytes costs about 15 ms). Its `hash` names the default bundle it
 * was made from, so one an older build left is told apart.
 */
async function readBundles(): Promise<BundleRecords> {
  // The store's only keys sort 'current' < 'default-copy', so a cursor over the two stops at the
  // import when there is one and at the copy otherwise: one round trip instead of two.
  const cursor = await (await database()).transaction('bundles').store.openCursor(IDBKeyRange.bound('current', 'default-copy'));
  // Not waiting for the transaction's end: a read is done when its request succeeds, and the
  // end comes a round trip later (seen 5–100 ms later on a busy machine).
  return recordsAt(cursor?.key, cursor?.value);
}

export async function putDefaultCopy(bundle: StoredBundle): Promise<void> {
  dropEarlyRead();
  await (await database()).put('bundles', bundle, 'default-copy');
}

export async function deleteDefaultCopy(): Promise<void> {
  dropEarlyRead();
  await (await database()).delete('bundles', 'default-copy');
}

function emptyConversation(key: string): Conversation {
  return { key, values: {}, messages: [], used: [], updatedAt: Date.now() };
}

export async function getConversation(key: string): Promise<Conversation> {
  return (await (await database()).get('conversations', key)) ?? emptyConversation(key);
}

/** Reads, changes and writes one conversation in a single transaction, then trims old ones. */
export async function updateConversation(key: string, change: (conversation: Conversation) => void): Promise<Conversation> {
  const db = await database();
  const tx = db.transaction('conversations', 'readwrite');
  const conversation = (await tx.store.get(key)) ?? emptyConversation(key);
  change(conversation);
  conversation.messages = conversation.messages.slice(-MAX_MESSAGES);
  conversation.updatedAt = Date.now();
  await tx.store.put(conversation);
  const count = await tx.store.count();
  if (count > MAX_CONVERSATIONS) {
    let cursor = await tx.store.index('byUpdated').openCursor();
    for (let extra = count - MAX_CONVERSATIONS; cursor && extra > 0; extra--) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
  }
  await tx.done;
  return conversation;
}

export async function listSelectors(): Promise<SiteSelector[]> {
  return (await database()).getAll('selectors');
}

export async function getSelector(site: string): Promise<string | undefined> {
  return (await (await database()).get('selectors', site))?.selector;
}

export async function putSelector(site: string, selector: string): Promise<void> {
  await (await database()).put('selectors', { site, selector });
}

export async function deleteSelector(site: string): Promise<void> {
  await (await database()).delete('selectors', site);
}

const MIRROR_STATE = 'case-mirror';
const NO_WRITES: CaseMirrorState = { started: 0, finished: 0, writes: -1, seq: 0 };

export async function getCaseMirrorState(): Promise<CaseMirrorState> {
  return ((await (await database()).get('settings', MIRROR_STATE)) as CaseMirrorState | undefined) ?? NO_WRITES;
}

/** Changes the mirror's state in one transaction, so two changes at once never lose one; returns the state written. */
export async function changeCaseMirrorState(change: (state: CaseMirrorState) => CaseMirrorState): Promise<CaseMirrorState> {
  const tx = (await database()).transaction('settings', 'readwrite');
  const state = change({ ...(((await tx.store.get(MIRROR_STATE)) as CaseMirrorState | undefined) ?? NO_WRITES) });
  await tx.store.put(state, MIRROR_STATE);
  await tx.done;
  return state;
}

/**
 * Writes these profiles and removes those ids (`clear` empties the store first) and changes the
 * mirror's state, in one transaction: the state never says more than the profiles hold.
 */
export async function putCaseProfiles(put: readonly CaseProfile[], remove: readonly string[], clear: boolean, change: (state: CaseMirrorState) => CaseMirrorState): Promise<CaseMirrorState> {
  const tx = (await database()).transaction(['caseProfiles', 'settings'], 'readwrite');
  const profiles = tx.objectStore('caseProfiles');
  if (clear) void profiles.clear();
  for (const profile of put) void profiles.put(profile);
  for (const id of remove) void profiles.delete(id);
  const settings = tx.objectStore('settings');
  const state = change({ ...(((await settings.get(MIRROR_STATE)) as CaseMirrorState | undefined) ?? NO_WRITES) });
  void settings.put(state, MIRROR_STATE);
  await tx.done;
  return state;
}

export async function caseProfilesOf(index: 'byConversation' | 'byCustomer', key: string): Promise<CaseProfile[]> {
  return (await database()).getAllFromIndex('caseProfiles', index, key);
}
