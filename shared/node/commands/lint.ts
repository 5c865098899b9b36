import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostic, lintPlaybooks } from '../../src/index.ts';
import { loadTeamConfig } from '../config-file.ts';
import { fileErrorMessage, isFileError } from '../file-errors.ts';
import { parseCommandArgs } from '../args.ts';
import { defaultPlaybooksDir, loadPlaybookFiles } from '../files.ts';
import { EXIT, type Command } from '../io.ts';

export const lint: Command = {
  name: 'lint',
  usage: `closer lint [paths…]

Checks *.playbook.yaml files (folders are searched) and prints each problem as
  file:line:col severity message
Without paths, checks the repository's playbooks/.

The team's settings (closer.config.yaml in the current folder, or --config FILE) set the
level of the rules that warn, e.g.
  lint:
    hard-coded-figure: off
    absolute-guarantee: error
A file that cannot be read is reported as a problem of that file; the others are still checked.

Options:
  --json          print the diagnostics as a JSON array
  --config FILE   the team's settings file (default: closer.config.yaml, when there is one)
  -h, --help      show this help
Exit code: 0 nothing found, 1 problems found (errors or warnings), 2 usage error.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' }, config: { type: 'string' } });
    const paths = positionals.length > 0 ? positionals.map((given) => path.resolve(io.cwd, given)) : [defaultPlaybooksDir()];
    // A path that is not there at all is a mistake in the command line, not a problem of a playbook.
    for (const [index, given] of paths.entries()) {
      try {
        await lstat(given);
      } catch (error) {
        if (!isFileError(error)) throw error;
        io.stderr(`closer lint: cannot read ${positionals[index] ?? given}: ${fileErrorMessage(error)}\n`);
        return EXIT.usage;
      }
    }
    const files = await loadPlaybookFiles(paths, io.cwd);
    if (files.length === 0) {
      io.stderr(`no *.playbook.yaml files found in ${paths.join(', ')}\n`);
      return EXIT.usage;
    }
    const config = loadTeamConfig(io.cwd, values.config);
    const diagnostics = [...config.diagnostics, ...lintPlaybooks(files, { settings: config.lint })];
    if (values.json) io.stdout(JSON.stringify(diagnostics, null, 2) + '\n');
    else for (const diagnostic of diagnostics) io.stdout(formatDiagnostic(diagnostic) + '\n');
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    io.stderr(`${files.length} playbook(s) checked: ${errors} error(s), ${diagnostics.length - errors} warning(s)\n`);
    return diagnostics.length > 0 ? EXIT.problems : EXIT.ok;
  },
};
