import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildBundle, bundleText, formatCaseProblem, formatDiagnostic, hasErrors, lintPlaybooks, replyStatsOf } from '../../src/index.ts';
import { parseCommandArgs } from '../args.ts';
import { baseCorpusProblems, loadBaseCorpus } from '../base-corpus.ts';
import { loadCaseFiles, takeCaseArgs } from '../case-files.ts';
import { defaultPlaybooksDir, loadPlaybookFiles } from '../files.ts';
import { EXIT, UsageError, type Command } from '../io.ts';
import { signingKeyForCommand } from '../key-files.ts';
import { keyFingerprint, publicKeyOf, signBundle } from '../../src/index.ts';
import { precompileBundle } from '../../src/index.ts';

export const build: Command = {
  name: 'build',
  usage: `closer build [paths…] [--cases FILES…] [--no-base] [--sign KEY] -o FILE

Lints the playbooks and, when there are no errors, writes them as one bundle: a JSON
document with a format version and a content hash, which the browser extension imports.
The bundle carries the core's base language of customer intents (thousands of labelled
messages from many trades), so a small playbook still recognises plain customers; the
playbooks' own triggers weigh more. The bundle also carries its indexes precompiled (the
search index, the intent triggers' features), so the extension starts without rebuilding
them. Without paths, builds the repository's playbooks/.

Options:
  -o, --out FILE  where to write the bundle (required)
  --cases FILES…  case files (JSON Lines) or folders: the bundle carries each reply's
                  wins and uses, and the extension ranks replies that close higher
  --no-base       leave the base intent corpus out: intents are learnt from the
                  playbooks' triggers alone
  --sign KEY      sign the bundle with the team's private key (NAME.key from closer
                  keygen): the signature covers the whole bundle, and the extension
                  refuses a bundle not signed by the key it pinned
  -h, --help      show this help
Exit code: 0 written, 1 the playbooks have errors (nothing written) or a case file has
bad lines (written without them), 2 usage error.`,
  async run(args, io) {
    const { cases: caseFiles, rest } = takeCaseArgs(args);
    const { values, positionals } = parseCommandArgs(rest, { out: { type: 'string', short: 'o' }, 'no-base': { type: 'boolean' }, sign: { type: 'string' } });
    if (!values.out) throw new UsageError('missing -o FILE: where to write the bundle');
    // The key is read first, so a wrong key file stops the build before anything is written.
    const signingKey = values.sign === undefined ? undefined : await signingKeyForCommand(values.sign, 'build', io);
    if (signingKey === null) return EXIT.usage;
    const files = await loadPlaybookFiles(positionals.length > 0 ? positionals : [defaultPlaybooksDir()], io.cwd);
    const diagnostics = lintPlaybooks(files);
    if (hasErrors(diagnostics)) {
      for (const diagnostic of diagnostics) io.stdout(formatDiagnostic(diagnostic) + '\n');
      io.stderr('the bundle was not written: fix the errors above first\n');
      return EXIT.problems;
    }
    const cases = caseFiles.length > 0 ? await loadCaseFiles(caseFiles, { cwd: io.cwd }) : undefined;
    for (const problem of cases?.problems ?? []) io.stderr(formatCaseProblem(problem) + '\n');
    // Precompiled before signing, so the signature covers the indexes too.
    const bundle = precompileBundle(buildBundle(files, { ...(cases ? { stats: replyStatsOf(cases.cases) } : {}), ...(values['no-base'] ? {} : { base: loadBaseCorpus() }) }));
    if (!values['no-base']) for (const problem of baseCorpusProblems()) io.stderr(`${problem.file}:${problem.line} warning ${problem.message} (left out of the base corpus)\n`);
    const out = path.resolve(io.cwd, values.out);
    await mkdir(path.dirname(out), { recursive: true });
    // A member a line, so a command reading the file parses only the members it uses (bundle-text.ts).
    await writeFile(out, bundleText(signingKey ? signBundle(bundle, signingKey) : bundle));
    const replies = bundle.playbooks.reduce((sum, { playbook }) => sum + (playbook.objections ?? []).length, 0);
    const base = bundle.base ? `, base corpus of ${Object.values(bundle.base.intents).reduce((sum, list) => sum + list.length, 0)} messages` : ', no base corpus';
    io.stdout(`wrote ${out} (${bundle.playbooks.length} playbooks, ${replies} objections${base}, ${bundle.hash.slice(0, 19)}…)\n`);
    if (signingKey) io.stdout(`signed by key ${keyFingerprint(publicKeyOf(signingKey))}\n`);
    if (cases) io.stdout(`with the outcomes of ${cases.cases.length} case(s) for ${Object.keys(bundle.stats ?? {}).length} replies\n`);
    return cases?.problems.some((problem) => problem.severity === 'error') ? EXIT.problems : EXIT.ok;
  },
};
