// What the team-sync tests share: asking the worker from an extension page, cases made in bulk,
// and a team server prepared the way `closer team setup` leaves CouchDB (a user, their database
// userdb-<hex of the name> with them as its member, and a validate_doc_update refusing a case
// whose salesperson is not the writer), done here with plain HTTP against pouchdb-server.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { caseDocument, type Case } from '@closer/shared';
import type { TeamView } from '../../extension-browser/src/requests.ts';
import { launch, waitFor, type Session } from './harness.ts';

/** An extension page to send messages to the worker from (the panel, on no chat tab). */
export async function extensionPage(session: Session): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/panel.html?tabId=-1`);
  return page;
}

/** Sends one request to the worker and returns its result; throws with the worker's reason. */
export async function ask<T = unknown>(page: Page, message: object): Promise<T> {
  const envelope = (await page.evaluate(
    (body) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(body),
    message,
  )) as { ok: boolean; result?: T; error?: string };
  if (!envelope.ok) throw new Error(`worker refused ${JSON.stringify(message).slice(0, 80)}: ${envelope.error}`);
  return envelope.result as T;
}

/** The status line's data, as the worker answers team-get. */
export type TeamStatus = TeamView['status'];

export async function teamStatus(page: Page): Promise<TeamStatus> {
  return (await ask<{ status: TeamStatus }>(page, { type: 'team-get' })).status;
}

/** Records a case per conversation key through the worker, as the Cases view's edits do. */
export async function logCases(page: Page, prefix: string, count: number, notes = 'logged'): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const record = await ask<Case>(page, { type: 'case-update', conversationKey: `${prefix}/chat-${index}`, change: { notes: `${notes} ${index}` } });
    ids.push(record.id);
  }
  return ids;
}

/** The hex of a user name's UTF-8 bytes, as CouchDB's couch_peruser names their database. */
export function userDbName(user: string): string {
  return `userdb-${Buffer.from(user, 'utf8').toString('hex')}`;
}

async function call(url: string, method: string, body?: unknown): Promise<{ status: number; json: any }> {
  const parsed = new URL(url);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (parsed.username) headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`).toString('base64')}`;
  parsed.username = '';
  parsed.password = '';
  const response = await fetch(parsed, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json };
}

/** The validation `closer team setup` installs, in the same spirit: only your own cases. */
const VALIDATE = `function (newDoc, oldDoc, userCtx) {
  if (userCtx.roles.indexOf('_admin') !== -1) return;
  var owner = newDoc.salesperson !== undefined ? newDoc.salesperson : (oldDoc && oldDoc.salesperson);
  if (owner !== userCtx.name) throw({ forbidden: 'case ' + newDoc._id + ' is ' + owner + "'s, not " + userCtx.name + "'s" });
}`;

/**
 * Creates a user with their database (member: them) and the validation, on the server at adminUrl.
 * `validation: false` leaves the validation out: pouchdb-server's validation plugin replaces the
 * _revisions of a replicated update (new_edits=false) with the stored document's, so it silently
 * drops every later revision of an existing case (pouchdb-validation 4.2's validate(); CouchDB 3
 * keeps them). Tests that replicate edits of a case use a database without it.
 */
export async function prepareUser(adminUrl: string, user: string, password: string, options: { validation?: boolean } = {}): Promise<string> {
  const made = await call(`${adminUrl}/_users/org.couchdb.user:${encodeURIComponent(user)}`, 'PUT', { name: user, password, roles: [], type: 'user' });
  if (made.status >= 300 && made.status !== 409) throw new Error(`creating user ${user}: ${made.status} ${JSON.stringify(made.json)}`);
  const db = userDbName(user);
  const created = await call(`${adminUrl}/${db}`, 'PUT');
  if (created.status >= 300 && created.status !== 412) throw new Error(`creating ${db}: ${created.status} ${JSON.stringify(created.json)}`);
  await call(`${adminUrl}/${db}/_security`, 'PUT', { admins: { names: [], roles: [] }, members: { names: [user], roles: [] } });
  if (options.validation === false) return db;
  const design = await call(`${adminUrl}/${db}/_design/closer`, 'GET');
  const put = await call(`${adminUrl}/${db}/_design/closer`, 'PUT', { ...(design.status === 200 ? { _rev: design.json._rev } : {}), validate_doc_update: VALIDATE });
  if (put.status >= 300) throw new Error(`validation on ${db}: ${put.status} ${JSON.stringify(put.json)}`);
  return db;
}

/** The case documents on the server (design documents left out), with their conflicts. */
export async function serverCases(adminUrl: string, db: string): Promise<(Case & { _id: string; _rev: string; _conflicts?: string[] })[]> {
  const all = await call(`${adminUrl}/${db}/_all_docs?include_docs=true&conflicts=true`, 'GET');
  if (all.status !== 200) throw new Error(`reading ${db}: ${all.status} ${JSON.stringify(all.json)}`);
  return (all.json.rows as { id: string; doc: Case & { _id: string; _rev: string } }[]).filter((row) => !row.id.startsWith('_')).map((row) => row.doc);
}

export async function serverGet(adminUrl: string, path: string): Promise<{ status: number; json: any }> {
  return call(`${adminUrl}/${path}`, 'GET');
}

export type ProxyMode = 'pass' | 'down' | 'error500' | 'garbage';

export interface Proxy {
  url: string;
  mode: ProxyMode;
  /** Each request waits this long before it is passed on (a slow network). */
  delayMs: number;
  /** Requests that reached the proxy, in order (method and path). */
  requests: string[];
  /** For each _revs_diff request, the cases it asked about (a replication's batch after its checkpoint). */
  revsDiffIds: string[][];
  close(): Promise<void>;
}

/**
 * A small HTTP proxy in front of the team server that can be switched to fail: refuse
 * connections ('down' closes each socket at once), answer 500, or answer garbage with 200.
 */
export async function startProxy(target: string): Promise<Proxy> {
  const upstream = new URL(target);
  const proxy: Proxy = { url: '', mode: 'pass', delayMs: 0, requests: [], revsDiffIds: [], close: async () => {} };
  const server: Server = createServer(async (incoming: IncomingMessage, outgoing) => {
    proxy.requests.push(`${incoming.method} ${incoming.url}`);
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (incoming.url?.includes('/_revs_diff')) {
      try {
        proxy.revsDiffIds.push(Object.keys(JSON.parse(body.toString('utf8')) as object));
      } catch {
        proxy.revsDiffIds.push([]);
      }
    }
    if (proxy.delayMs > 0) await new Promise((wait) => setTimeout(wait, proxy.delayMs));
    if (proxy.mode === 'down') return void incoming.socket.destroy();
    if (proxy.mode === 'error500') return void outgoing.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"internal_server_error","reason":"the test proxy fails on purpose"}');
    if (proxy.mode === 'garbage') return void outgoing.writeHead(200, { 'content-type': 'application/json' }).end('<html>this is not CouchDB');
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forward.on('error', () => outgoing.headersSent ? outgoing.destroy() : outgoing.writeHead(502).end());
    forward.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port');
  proxy.url = `http://127.0.0.1:${address.port}`;
  proxy.close = () => new Promise<void>((done) => {
    server.closeAllConnections();
    server.close(() => done());
  });
  return proxy;
}

