import browser from 'webextension-polyfill';
import { preparePinyin } from '@closer/shared';
import type { BundleInfo } from '../requests.ts';
import { BundleError, loadEngine, type Engine } from './engine.ts';
import { deleteBundle, deleteDefaultCopy, getBundles, putBundle, putDefaultCopy, type StoredBundle } from './store.ts';

// The bundle in use: the one the user imported (kept in IndexedDB), else the default one built
// into the extension. An import is checked completely before it replaces anything, so a bad
// bundle is refused with its reason and the bundle in use stays.

const DEFAULT_URL = 'bundles/default.json';
/** A bundle of 10,000 replies is about 5 MB; anything far larger is not a playbook bundle. */
export const MAX_BUNDLE_BYTES = 30 * 1024 * 1024;

interface Loaded {
  engine: Engine;
  stored: StoredBundle;
}

let current: Promise<Loaded> | undefined;
/** Whether a bundle has been opened in this worker's life (a restarted worker's first requests wait for one). */
let opened = false;

// Marks on the worker's performance timeline, which the cold-start bench reads (test/bench/cold-start-browser.ts).
const READ_MARK = 'closer:bundle-read';
const OPENED_MARK = 'closer:bundle-opened';

declare const __CLOSER_DEFAULT_BUNDLE_HASH__: string | undefined;
/** The hash of the default bundle this worker was built with (scripts/build.js says it). */
const DEFAULT_HASH = typeof __CLOSER_DEFAULT_BUNDLE_HASH__ === 'string' ? __CLOSER_DEFAULT_BUNDLE_HASH__ : undefined;

// Reading the 2 MB default bundle from the extension's files (fetch, then decoding its UTF-8)
// took about 45 ms more of every restart than reading the same text from IndexedDB, so the worker
// keeps a copy there, written once after its first answers, and known by the default's hash.
const COPY_DELAY_MS = 1_000;

async function loadDefault(copy?: StoredBundle): Promise<Loaded> {
  const stored: StoredBundle = { hash: '', source: 'default', importedAt: 0 };
  if (copy && DEFAULT_HASH !== undefined && copy.hash === DEFAULT_HASH) {
    try {
      const loaded = open({ ...stored, data: copy.data, json: copy.json });
      if (loaded.engine.hash !== DEFAULT_HASH) throw new Error('it is another bundle');
      // A disk can damage the copy too: checked like a stored import, and fetched again if bad.
      verifyWhenIdle(loaded, () => deleteDefaultCopy());
      return loaded;
    } catch (error) {
      console.warn(`closer: the copy of the default bundle does not load (${(error as Error).message}); reading the file`);
    }
  }
  const json = await (await fetch(browser.runtime.getURL(DEFAULT_URL))).text();
  // Shipped inside the extension, built and checked by the same build: opened, not re-checked.
  const loaded = open({ ...stored, json });
  if (DEFAULT_HASH !== undefined && loaded.engine.hash === DEFAULT_HASH) {
    const hash = DEFAULT_HASH;
    // Parsed afresh: the engine's bundle holds what opening it built, which is not the file.
    setTimeout(() => void putDefaultCopy({ ...stored, data: JSON.parse(json) as object, hash }).catch((error: unknown) => console.warn('closer: the default bundle was not copied', error)), COPY_DELAY_MS);
  }
  return loaded;
}

/** Opens a bundle checked before (at import, or by the build), marking the timeline. */
function open(stored: StoredBundle): Loaded {
  performance.mark(READ_MARK);
  const engine = loadEngine(stored.data ?? stored.json ?? '', { trusted: true });
  performance.mark(OPENED_MARK);
  return { engine, stored };
}

async function loadCurrent(): Promise<Loaded> {
  const { current: stored, defaultCopy } = await getBundles();
  if (stored) {
    try {
      const loaded = open(stored);
      verifyWhenIdle(loaded);
      return loaded;
    } catch (error) {
      // Only reachable if a newer extension stops reading an older stored bundle.
      console.warn(`closer: the stored bundle no longer loads (${(error as Error).message}); using the default`);
    }
  }
  return loadDefault(defaultCopy);
}

// The stored bundle was checked completely at import, so a restart only opens it: its schema and
// hash (a second at 100,000 replies) would stand between the salesperson and the first suggestion.
// They are checked once per worker life after the first answers, still: an extension update may
// read an older stored bundle differently, and a disk can damage what it keeps.
const VERIFY_DELAY_MS = 2_000;

/** `forget` drops what failed (the default's copy) before the default is read again from its file. */
function verifyWhenIdle(loaded: Loaded, forget?: () => Promise<void>): void {
  setTimeout(() => {
    try {
      loaded.engine.verify();
    } catch (error) {
      console.warn(`closer: the stored bundle no longer loads (${(error as Error).message}); using the default`);
      const fallback = async (): Promise<Loaded> => {
        await forget?.().catch(() => {});
        return loadDefault();
      };
      if (current !== undefined) current = current.then((inUse) => (inUse === loaded ? fallback() : inUse));
    }
  }, VERIFY_DELAY_MS);
}

export function currentEngine(): Promise<Loaded> {
  if (current === undefined) {
    // While the database opens and the bundle is read the worker only waits: the pinyin
    // converter's word index (about 10 ms), which every first message and query needs, is built
    // in that wait rather than on their path.
    setTimeout(preparePinyin, 0);
    current = loadCurrent().then((loaded) => {
      opened = true;
      return loaded;
    }).catch((error: unknown) => {
      current = undefined;
      throw error;
    });
  }
  return current;
}

/** Whether the worker has its bundle open: until then, work a request can do without it is done while it waits. */
export function hasOpenBundle(): boolean {
  return opened;
}

export function describeBundle({ engine, stored }: Loaded): BundleInfo {
  return { hash: engine.hash, source: stored.source, importedAt: stored.importedAt, playbooks: engine.playbookIds, replies: engine.replyCount, ...(engine.notice ? { notice: engine.notice } : {}) };
}

/** Validates and stores a bundle; throws BundleError (the reason the user reads) when invalid. */
export async function importBundle(json: string, source: string): Promise<BundleInfo> {
  if (json.length > MAX_BUNDLE_BYTES) throw new BundleError(`the file is too large to be a bundle (${Math.round(json.length / 1e6)} MB)`);
  // Parsed once, here: what is checked is what is stored. Text that is not JSON is left to
  // loadEngine, whose error says where it breaks.
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch {
    loadEngine(json);
  }
  const engine = loadEngine(data as object);
  const stored: StoredBundle = { data: data as object, hash: engine.hash, source, importedAt: Date.now() };
  await putBundle(stored);
  const loaded = { engine, stored };
  current = Promise.resolve(loaded);
  return describeBundle(loaded);
}

export async function resetBundle(): Promise<BundleInfo> {
  await deleteBundle();
  current = undefined;
  return describeBundle(await currentEngine());
}
