// The lead reads the team's cases straight from CouchDB: salespeople push cases into their own
// databases on the real CouchDB-protocol server, the server replicates them into the team
// database, and `closer report --couch` must print exactly what `closer report` prints over the
// same cases pulled (`closer cases pull`) or exported as JSON Lines.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userDatabaseName, writeCases, type Case } from '@closer/shared';
import { startCouchServer, type CouchServer } from '../helpers/couch-server.ts';
import { at, inserted, makeCase, message, step } from './cases-fixtures.ts';
import { basic, closer, PASSWORDS, push, setUp, tempDir, untilReplicated } from './couch-fixtures.ts';

let couch: CouchServer;
let team: string;
const dir = tempDir();
const lead = ['--user', 'lin', '--password', PASSWORDS.lin];

const alices: Case[] = [
  makeCase({ salesperson: 'alice', outcome: 'won', amount: 800, product: '面霜', closedAt: at(120), updatedAt: at(120), timeline: [message(1, 'price'), step(1, 'consider'), inserted(2, 'shop-price-value')] }),
  makeCase({ salesperson: 'alice', outcome: 'lost', lossReason: 'rival', closedAt: at(60), updatedAt: at(60), timeline: [message(1, 'comparison'), inserted(2, 'shop-hello')] }),
  makeCase({ salesperson: 'alice', createdAt: at(5), updatedAt: at(6), timeline: [message(5, 'hesitation')] }),
];
const bos: Case[] = [
  makeCase({ salesperson: 'bo', outcome: 'won', amount: 200, closedAt: at(30), updatedAt: at(30), timeline: [message(1, 'price'), inserted(2, 'shop-price-value')] }),
  makeCase({ salesperson: 'bo', outcome: 'lost', lossReason: 'price', createdAt: at(200), closedAt: at(900), updatedAt: at(900), timeline: [message(201, 'price'), step(202, 'ask_close'), inserted(203, 'shop-hello')] }),
];
const everyId = [...alices, ...bos].map((record) => record.id);

beforeAll(async () => {
  couch = await startCouchServer();
  team = `${couch.url}/closer-team`;
  expect((await setUp(couch, dir)).code).toBe(0);
  await push(couch, userDatabaseName('alice'), 'alice', alices);
  await push(couch, userDatabaseName('bo'), 'bo', bos);
  await untilReplicated(couch, everyId);
}, 60_000);
afterAll(async () => couch?.stop());

/** The --json figures without the line that says where they were read from (files: N, database: name). */
function figuresOf(stdout: string): string {
  const { files: _files, database: _database, ...figures } = JSON.parse(stdout) as Record<string, unknown>;
  return JSON.stringify(figures, null, 2);
}

describe('closer report --couch', () => {
  it('prints byte for byte what closer report prints over the pulled file and over the exported files', async () => {
    const pulled = await closer(['cases', 'pull', '--couch', team, '-o', 'team.jsonl', ...lead], dir);
    expect(pulled.stderr).toBe('5 case(s) from closer-team written to team.jsonl\n');
    expect(pulled.code).toBe(0);
    writeFileSync(path.join(dir, 'alice.jsonl'), writeCases(alices));
    writeFileSync(path.join(dir, 'bo.jsonl'), writeCases(bos));

    const fromCouch = await closer(['report', '--couch', team, ...lead], dir);
    const fromPull = await closer(['report', 'team.jsonl'], dir);
    const fromExports = await closer(['report', 'alice.jsonl', 'bo.jsonl'], dir);
    expect(fromCouch.code).toBe(0);
    expect(fromCouch.stdout).toContain('5 case(s) created 2026-11-01 to 2026-11-01: 2 won, 2 lost, 1 open');
    expect(fromCouch.stdout).toBe(fromPull.stdout);
    expect(fromCouch.stdout).toBe(fromExports.stdout);
    expect(fromCouch.stderr).toBe('database closer-team: 5 document(s), 5 case(s), 0 bad document(s)\n');

    const jsonCouch = await closer(['report', '--json', '--couch', team, ...lead], dir);
    const jsonPull = await closer(['report', '--json', 'team.jsonl'], dir);
    expect(JSON.parse(jsonCouch.stdout)).toMatchObject({ database: 'closer-team', problems: [], totals: { cases: 5, won: 2, lost: 2, amountWon: 1000 } });
    expect(figuresOf(jsonCouch.stdout)).toBe(figuresOf(jsonPull.stdout));
  });

  it('applies the same filters as over files', async () => {
    const fromCouch = await closer(['report', '--json', '--salesperson', 'bo', '--couch', team, ...lead], dir);
    const fromPull = await closer(['report', '--json', '--salesperson', 'bo', 'team.jsonl'], dir);
    expect(JSON.parse(fromCouch.stdout).totals).toMatchObject({ cases: 2, won: 1, lost: 1 });
    expect(figuresOf(fromCouch.stdout)).toBe(figuresOf(fromPull.stdout));
    expect(fromCouch.stderr).toContain('5 case(s), 2 after filters');
  });

  it('gives the follow-ups per salesperson under the plan of the playbooks, as over the pulled file', async () => {
    const args = ['--followups', '--tz', 'Asia/Shanghai'];
    const fromCouch = await closer(['report', ...args, '--couch', team, ...lead], dir);
    const fromPull = await closer(['report', ...args, 'team.jsonl'], dir);
    expect(fromCouch.code).toBe(0);
    expect(fromCouch.stdout).toContain('Follow-ups per salesperson');
    expect(fromCouch.stdout).toBe(fromPull.stdout);
    const json = await closer(['report', '--json', ...args, '--couch', team, ...lead], dir);
    const jsonPull = await closer(['report', '--json', ...args, 'team.jsonl'], dir);
    expect(JSON.parse(json.stdout).followups).toEqual(JSON.parse(jsonPull.stdout).followups);
    expect(figuresOf(json.stdout)).toBe(figuresOf(jsonPull.stdout));
  });

  it('takes the credentials from the environment or from the URL', async () => {
    const expected = (await closer(['report', '--couch', team, ...lead], dir)).stdout;
    process.env.CLOSER_COUCH_USER = 'lin';
    process.env.CLOSER_COUCH_PASSWORD = PASSWORDS.lin;
    try {
      expect((await closer(['report', '--couch', team], dir)).stdout).toBe(expected);
    } finally {
      delete process.env.CLOSER_COUCH_USER;
      delete process.env.CLOSER_COUCH_PASSWORD;
    }
    const inUrl = team.replace('http://', `http://lin:${PASSWORDS.lin}@`);
    expect((await closer(['report', '--couch', inUrl], dir)).stdout).toBe(expected);
  });
});

