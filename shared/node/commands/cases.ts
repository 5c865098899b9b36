import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { formatCaseDocumentProblem, LOSS_REASONS } from '../../src/index.ts';
import { parseCommandArgs } from '../args.ts';
import { fileErrorMessage } from '../file-errors.ts';
import { CouchError } from '../couch/http.ts';
import { couchCredentials, visitCouchCases } from '../couch/read-cases.ts';
import { EXIT, UsageError, type Command } from '../io.ts';

export const cases: Command = {
  name: 'cases',
  usage: `closer cases pull --couch URL -o FILE [--user NAME --password PASS]

Writes every case of a CouchDB database (the team database that closer team setup makes, or
one user's) to FILE as JSON Lines, one case a line, in document id order: the file that
"closer report FILE" and VS Code's case review read, with the same figures as
"closer report --couch URL". A case whose document is in conflict (edited in two browsers
offline) is written once per revision; the readers merge the copies as they merge the same case
in two files. A document that is not a valid case is named on standard error and left out.
The file is written whole or not at all.

Options:
  --couch URL        the database, e.g. https://couch.example.com/closer-team
  -o, --output FILE  where to write the cases
  --user NAME        the CouchDB user (default CLOSER_COUCH_USER, or the user in the URL)
  --password PASS    their password (default CLOSER_COUCH_PASSWORD)
  -h, --help         show this help
Exit code: 0 written, 1 the server refused or failed, or some documents were bad (the others
are written), 2 usage error.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      couch: { type: 'string' },
      output: { type: 'string', short: 'o' },
      user: { type: 'string' },
      password: { type: 'string' },
    });
    if (positionals[0] !== 'pull') throw new UsageError(positionals.length === 0 ? 'give the subcommand: closer cases pull …' : `unknown subcommand "${positionals[0]}"; the only one is "pull"`);
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
    if (!values.couch) throw new UsageError('give the database with --couch URL');
    if (!values.output) throw new UsageError('give the file to write with -o FILE');
    const file = path.resolve(io.cwd, values.output);
    // Written beside and renamed at the end, so a failed pull never leaves half a file in place of a good one.
    const partial = `${file}.${process.pid}.partial`;
    let descriptor: number;
    try {
      descriptor = openSync(partial, 'w');
    } catch (error) {
      io.stderr(`closer cases pull: cannot write ${values.output}: ${fileErrorMessage(error)}\n`);
      return EXIT.problems;
    }
    let written = 0;
    try {
      const credentials = couchCredentials(values, process.env);
      const read = await visitCouchCases(values.couch, credentials, { reasons: LOSS_REASONS }, (record) => {
        writeSync(descriptor, JSON.stringify(record) + '\n');
        written++;
      });
      closeSync(descriptor);
      renameSync(partial, file);
      const errors = read.problems.filter((problem) => problem.severity === 'error').length;
      for (const problem of read.problems) io.stderr(formatCaseDocumentProblem(problem) + '\n');
      io.stderr(`${written} case(s) from ${read.database} written to ${path.relative(io.cwd, file) || file}${errors > 0 ? `; ${errors} bad document(s) left out` : ''}\n`);
      return errors > 0 ? EXIT.problems : EXIT.ok;
    } catch (error) {
      try {
        closeSync(descriptor);
      } catch {
        // Already closed.
      }
      rmSync(partial, { force: true });
      if (!(error instanceof CouchError)) throw error;
      io.stderr(`closer cases pull: ${error.message}\n`);
      return EXIT.problems;
    }
  },
};
