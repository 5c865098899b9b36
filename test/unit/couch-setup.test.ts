// closer team setup against a real CouchDB-protocol server (pouchdb-server, test/helpers/couch-server.ts):
// what it creates, that a second run changes nothing, and that the server then enforces who
// writes what and replicates each salesperson's cases into the team database.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userDatabaseName } from '@closer/shared';
import { VALIDATE_TEAM_WRITE } from '../../shared/node/couch/validate.ts';
import { startCouchServer, type CouchServer } from '../helpers/couch-server.ts';
import { makeCase } from './cases-fixtures.ts';
import { basic, closer, PASSWORDS, push, setUp, tempDir, untilReplicated, USERS_FILE } from './couch-fixtures.ts';

let couch: CouchServer;
const dir = tempDir();
const aliceDb = userDatabaseName('alice');
const boDb = userDatabaseName('bo');

beforeAll(async () => {
  couch = await startCouchServer();
}, 60_000);
afterAll(async () => couch?.stop());

describe('closer team setup', () => {
  it('creates the users, their databases with validation and security, the team database and the replications', async () => {
    const result = await setUp(couch, dir);
    expect(result.stderr).toContain('0 updated');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    for (const expected of [
      'created   user alice',
      'created   user lin (lead)',
      'created   database closer-team',
      'created   validation of closer-team',
      'created   security of closer-team: admins server admins only, members role lead',
      `created   database ${aliceDb} (alice's cases)`,
      `created   validation of ${aliceDb}`,
      `created   security of ${aliceDb}: admins server admins only, members alice`,
      `created   replication ${aliceDb} → closer-team`,
      `created   replication ${boDb} → closer-team`,
    ]) expect(lines).toContain(expected);
    expect(aliceDb).toBe('userdb-616c696365');
  });

  it('run again, leaves everything as it was and says so', async () => {
    const again = await setUp(couch, dir);
    expect(again.code).toBe(0);
    const lines = again.stdout.trim().split('\n');
    expect(lines).toHaveLength(20);
    expect(lines.filter((line) => !line.startsWith('unchanged '))).toEqual([]);
    expect(again.stderr).toContain('0 created, 0 updated, 20 left as they were; team database closer-team, 3 user(s)');
  });

  it('run by the real binary (the CLI as esbuild bundles it), also finds everything as it was', () => {
    const result = spawnSync(path.resolve('node_modules/.bin/closer'), ['team', 'setup', '--couch', couch.url, '--admin', `${couch.admin.user}:${couch.admin.password}`, '--users', 'users.yaml'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toContain('0 created, 0 updated, 20 left as they were');
    expect(result.status).toBe(0);
  }, 60_000);

  it('updates only what the users file changed: a new password, a lead no longer lead', async () => {
    const changed = USERS_FILE.replace(PASSWORDS.bo, 'bo-new-secret').replace('    role: lead\n', '');
    const result = await setUp(couch, dir, changed, ['--json']);
    expect(result.code).toBe(0);
    const { steps } = JSON.parse(result.stdout) as { steps: { action: string; what: string; detail?: string }[] };
    expect(steps.filter((step) => step.action !== 'unchanged')).toEqual([
      { action: 'updated', what: 'user bo', detail: 'password' },
      { action: 'updated', what: 'user lin', detail: 'roles' },
    ]);
    const signIn = await fetch(`${couch.url}/_session`, { headers: basic('bo', 'bo-new-secret') });
    expect(((await signIn.json()) as { userCtx: { name: string } }).userCtx.name).toBe('bo');
    // Back to the team of the other tests.
    expect((await setUp(couch, dir)).code).toBe(0);
  });
});

describe('the server after setup', () => {
  it('takes a case from its own salesperson and refuses one naming another, with the reason', async () => {
    const own = makeCase({ salesperson: 'alice' });
    const forged = makeCase({ salesperson: 'bo' });
    const answers = await push(couch, aliceDb, 'alice', [own, forged]);
    expect(answers.find((answer) => answer.id === own.id)).toMatchObject({ ok: true });
    expect(answers.find((answer) => answer.id === forged.id)).toEqual({ id: forged.id, error: 'forbidden', reason: `closer: case ${forged.id} is "bo"'s; "alice" may write only their own cases` });
  });

  it("refuses a salesperson writing into another's database, even a case that names her", async () => {
    const response = await fetch(`${couch.url}/${boDb}/${makeCase().id}`, { method: 'PUT', headers: basic('alice', PASSWORDS.alice), body: JSON.stringify(makeCase({ salesperson: 'alice' })) });
    expect([401, 403]).toContain(response.status);
  });

  it("replicates each salesperson's cases into the team database, which the lead reads and cannot write", async () => {
    const alices = makeCase({ salesperson: 'alice', outcome: 'won', amount: 300 });
    const bos = makeCase({ salesperson: 'bo' });
    await push(couch, aliceDb, 'alice', [alices]);
    await push(couch, boDb, 'bo', [bos]);
    await untilReplicated(couch, [alices.id, bos.id]);

    const read = await fetch(`${couch.url}/closer-team/${alices.id}`, { headers: basic('lin', PASSWORDS.lin) });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ _id: alices.id, id: alices.id, salesperson: 'alice', outcome: 'won', amount: 300 });

    const write = await fetch(`${couch.url}/closer-team/${bos.id}x`, { method: 'PUT', headers: basic('lin', PASSWORDS.lin), body: JSON.stringify(makeCase({ salesperson: 'lin' })) });
    expect(write.status).toBe(403);
    expect(await write.json()).toMatchObject({ error: 'forbidden', reason: expect.stringContaining('written only by the server') });
  });

  it('holds the security objects CouchDB 3 enforces on reads (pouchdb-server does not: so they are checked as written)', async () => {
    const security = async (database: string) => (await fetch(`${couch.url}/${database}/_security`, { headers: basic(couch.admin.user, couch.admin.password) })).json();
    expect(await security('closer-team')).toEqual({ admins: { names: [], roles: [] }, members: { names: [], roles: ['lead'] } });
    expect(await security(aliceDb)).toEqual({ admins: { names: [], roles: [] }, members: { names: ['alice'], roles: [] } });
  });

  it("keeps the user databases' validation out of the team database (the replications carry cases only)", async () => {
    const design = await fetch(`${couch.url}/closer-team/_design/closer`, { headers: basic(couch.admin.user, couch.admin.password) });
    const { validate_doc_update: validate } = (await design.json()) as { validate_doc_update: string };
    expect(validate).toBe(VALIDATE_TEAM_WRITE);
  });
});