describe('documents that are not good cases', () => {
  const admin = () => basic(couch.admin.user, couch.admin.password);
  const broken = makeCase({ salesperson: 'alice' });
  const conflicted = makeCase({ salesperson: 'bo', createdAt: at(300), updatedAt: at(301), timeline: [message(300, 'doubt')] });

  beforeAll(async () => {
    // Written straight into the team database by the admin, as a damaged replica or a hand edit would be.
    await fetch(`${team}/not-a-case`, { method: 'PUT', headers: admin(), body: JSON.stringify({ hello: 'world' }) });
    await fetch(`${team}/${broken.id}`, { method: 'PUT', headers: admin(), body: JSON.stringify({ ...broken, outcome: 'maybe' }) });
    // Two browsers of bo edited the same case offline: CouchDB keeps both revisions, one of them in conflict.
    const open = { ...conflicted, _id: conflicted.id, _rev: '1-aaaa' };
    const won = { ...conflicted, _id: conflicted.id, _rev: '1-bbbb', outcome: 'won', amount: 50, closedAt: at(400), updatedAt: at(400), timeline: [message(300, 'doubt'), inserted(399, 'shop-hello')] };
    const answer = await fetch(`${team}/_bulk_docs`, { method: 'POST', headers: admin(), body: JSON.stringify({ docs: [open, won], new_edits: false }) });
    expect(answer.status).toBe(201);
  });

  it('names each bad document by id and what is wrong, and still counts the others', async () => {
    const result = await closer(['report', '--json', '--couch', team, ...lead], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^closer-team\/not-a-case: error not a valid case \(case not-a-case\): at \w+: /m);
    expect(result.stderr).toContain(`closer-team/${broken.id}: error not a valid case (case ${broken.id}): at outcome: `);
    expect(result.stderr).toMatch(/the document is skipped/);
    expect(result.stderr).toContain('2 bad document(s)');
    // The five good cases and the conflicted one, its two revisions merged: the newest (won) wins.
    expect(JSON.parse(result.stdout).totals).toMatchObject({ cases: 6, won: 3, lost: 2, open: 1, amountWon: 1050 });
  });

  it('cases pull writes every revision of a case in conflict and leaves the bad documents out, with the same figures', async () => {
    const pulled = await closer(['cases', 'pull', '--couch', team, '-o', 'with-conflict.jsonl', ...lead], dir);
    expect(pulled.code).toBe(1);
    expect(pulled.stderr).toContain('7 case(s) from closer-team written to with-conflict.jsonl; 2 bad document(s) left out');
    const lines = readFileSync(path.join(dir, 'with-conflict.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Case);
    expect(lines.filter((record) => record.id === conflicted.id).map((record) => record.outcome).sort()).toEqual(['open', 'won']);
    expect(lines.every((record) => !Object.keys(record).some((key) => key.startsWith('_')))).toBe(true);
    const fromCouch = await closer(['report', '--couch', team, ...lead], dir);
    const fromPull = await closer(['report', 'with-conflict.jsonl'], dir);
    expect(fromCouch.stdout).toBe(fromPull.stdout);
  });
});

describe('a case written by an older Closer', () => {
  const old = makeCase({ salesperson: 'bo', outcome: 'won', amount: 70, createdAt: at(500), closedAt: at(520), updatedAt: at(520), timeline: [message(500, 'price')] });
  const { tags: _tags, followups: _followups, ...fields } = old as Case & { tags?: unknown; followups?: unknown };

  beforeAll(async () => {
    // As an extension from before the case format's version 2 replicated it: no tags, no follow-ups.
    const response = await fetch(`${team}/${old.id}`, { method: 'PUT', headers: basic(couch.admin.user, couch.admin.password), body: JSON.stringify({ ...fields, version: 1 }) });
    expect(response.status).toBe(201);
  });

  it('is read as the current version by report --couch and by cases pull, and counted', async () => {
    const before = JSON.parse((await closer(['report', '--json', 'with-conflict.jsonl'], dir)).stdout) as { totals: { cases: number; amountWon: number } };
    const report = JSON.parse((await closer(['report', '--json', '--couch', team, ...lead], dir)).stdout) as { totals: { cases: number; amountWon: number }; problems: unknown[] };
    expect(report.totals.cases).toBe(before.totals.cases + 1);
    expect(report.totals.amountWon).toBe(before.totals.amountWon + 70);
    expect(report.problems).toHaveLength(2);
    await closer(['cases', 'pull', '--couch', team, '-o', 'upgraded.jsonl', ...lead], dir);
    const pulled = readFileSync(path.join(dir, 'upgraded.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Case);
    expect(pulled.find((record) => record.id === old.id)).toEqual(old);
  });
});
