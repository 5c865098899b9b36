import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sharedDir } from './shared-dir.ts';

// Bundle files this CLI has checked completely (schema and content hash), by path, size and time
// of change. Checking the hash of the default bundle costs more than the rest of a start, so a
// command given the same unchanged file again reads it without that check. Any change to the file
// (its size or time) means a full check again; the cache is only ever a shortcut, never a source.

const CACHE = 'verified-bundles.json';
const KEEP = 50;

interface Entry {
  size: number;
  mtimeMs: number;
  /** Laid out a member a line, each member JSON of its own (bundle-text.ts's readMembers). */
  members?: boolean;
}

function cacheFile(): string {
  return path.join(sharedDir(), '.cache', CACHE);
}

function readCache(): Record<string, Entry> {
  try {
    const data: unknown = JSON.parse(readFileSync(cacheFile(), 'utf8'));
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, Entry>) : {};
  } catch {
    return {};
  }
}

/** How this exact file (same size and time of change) was found when checked completely before; undefined if it was not. */
export function verifiedEntry(file: string, stat: Entry): Entry | undefined {
  const entry = readCache()[file];
  return entry !== undefined && entry.size === stat.size && entry.mtimeMs === stat.mtimeMs ? entry : undefined;
}

/** Notes that the file passed a complete check; a cache that cannot be written is simply not kept. */
export function noteVerified(file: string, stat: Entry): void {
  const cache = readCache();
  delete cache[file];
  const kept = Object.entries(cache).slice(-(KEEP - 1));
  const next = Object.fromEntries([...kept, [file, { size: stat.size, mtimeMs: stat.mtimeMs, ...(stat.members ? { members: true } : {}) }]]);
  try {
    // A fresh checkout has no .cache yet when a command runs from source, not from the bin.
    mkdirSync(path.dirname(cacheFile()), { recursive: true });
    const partial = `${cacheFile()}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(next));
    renameSync(partial, cacheFile());
  } catch {
    // A read-only checkout: every start checks the file completely, as before.
  }
}
