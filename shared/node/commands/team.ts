import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCommandArgs } from '../args.ts';
import { CouchError } from '../couch/http.ts';
import { DATABASE_NAME, DEFAULT_TEAM_DATABASE, setUpTeam, type SetupStep } from '../couch/team-setup.ts';
import { formatUsersFileProblem, parseUsersFile } from '../couch/users-file.ts';
import { EXIT, UsageError, type Command } from '../io.ts';

export const team: Command = {
  name: 'team',
  usage: `closer team setup --couch URL --admin USER:PASS --users FILE [--team-db NAME] [--server-url URL] [--json]

Sets up the team's CouchDB (Apache CouchDB 3, or any server speaking its HTTP API) so that each
salesperson writes only their own cases and the leads read everyone's:
  - a user in _users for each person of the users file (leads get the role "lead");
  - each user's database userdb-<hex of the name> (CouchDB's couch_peruser naming), with a
    validation that refuses a case whose salesperson is not the writer, and security that makes
    the user its only member (server admins aside);
  - the team database (default ${DEFAULT_TEAM_DATABASE}), read by leads, written only by the server;
  - in _replicator, a continuous replication of each user database into the team database,
    run with the admin's credentials.
Each step reads what is there and writes only what differs: run it again after editing the
users file, or just to check; it prints what it created, updated or left as it was. It never
deletes anything.

The users file (YAML):
  users:
    - name: alice               # the CouchDB user name; her cases' "salesperson" is this name
      password: a-long-secret
    - name: lin
      passwordEnv: LIN_PASSWORD # or read the password from this environment variable
      role: lead                # reads the team database (salesperson is the default role)

Options:
  --couch URL         the server, e.g. https://couch.example.com (not a database)
  --admin USER:PASS   a server admin's user name and password
  --users FILE        the users file
  --team-db NAME      the team database's name (default ${DEFAULT_TEAM_DATABASE})
  --server-url URL    the server's address as the server itself reaches it, for its
                      replications (default: --couch), e.g. http://127.0.0.1:5984 behind a proxy
  --json              print the steps as one JSON object
  -h, --help          show this help
Exit code: 0 done, 1 the server refused or failed (the message says why), 2 usage error or a
bad users file.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      couch: { type: 'string' },
      admin: { type: 'string' },
      users: { type: 'string' },
      'team-db': { type: 'string' },
      'server-url': { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals[0] !== 'setup') throw new UsageError(positionals.length === 0 ? 'give the subcommand: closer team setup …' : `unknown subcommand "${positionals[0]}"; the only one is "setup"`);
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
    if (!values.couch) throw new UsageError('give the server with --couch URL');
    if (!values.admin) throw new UsageError('give a server admin with --admin USER:PASS');
    if (!values.users) throw new UsageError('give the users file with --users FILE');
    const colon = values.admin.indexOf(':');
    if (colon <= 0) throw new UsageError('--admin wants USER:PASS, the user name and password separated by ":"');
    const admin = { user: values.admin.slice(0, colon), password: values.admin.slice(colon + 1) };
    const teamDatabase = values['team-db'] ?? DEFAULT_TEAM_DATABASE;
    if (!DATABASE_NAME.test(teamDatabase)) throw new UsageError(`--team-db "${teamDatabase}" is not a CouchDB database name: a lower-case letter, then lower-case letters, digits and _$()+-/`);

    const usersFile = path.resolve(io.cwd, values.users);
    const shownName = path.relative(io.cwd, usersFile) || usersFile;
    const read = parseUsersFile(readFileSync(usersFile, 'utf8'), process.env);
    if (read.problems.length > 0) {
      for (const problem of read.problems) io.stderr(formatUsersFileProblem(shownName, problem) + '\n');
      io.stderr(`closer team setup: nothing was changed on the server; fix the users file first\n`);
      return EXIT.usage;
    }

    const shown: SetupStep[] = [];
    try {
      const result = await setUpTeam({ server: values.couch, admin, users: read.users, teamDatabase, replicationServer: values['server-url'] }, (step) => {
        shown.push(step);
        if (!values.json) io.stdout(`${step.action.padEnd(9)} ${step.what}${step.detail ? `: ${step.detail}` : ''}\n`);
      });
      for (const warning of result.warnings) io.stderr(`warning: ${warning}\n`);
      const count = (action: string) => result.steps.filter((step) => step.action === action).length;
      if (values.json) io.stdout(JSON.stringify({ steps: result.steps, warnings: result.warnings }, null, 2) + '\n');
      io.stderr(`${count('created')} created, ${count('updated')} updated, ${count('unchanged')} left as they were; team database ${teamDatabase}, ${read.users.length} user(s)\n`);
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof CouchError)) throw error;
      io.stderr(`closer team setup: ${error.message}\n`);
      if (shown.length > 0) io.stderr(`(${shown.length} step(s) were done before it; running it again goes on from there)\n`);
      return EXIT.problems;
    }
  },
};
