import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildBundle, formatDiagnostic, hasErrors, lintPlaybooks } from '../../src/index.ts';
import { parseCommandArgs } from '../args.ts';
import { defaultPlaybooksDir, loadPlaybookFiles } from '../files.ts';
import { EXIT, UsageError, type Command } from '../io.ts';

export const build: Command = {
  name: 'build',
  summary: 'compile playbooks into one bundle (JSON) for the browser extension',
  usage: `closer build [paths…] -o FILE

Lints the playbooks and, when there are no errors, writes them as one bundle: a JSON
document with a format version and a content hash, which the browser extension imports.
Without paths, builds the repository's playbooks/.

Options:
  -o, --out FILE  where to write the bundle (required)
  -h, --help      show this help
Exit code: 0 written, 1 the playbooks have errors (nothing written), 2 usage error.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { out: { type: 'string', short: 'o' } });
    if (!values.out) throw new UsageError('missing -o FILE: where to write the bundle');
    const files = await loadPlaybookFiles(positionals.length > 0 ? positionals : [defaultPlaybooksDir()], io.cwd);
    const diagnostics = lintPlaybooks(files);
    if (hasErrors(diagnostics)) {
      for (const diagnostic of diagnostics) io.stdout(formatDiagnostic(diagnostic) + '\n');
      io.stderr('the bundle was not written: fix the errors above first\n');
      return EXIT.problems;
    }
    const bundle = buildBundle(files);
    const out = path.resolve(io.cwd, values.out);
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, JSON.stringify(bundle) + '\n');
    const replies = bundle.playbooks.reduce((sum, { playbook }) => sum + (playbook.objections ?? []).length, 0);
    io.stdout(`wrote ${out} (${bundle.playbooks.length} playbooks, ${replies} objections, ${bundle.hash.slice(0, 19)}…)\n`);
    return EXIT.ok;
  },
};
