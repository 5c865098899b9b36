import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
// Only what reading a bundle file needs, imported module by module: `closer suggest --bundle`
// then loads no YAML parser, linter or corpus reader, and starts quickly.
import { BundleError } from '../src/playbook/bundle-format.ts';
import { openBundleRecord, type Bundle } from '../src/playbook/bundle.ts';
import { precompiledNotice } from '../src/playbook/precompiled.ts';
import type { Io } from './io.ts';
import { noteVerified, wasVerified } from './verified-bundles.ts';

/**
 * The bundle a command works on: the file given with --bundle, or the repository's playbooks
 * built on the fly with the core's base intent corpus, as `closer build` does. Returns a message instead when that cannot be done, so commands can exit 1.
 */
export async function bundleForCommand(file: string | undefined, io: Io): Promise<Bundle | { problem: string }> {
  if (file) {
    const where = path.resolve(io.cwd, file);
    try {
      const before = await stat(where);
      const text = await readFile(where, 'utf8');
      // Unchanged while it was read, too: a file rewritten meanwhile gets the full check.
      const after = await stat(where);
      const known = after.size === before.size && after.mtimeMs === before.mtimeMs && wasVerified(where, before);
      // The full check builds zod schemas, so it is loaded only for a file not seen before.
      const bundle = known ? openBundleRecord(text).bundle : (await import('../src/playbook/bundle-load.ts')).loadBundle(text);
      if (!known) noteVerified(where, before);
      // Still answers alike, only slower: said on stderr, so --json and --jsonl output stay clean.
      const notice = precompiledNotice(bundle);
      if (notice) io.stderr(`closer: ${file}: ${notice}\n`);
      return bundle;
    } catch (error) {
      if (error instanceof BundleError) return { problem: `${file}: ${error.message}` };
      throw error;
    }
  }
  return (await import('./build-playbooks.ts')).bundleOfDefaultPlaybooks(io);
}
