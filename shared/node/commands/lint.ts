import { formatDiagnostic, lintPlaybooks } from '../../src/index.ts';
import { parseCommandArgs } from '../args.ts';
import { defaultPlaybooksDir, loadPlaybookFiles } from '../files.ts';
import { EXIT, type Command } from '../io.ts';

export const lint: Command = {
  name: 'lint',
  summary: 'check playbooks and print every problem as file:line:col severity message',
  usage: `closer lint [paths…]

Checks *.playbook.yaml files (folders are searched) and prints each problem as
  file:line:col severity message
Without paths, checks the repository's playbooks/.

Options:
  --json          print the diagnostics as a JSON array
  -h, --help      show this help
Exit code: 0 nothing found, 1 problems found (errors or warnings), 2 usage error.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
    const paths = positionals.length > 0 ? positionals : [defaultPlaybooksDir()];
    const files = await loadPlaybookFiles(paths, io.cwd);
    if (files.length === 0) {
      io.stderr(`no *.playbook.yaml files found in ${paths.join(', ')}\n`);
      return EXIT.usage;
    }
    const diagnostics = lintPlaybooks(files);
    if (values.json) io.stdout(JSON.stringify(diagnostics, null, 2) + '\n');
    else for (const diagnostic of diagnostics) io.stdout(formatDiagnostic(diagnostic) + '\n');
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    io.stderr(`${files.length} playbook(s) checked: ${errors} error(s), ${diagnostics.length - errors} warning(s)\n`);
    return diagnostics.length > 0 ? EXIT.problems : EXIT.ok;
  },
};