/** Turns team sync on through the worker (what Settings → Team's Save sends after the permission prompt). */
export async function setUpTeam(page: Page, url: string, user: string, secret: string): Promise<TeamStatus> {
  return (await ask<{ status: TeamStatus }>(page, { type: 'team-set', url, user, secret, secretKind: 'password', enabled: true })).status;
}

/** Asks for a sync now and waits until it has finished; returns the status after it. */
export async function syncNow(page: Page): Promise<TeamStatus> {
  return (await ask<{ status: TeamStatus }>(page, { type: 'team-sync-now' })).status;
}

export async function waitForStatus(page: Page, check: (status: TeamStatus) => boolean, what: string, timeoutMs = 30_000): Promise<TeamStatus> {
  return waitFor(async () => {
    const status = await teamStatus(page);
    return check(status) ? status : undefined;
  }, what, timeoutMs);
}

/**
 * Browsers of one salesperson, each with its own profile and its own switchable proxy to the
 * server, set up for team sync and synced once; close() ends them all.
 */
export function salespersonBrowsers(serverUrl: () => string, user: string, password: string, name: string) {
  const proxies: Proxy[] = [];
  const sessions: Session[] = [];
  const profiles: string[] = [];
  return {
    async open(): Promise<{ page: Page; proxy: Proxy }> {
      const proxy = await startProxy(serverUrl());
      proxies.push(proxy);
      const profileDir = mkdtempSync(join(tmpdir(), `closer-${name}-`));
      profiles.push(profileDir);
      const session = await launch({ chatPages: false, profileDir });
      sessions.push(session);
      const page = await extensionPage(session);
      await setUpTeam(page, proxy.url, user, password);
      await waitForStatus(page, (status) => !status.running && status.lastSync !== undefined, 'the first sync');
      return { page, proxy };
    },
    async close(): Promise<void> {
      for (const session of sessions) await session.close();
      for (const proxy of proxies) await proxy.close();
      for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The case with that id as this browser's worker has it. */
export async function caseIn(page: Page, id: string): Promise<Case> {
  const { cases } = await ask<{ cases: Case[] }>(page, { type: 'cases-list' });
  const found = cases.find((record) => record.id === id);
  if (!found) throw new Error(`case ${id} is not in this browser`);
  return found;
}

/** Writes a case into a salesperson's database on the server as the admin, as their other browser's sync would. */
export async function putCaseOnServer(couch: { url: string; admin: { user: string; password: string } }, db: string, record: Case): Promise<void> {
  const auth = `Basic ${Buffer.from(`${couch.admin.user}:${couch.admin.password}`).toString('base64')}`;
  const response = await fetch(`${couch.url}/${db}/${encodeURIComponent(record.id)}`, {
    method: 'PUT', headers: { 'content-type': 'application/json', authorization: auth }, body: JSON.stringify(caseDocument(record)),
  });
  if (!response.ok) throw new Error(`putting ${record.id} on the server: ${response.status} ${await response.text()}`);
}