describe('closer team setup refuses bad input and names it', () => {
  it('a users file with mistakes: every one by line and column, and nothing is changed on the server', async () => {
    const bad = `users:
  - name: carla
    password: c
    role: boss
  - name: _dan
    password: d
  - name: erin
    passwordEnv: CLOSER_TEST_UNSET_PASSWORD
  - name: carla
    password: c
    pasword: typo
`;
    const result = await setUp(couch, dir, bad);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('users.yaml:4:11 error users.0.role: ');
    expect(result.stderr).toContain('users.yaml:5:11 error users.1.name: a CouchDB user name may not start with "_"');
    expect(result.stderr).toContain('users.yaml:11:5 error users.3.pasword: unknown key "pasword"');
    expect(result.stderr).toContain('nothing was changed on the server');
    const user = await fetch(`${couch.url}/_users/org.couchdb.user:carla`, { headers: basic(couch.admin.user, couch.admin.password) });
    expect(user.status).toBe(404);
  });

  it('a password variable that is not set, and a name listed twice', async () => {
    const result = await setUp(couch, dir, `users:\n  - name: erin\n    passwordEnv: CLOSER_TEST_UNSET_PASSWORD\n  - name: fay\n    password: f\n  - name: fay\n    password: g\n`);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('users.yaml:3:18 error users.0.passwordEnv: the environment variable CLOSER_TEST_UNSET_PASSWORD is not set');
    expect(result.stderr).toContain('users.yaml:6:11 error users.2.name: "fay" is listed twice');
  });

  it('not YAML, or not a list of users', async () => {
    expect((await setUp(couch, dir, 'users: [name: a\n')).stderr).toMatch(/users\.yaml:\d+:\d+ error not valid YAML/);
    expect((await setUp(couch, dir, 'people: []\n')).stderr).toContain('users.yaml:1:1 error');
  });

  it("a wrong admin password, or a user who is not the server's admin", async () => {
    writeFileSync(path.join(dir, 'users.yaml'), USERS_FILE);
    const wrong = await closer(['team', 'setup', '--couch', couch.url, '--admin', 'admin:not-it', '--users', 'users.yaml'], dir);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`closer team setup: the server at ${couch.url} refused the user name or password of "admin" (401 unauthorized)`);
    const notAdmin = await closer(['team', 'setup', '--couch', couch.url, '--admin', `alice:${PASSWORDS.alice}`, '--users', 'users.yaml'], dir);
    expect(notAdmin.code).toBe(1);
    expect(notAdmin.stderr).toContain('"alice" is not an admin of the server');
  });

  it('usage mistakes exit 2 with the reason', async () => {
    expect((await closer(['team'], dir)).stderr).toContain('give the subcommand: closer team setup');
    expect((await closer(['team', 'setup', '--couch', couch.url, '--admin', 'admin', '--users', 'users.yaml'], dir)).stderr).toContain('--admin wants USER:PASS');
    const name = await closer(['team', 'setup', '--couch', couch.url, '--admin', 'a:b', '--users', 'users.yaml', '--team-db', 'Team'], dir);
    expect(name.code).toBe(2);
    expect(name.stderr).toContain('--team-db "Team" is not a CouchDB database name');
    const missing = await closer(['team', 'setup', '--couch', couch.url, '--admin', 'a:b', '--users', 'no-such.yaml'], dir);
    expect(missing.stderr).toContain('no such file or folder (ENOENT)');
  });
});
