import browser from 'webextension-polyfill';
import type { BundleInfo } from '../requests.ts';
import { BundleError, loadEngine, type Engine } from './engine.ts';
import { deleteBundle, getBundle, putBundle, type StoredBundle } from './store.ts';

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

async function loadDefault(): Promise<Loaded> {
  const json = await (await fetch(browser.runtime.getURL(DEFAULT_URL))).text();
  // Shipped inside the extension, built and checked by the same build: opened, not re-checked.
  return { engine: loadEngine(json, { trusted: true }), stored: { json, hash: '', source: 'default', importedAt: 0 } };
}

async function loadCurrent(): Promise<Loaded> {
  const stored = await getBundle();
  if (stored) {
    try {
      const loaded = { engine: loadEngine(stored.json, { trusted: true }), stored };
      verifyWhenIdle(loaded);
      return loaded;
    } catch (error) {
      // Only reachable if a newer extension stops reading an older stored bundle.
      console.warn(`closer: the stored bundle no longer loads (${(error as Error).message}); using the default`);
    }
  }
  return loadDefault();
}

// The stored bundle was checked completely at import, so a restart only opens it: its schema and
// hash (a second at 100,000 replies) would stand between the salesperson and the first suggestion.
// They are checked once per worker life after the first answers, still: an extension update may
// read an older stored bundle differently, and a disk can damage what it keeps.
const VERIFY_DELAY_MS = 2_000;

function verifyWhenIdle(loaded: Loaded): void {
  setTimeout(() => {
    try {
      loaded.engine.verify();
    } catch (error) {
      console.warn(`closer: the stored bundle no longer loads (${(error as Error).message}); using the default`);
      if (current !== undefined) current = current.then((inUse) => (inUse === loaded ? loadDefault() : inUse));
    }
  }, VERIFY_DELAY_MS);
}

export function currentEngine(): Promise<Loaded> {
  current ??= loadCurrent().catch((error: unknown) => {
    current = undefined;
    throw error;
  });
  return current;
}

export function describeBundle({ engine, stored }: Loaded): BundleInfo {
  return { hash: engine.hash, source: stored.source, importedAt: stored.importedAt, playbooks: engine.playbookIds, replies: engine.replyCount, ...(engine.notice ? { notice: engine.notice } : {}) };
}

/** Validates and stores a bundle; throws BundleError (the reason the user reads) when invalid. */
export async function importBundle(json: string, source: string): Promise<BundleInfo> {
  if (json.length > MAX_BUNDLE_BYTES) throw new BundleError(`the file is too large to be a bundle (${Math.round(json.length / 1e6)} MB)`);
  const engine = loadEngine(json);
  const stored: StoredBundle = { json, hash: engine.hash, source, importedAt: Date.now() };
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
