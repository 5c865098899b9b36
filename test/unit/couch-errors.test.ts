// Every way reading the team database can fail is said in plain words, exits 1 and leaves no half
// file: a server that is not there, a wrong password, no such database, the server's own URL
// instead of a database's (all on the real CouchDB-protocol server), and a 403, a 500 or garbage
// (from a tiny HTTP server here, since pouchdb-server does not answer so; CouchDB 3 answers a
// non-member's read with that very 403).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchClient } from '../../shared/node/couch/http.ts';
import { startCouchServer, type CouchServer } from '../helpers/couch-server.ts';
import { closer, PASSWORDS, setUp, tempDir } from './couch-fixtures.ts';

let couch: CouchServer;
const dir = tempDir();
const lead = ['--user', 'lin', '--password', PASSWORDS.lin];

beforeAll(async () => {
  couch = await startCouchServer();
  expect((await setUp(couch, dir)).code).toBe(0);
}, 60_000);
afterAll(async () => couch?.stop());

/** A server that answers every request with the given status and body. */
async function standIn(status: number, body: string, type = 'application/json'): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(status, { 'content-type': type });
    response.end(body);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, close: () => new Promise((done) => server.close(() => done())) };
}

/** Runs report --couch and cases pull on the URL; both must fail with the same message. */
async function bothFail(url: string, credentials = lead): Promise<string> {
  const report = await closer(['report', '--couch', url, ...credentials], dir);
  expect(report.code).toBe(1);
  expect(report.stdout).toBe('');
  const pull = await closer(['cases', 'pull', '--couch', url, '-o', 'pulled.jsonl', ...credentials], dir);
  expect(pull.code).toBe(1);
  expect(pull.stderr.replace('closer cases pull: ', '')).toBe(report.stderr.replace('closer report: ', ''));
  // Nothing half-written is left behind.
  expect(readdirSync(dir).filter((name) => name.includes('.partial'))).toEqual([]);
  return report.stderr;
}

describe('reading the team database fails in plain words', () => {
  it('a server that is not running', async () => {
    const down = await startCouchServer();
    const url = `${down.url}/closer-team`;
    await down.stop();
    expect(await bothFail(url)).toBe(`closer report: cannot reach the CouchDB server at ${down.url}: the connection was refused: is CouchDB running, and are the host and port right?\n`);
  });

  it('a wrong password, and no credentials on a server that wants them', async () => {
    expect(await bothFail(`${couch.url}/closer-team`, ['--user', 'lin', '--password', 'wrong'])).toContain(`the server at ${couch.url} refused the user name or password of "lin" (401 unauthorized)`);
    expect(await bothFail(`${couch.url}/closer-team`, [])).toContain('wants a user name and password (401 unauthorized); give --user and --password');
  });

  it('a user name without its password', async () => {
    expect(await bothFail(`${couch.url}/closer-team`, ['--user', 'lin'])).toContain('no password for "lin": give --password (or set CLOSER_COUCH_PASSWORD)');
  });

  it('no such database, or the server instead of a database', async () => {
    expect(await bothFail(`${couch.url}/closer-teem`)).toContain(`there is no database "closer-teem" at ${couch.url}/closer-teem (404)`);
    expect(await bothFail(couch.url)).toContain(`${couch.url} names the server but no database; add the database to the URL, e.g. ${couch.url}/closer-team`);
  });

  it('a URL that is not one', async () => {
    expect(await bothFail('couch.example.com/closer-team')).toContain('"couch.example.com/closer-team" is not a URL');
  });

  it('403 forbidden, with the reason the server gives', async () => {
    const server = await standIn(403, JSON.stringify({ error: 'forbidden', reason: 'You are not allowed to access this db.' }));
    try {
      expect(await bothFail(`${server.url}/closer-team`)).toBe(`closer report: "lin" may not GET /closer-team on ${server.url} (403 forbidden) (the server says: You are not allowed to access this db.)\n`);
    } finally {
      await server.close();
    }
  });

  it('a 500', async () => {
    const server = await standIn(500, JSON.stringify({ error: 'unknown_error', reason: 'function_clause' }));
    try {
      expect(await bothFail(`${server.url}/closer-team`)).toBe(`closer report: the server at ${server.url} failed GET /closer-team with 500 Internal Server Error: function_clause\n`);
    } finally {
      await server.close();
    }
  });

  it('garbage instead of JSON, and JSON that is not a database', async () => {
    const html = await standIn(200, '<html><body>Welcome to nginx!</body></html>', 'text/html');
    const odd = await standIn(200, JSON.stringify({ db_name: 'closer-team', rows: 'none' }));
    try {
      expect(await bothFail(`${html.url}/closer-team`)).toContain(`the server at ${html.url} did not answer GET /closer-team with JSON (it sent "<html><body>Welcome to nginx!</body></html>"); is this a CouchDB server?`);
      expect(await bothFail(`${odd.url}/closer-team`)).toContain("the server's answer to _all_docs has no list of rows; is the URL a CouchDB database?");
    } finally {
      await html.close();
      await odd.close();
    }
  });

  it('a server that takes the connection and never answers: given up after the time limit', async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((ready) => silent.listen(0, '127.0.0.1', ready));
    const url = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
    try {
      const client = couchClient(`${url}/closer-team`, undefined, { timeLimitMs: 300 });
      await expect(client.request('GET', '')).rejects.toThrow(`the server at ${url} did not answer within 0.3 s`);
    } finally {
      silent.closeAllConnections();
      await new Promise((done) => silent.close(done));
    }
  });

  it('a pull into a folder that does not exist', async () => {
    const result = await closer(['cases', 'pull', '--couch', `${couch.url}/closer-team`, '-o', 'no-such-folder/team.jsonl', ...lead], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('closer cases pull: cannot write no-such-folder/team.jsonl: no such file or folder (ENOENT)\n');
  });

  it('a failed pull keeps the file that was there', async () => {
    writeFileSync(path.join(dir, 'kept.jsonl'), 'the earlier pull\n');
    const result = await closer(['cases', 'pull', '--couch', `${couch.url}/closer-teem`, '-o', 'kept.jsonl', ...lead], dir);
    expect(result.code).toBe(1);
    expect(readFileSync(path.join(dir, 'kept.jsonl'), 'utf8')).toBe('the earlier pull\n');
    expect(existsSync(path.join(dir, 'pulled.jsonl'))).toBe(false);
  });

  it('usage mistakes exit 2', async () => {
    const both = await closer(['report', 'a.jsonl', '--couch', couch.url], dir);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give case files or --couch URL, not both');
    expect((await closer(['cases', 'pull', '--couch', couch.url], dir)).stderr).toContain('give the file to write with -o FILE');
    expect((await closer(['cases', 'push'], dir)).stderr).toContain('unknown subcommand "push"; the only one is "pull"');
  });
});
