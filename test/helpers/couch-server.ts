import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// A real CouchDB-protocol server for the sync tests: pouchdb-server from the npm registry, in
// memory, on 127.0.0.1. It writes config.json and log.txt into its working folder, so it runs in
// a temporary folder, in its own process group, which stop() ends as a whole.
//
// Known differences from Apache CouchDB 3 (checked by hand with pouchdb-server 4.2.0), so that no
// test relies on them: it does not enforce a database's _security members on reads, and an
// anonymous PUT of a new database after an admin exists crashes the server process; with a
// validate_doc_update installed, its validation drops replicated edits of existing documents (it
// rewrites their _revisions), so a test of replicated conflicts runs without one. _users,
// _session, _security writes, validate_doc_update, _bulk_docs, _changes, _local checkpoints and
// the _replicator database behave as CouchDB's.

const bin = resolve(import.meta.dirname, '../../node_modules/.bin/pouchdb-server');

export interface CouchServer {
  /** e.g. http://127.0.0.1:5984 (no trailing slash). */
  url: string;
  port: number;
  /** Admin credentials, as "user:password" (the server starts in admin party; the harness creates this admin). */
  admin: { user: string; password: string };
  /** The same URL with the admin's credentials in it, for direct HTTP setup calls. */
  adminUrl: string;
  /** Stops the server and deletes its folder (also the "server down" fault: start another on the same port). */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`pouchdb-server did not answer on ${url} within 30 s:\n${log()}`);
}

/** Starts pouchdb-server in memory on a free port (or the given one) with an admin user. */
export async function startCouchServer(options: { port?: number; admin?: { user: string; password: string } } = {}): Promise<CouchServer> {
  const port = options.port ?? (await freePort());
  const admin = options.admin ?? { user: 'admin', password: 'admin-secret' };
  const folder = mkdtempSync(join(tmpdir(), 'closer-couch-'));
  const child = spawn(bin, ['--in-memory', '--host', '127.0.0.1', '--port', String(port)], { cwd: folder, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
  child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((done) => child.once('exit', done));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await Promise.race([exited, new Promise((wait) => setTimeout(wait, 3000))]);
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(url, child, () => output);
    // Leave admin party: from here on, only the admin may create databases and design documents.
    const created = await fetch(`${url}/_config/admins/${encodeURIComponent(admin.user)}`, { method: 'PUT', body: JSON.stringify(admin.password) });
    if (!created.ok) throw new Error(`creating the admin failed: ${created.status} ${await created.text()}`);
  } catch (error) {
    await stop();
    throw error;
  }
  const adminUrl = `http://${encodeURIComponent(admin.user)}:${encodeURIComponent(admin.password)}@127.0.0.1:${port}`;
  return { url, port, admin, adminUrl, stop };
}
