import { buildBundle, formatDiagnostic, hasErrors, lintPlaybooks, type Bundle } from '../src/index.ts';
import { loadBaseCorpus } from './base-corpus.ts';
import { defaultPlaybooksDir, loadPlaybookFiles } from './files.ts';
import type { Io } from './io.ts';

/** The repository's playbooks built into a bundle with the base corpus, or why they cannot be. */
export async function bundleOfDefaultPlaybooks(io: Io): Promise<Bundle | { problem: string }> {
  const files = await loadPlaybookFiles([defaultPlaybooksDir()], io.cwd);
  const diagnostics = lintPlaybooks(files);
  if (hasErrors(diagnostics)) {
    const errors = diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    return { problem: `the playbooks have errors; fix them (closer lint) first:\n${errors.join('\n')}` };
  }
  return buildBundle(files, { base: loadBaseCorpus() });
}
