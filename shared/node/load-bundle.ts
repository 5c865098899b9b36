import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildBundle, BundleError, formatDiagnostic, hasErrors, lintPlaybooks, loadBundle, precompiledNotice, type Bundle } from '../src/index.ts';
import { loadBaseCorpus } from './base-corpus.ts';
import { defaultPlaybooksDir, loadPlaybookFiles } from './files.ts';
import type { Io } from './io.ts';

/**
 * The bundle a command works on: the file given with --bundle, or the repository's playbooks
 * built on the fly with the core's base intent corpus, as `closer build` does. Returns a message instead when that cannot be done, so commands can exit 1.
 */
export async function bundleForCommand(file: string | undefined, io: Io): Promise<Bundle | { problem: string }> {
  if (file) {
    const where = path.resolve(io.cwd, file);
    try {
      const bundle = loadBundle(await readFile(where, 'utf8'));
      // Still answers alike, only slower: said on stderr, so --json and --jsonl output stay clean.
      const notice = precompiledNotice(bundle);
      if (notice) io.stderr(`closer: ${file}: ${notice}\n`);
      return bundle;
    } catch (error) {
      if (error instanceof BundleError) return { problem: `${file}: ${error.message}` };
      throw error;
    }
  }
  const files = await loadPlaybookFiles([defaultPlaybooksDir()], io.cwd);
  const diagnostics = lintPlaybooks(files);
  if (hasErrors(diagnostics)) {
    const errors = diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    return { problem: `the playbooks have errors; fix them (closer lint) first:\n${errors.join('\n')}` };
  }
  return buildBundle(files, { base: loadBaseCorpus() });
}
