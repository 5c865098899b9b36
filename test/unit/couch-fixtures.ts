// A team on the real CouchDB-protocol test server, for the couch-* tests: its users file, the CLI
// run in-process, and plain HTTP as each user, the way a browser's replication writes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { caseDocument, type Case } from '@closer/shared';
import { runCli, type Io } from '@closer/shared/node';
import type { CouchServer } from '../helpers/couch-server.ts';

export const PASSWORDS = { alice: 'alice-secret', bo: 'bo-secret', lin: 'lin-secret' } as const;

export const USERS_FILE = `# the team of the couch tests
users:
  - name: alice
    password: ${PASSWORDS.alice}
  - name: bo
    password: ${PASSWORDS.bo}
  - name: lin
    password: ${PASSWORDS.lin}
    role: lead
`;

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'closer-couch-test-'));
}

/** The CLI in-process, its output collected. */
export async function closer(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), lines: async function* () {}, cwd };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** `closer team setup` on the server with the given users file (the three users above by default). */
export async function setUp(couch: CouchServer, dir: string, users = USERS_FILE, extra: string[] = []) {
  writeFileSync(path.join(dir, 'users.yaml'), users);
  return closer(['team', 'setup', '--couch', couch.url, '--admin', `${couch.admin.user}:${couch.admin.password}`, '--users', 'users.yaml', ...extra], dir);
}

export function basic(user: string, password: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`, 'content-type': 'application/json' };
}

/** Writes cases into a database as `user`, as the browser's replication does (_bulk_docs); the answer per document. */
export async function push(couch: CouchServer, database: string, user: keyof typeof PASSWORDS, cases: readonly Case[]): Promise<{ id: string; error?: string; reason?: string }[]> {
  const response = await fetch(`${couch.url}/${database}/_bulk_docs`, { method: 'POST', headers: basic(user, PASSWORDS[user]), body: JSON.stringify({ docs: cases.map(caseDocument) }) });
  if (response.status !== 201) throw new Error(`_bulk_docs answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { id: string; error?: string; reason?: string }[];
}

/** The ids of the team database's documents, as the admin sees them (design documents aside). */
export async function teamIds(couch: CouchServer, database = 'closer-team'): Promise<string[]> {
  const response = await fetch(`${couch.url}/${database}/_all_docs`, { headers: basic(couch.admin.user, couch.admin.password) });
  const { rows } = (await response.json()) as { rows: { id: string }[] };
  return rows.map((row) => row.id).filter((id) => !id.startsWith('_design/'));
}

/** Waits until the server's replications have brought `ids` into the team database (they are continuous, not instant). */
export async function untilReplicated(couch: CouchServer, ids: readonly string[], database = 'closer-team'): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const present = new Set(await teamIds(couch, database));
    if (ids.every((id) => present.has(id))) return;
    if (Date.now() > deadline) throw new Error(`not replicated into ${database} within 15 s: ${ids.filter((id) => !present.has(id)).join(', ')}`);
    await new Promise((wait) => setTimeout(wait, 200));
  }
}
