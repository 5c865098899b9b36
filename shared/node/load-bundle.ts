import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
// Only what reading a bundle file needs, imported module by module: `closer suggest --bundle`
// then loads no YAML parser, linter or corpus reader, and starts quickly.
import { BundleError } from '../src/playbook/bundle-format.ts';
import { openBundleRecord, type Bundle } from '../src/playbook/bundle.ts';
import { groupSpans, lazyRecord, memberSpans, readMembers, type Span } from '../src/playbook/bundle-text.ts';
import { precompiledNotice, type Precompiled } from '../src/playbook/precompiled.ts';
import type { Io } from './io.ts';
import { noteVerified, verifiedEntry } from './verified-bundles.ts';

/**
 * The bundle a command works on: the file given with --bundle, or the repository's playbooks
 * built on the fly with the core's base intent corpus, as `closer build` does. Returns a message instead when that cannot be done, so commands can exit 1.
 */
export async function bundleForCommand(file: string | undefined, io: Io): Promise<Bundle | { problem: string }> {
  if (file) {
    const where = path.resolve(io.cwd, file);
    try {
      const before = await stat(where);
      const bytes = await readFile(where);
      // Unchanged while it was read, too: a file rewritten meanwhile gets the full check.
      const after = await stat(where);
      const known = after.size === before.size && after.mtimeMs === before.mtimeMs ? verifiedEntry(where, before) : undefined;
      // Still answers alike, only slower: said on stderr, so --json and --jsonl output stay clean.
      const say = (notice: string | undefined): void => {
        if (notice) io.stderr(`closer: ${file}: ${notice}\n`);
      };
      const spans = memberSpans(bytes);
      // Decoded as readFile's 'utf8' decodes, so a member reads exactly as the whole file does.
      const text = ([start, end]: Span): string => bytes.toString('utf8', start, end);
      const groups = (span: Span) => groupSpans(bytes, span);
      if (known?.members && spans) return openMembers(file, spans, text, groups, say);
      let bundle: Bundle;
      if (known) {
        bundle = openBundleRecord(bytes.toString('utf8')).bundle;
      } else {
        // The full check builds zod schemas, so it is loaded only for a file not seen before.
        const members = spans && readMembers(spans, text, groups);
        bundle = (await import('../src/playbook/bundle-load.ts')).loadBundle(members ?? bytes.toString('utf8'));
        noteVerified(where, { ...before, members: members !== undefined });
      }
      say(precompiledNotice(bundle));
      return bundle;
    } catch (error) {
      if (error instanceof BundleError) return { problem: `${file}: ${error.message}` };
      throw error;
    }
  }
  return (await import('./build-playbooks.ts')).bundleOfDefaultPlaybooks(io);
}

/**
 * A bundle file checked before, read a member at a time as a command uses it: closer followups
 * never parses the precompiled indexes. The indexes' notice is said only by a command that reads
 * them. A member found broken later (the file was changed but kept its size and time) is a
 * BundleError naming the file and the member, which the CLI prints as one line.
 */
function openMembers(
  file: string,
  spans: Map<string, Span>,
  text: (span: Span) => string,
  groups: (span: Span) => Map<string, Span> | undefined,
  say: (notice: string | undefined) => void,
): Bundle | { problem: string } {
  const parse = (name: string, span: Span): unknown => {
    try {
      return JSON.parse(text(span));
    } catch (error) {
      throw new BundleError(`${file}: the bundle is not valid JSON in "${name}" (${(error as Error).message})`);
    }
  };
  const record = lazyRecord(spans, (key, span) => {
    // A group's parts are read one by one too: suggest never parses the search index.
    const parts = groups(span);
    const value = parts ? lazyRecord(parts, (part, partSpan) => parse(`${key}.${part}`, partSpan)) : parse(key, span);
    if (key === 'precompiled') say(precompiledNotice({ precompiled: value as Precompiled }));
    return value;
  });
  if (!spans.has('precompiled')) say(precompiledNotice({}));
  try {
    return openBundleRecord(record).bundle;
  } catch (error) {
    if (error instanceof BundleError) return { problem: error.message.startsWith(`${file}: `) ? error.message : `${file}: ${error.message}` };
    throw error;
  }
}

