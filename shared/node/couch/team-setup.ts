// What `closer team setup` does on the team's CouchDB, step by step. Each step reads what is
// there first and writes only what differs, so a second run changes nothing and says so; nothing
// is ever deleted (a user left out of the file keeps their account and database).
//
// The layout (see the README's "A team's CouchDB"):
//   _users                      one user per salesperson and lead; leads have the role "lead"
//   userdb-<hex of the name>    each user's own cases (couch_peruser's naming); the user is a
//                               member, not an admin, so they cannot replace the validation
//   <team database>             every user database replicated into it; leads read it
//   _replicator                 one continuous replication per user database, run as the admin
import { userDatabaseName } from '../../src/index.ts';
import { couchClient, CouchError, joinUrl, type CouchClient, type Credentials } from './http.ts';
import type { TeamUser } from './users-file.ts';
import { IS_CASE_DOCUMENT, VALIDATE_CASE_OWNER, VALIDATE_TEAM_WRITE } from './validate.ts';

export const DEFAULT_TEAM_DATABASE = 'closer-team';
export const DESIGN_ID = '_design/closer';
export const LEAD_ROLE = 'lead';

export type SetupAction = 'created' | 'updated' | 'unchanged';

export interface SetupStep {
  action: SetupAction;
  /** What the step is about, e.g. `database userdb-616c696365` or `replication userdb-616c696365 → closer-team`. */
  what: string;
  /** What was changed, when something was. */
  detail?: string;
}

export interface TeamSetupOptions {
  /** The server as the admin reaches it. */
  server: string;
  admin: Credentials;
  users: readonly TeamUser[];
  teamDatabase: string;
  /** The server's address as the server itself reaches it, for its replications (default: `server`). */
  replicationServer?: string;
}

/** CouchDB's rule for database names: a lower-case letter, then lower-case letters, digits and _$()+-/. */
export const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

interface Security {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

/** Sets up (or checks) everything the team needs; `onStep` hears each step as it is done. */
export async function setUpTeam(options: TeamSetupOptions, onStep: (step: SetupStep) => void = () => {}): Promise<{ steps: SetupStep[]; warnings: string[] }> {
  const couch = couchClient(options.server, options.admin);
  const steps: SetupStep[] = [];
  const note = (step: SetupStep) => {
    steps.push(step);
    onStep(step);
  };
  const warnings: string[] = [];
  await checkAdmin(couch);
  if (await isPerUserEnabled(couch)) {
    warnings.push('couch_peruser is enabled on this server: CouchDB then makes each user an admin of their own database whenever their user document changes, and a database admin can replace the validation; set [couch_peruser] enable = false (closer team setup creates the databases itself) or run closer team setup again after any change to a user');
  }
  note(await ensureDatabase(couch, '_users'));
  note(await ensureDatabase(couch, '_replicator'));
  for (const user of options.users) note(await ensureUser(couch, options.server, user));

  const team = options.teamDatabase;
  note(await ensureDatabase(couch, team));
  note(await ensureDesign(couch, team, VALIDATE_TEAM_WRITE));
  note(await ensureSecurity(couch, team, { admins: { names: [], roles: [] }, members: { names: [], roles: [LEAD_ROLE] } }));

  const replicationServer = options.replicationServer ?? options.server;
  for (const user of options.users) {
    const database = userDatabaseName(user.name);
    note(await ensureDatabase(couch, database, `${user.name}'s cases`));
    note(await ensureDesign(couch, database, VALIDATE_CASE_OWNER, { cases: IS_CASE_DOCUMENT }));
    note(await ensureSecurity(couch, database, { admins: { names: [], roles: [] }, members: { names: [user.name], roles: [] } }));
    note(await ensureReplication(couch, database, team, replicationServer, options.admin));
  }
  return { steps, warnings };
}

async function checkAdmin(couch: CouchClient): Promise<void> {
  const { body } = await couch.request('GET', '/_session');
  const roles = (body as { userCtx?: { roles?: unknown } })?.userCtx?.roles;
  if (!Array.isArray(roles) || !roles.includes('_admin')) throw new CouchError(`"${couch.user}" is not an admin of the server at ${couch.url}; team setup needs a server admin (--admin USER:PASS)`);
}

/** CouchDB 3's setting; a server without it (pouchdb-server) or that hides it counts as off. */
async function isPerUserEnabled(couch: CouchClient): Promise<boolean> {
  try {
    const { status, body } = await couch.request('GET', '/_node/_local/_config/couch_peruser/enable', { allow: [400, 401, 403, 404, 405, 500] });
    return status === 200 && String(body) === 'true';
  } catch {
    return false;
  }
}

async function ensureDatabase(couch: CouchClient, name: string, purpose?: string): Promise<SetupStep> {
  const what = `database ${name}${purpose ? ` (${purpose})` : ''}`;
  const { status } = await couch.request('GET', `/${encodeURIComponent(name)}`, { allow: [404] });
  if (status !== 404) return { action: 'unchanged', what };
  // 412: created meanwhile, e.g. by couch_peruser as the user was created.
  const created = await couch.request('PUT', `/${encodeURIComponent(name)}`, { allow: [412] });
  return { action: created.status === 412 ? 'unchanged' : 'created', what };
}

async function ensureUser(couch: CouchClient, server: string, user: TeamUser): Promise<SetupStep> {
  const what = `user ${user.name}${user.lead ? ' (lead)' : ''}`;
  const path = `/_users/${encodeURIComponent(`org.couchdb.user:${user.name}`)}`;
  const { status, body } = await couch.request('GET', path, { allow: [404] });
  if (status === 404) {
    await couch.request('PUT', path, { body: { _id: `org.couchdb.user:${user.name}`, name: user.name, type: 'user', roles: user.lead ? [LEAD_ROLE] : [], password: user.password } });
    return { action: 'created', what };
  }
  const stored = body as Record<string, unknown> & { roles?: unknown };
  const roles = Array.isArray(stored.roles) ? stored.roles.filter((role): role is string => typeof role === 'string') : [];
  // Roles other than "lead" were given by someone else and are kept.
  const wanted = [...roles.filter((role) => role !== LEAD_ROLE), ...(user.lead ? [LEAD_ROLE] : [])];
  const rolesChanged = wanted.length !== roles.length || wanted.some((role) => !roles.includes(role));
  // The server keeps only a hash, so the password is checked by signing in with it.
  const passwordChanged = !(await isPassword(server, user));
  if (!rolesChanged && !passwordChanged) return { action: 'unchanged', what };
  await couch.request('PUT', path, { body: { ...stored, roles: wanted, ...(passwordChanged ? { password: user.password } : {}) } });
  return { action: 'updated', what, detail: [rolesChanged ? 'roles' : '', passwordChanged ? 'password' : ''].filter(Boolean).join(' and ') };
}

async function isPassword(server: string, user: TeamUser): Promise<boolean> {
  const { status, body } = await couchClient(server, { user: user.name, password: user.password }).request('GET', '/_session', { allow: [401] });
  return status === 200 && (body as { userCtx?: { name?: unknown } })?.userCtx?.name === user.name;
}

async function ensureDesign(couch: CouchClient, database: string, validate: string, filters?: Record<string, string>): Promise<SetupStep> {
  const what = `validation of ${database}`;
  const path = `/${encodeURIComponent(database)}/${DESIGN_ID}`;
  const { status, body } = await couch.request('GET', path, { allow: [404] });
  const stored = status === 404 ? undefined : (body as Record<string, unknown>);
  if (stored?.validate_doc_update === validate && JSON.stringify(stored?.filters) === JSON.stringify(filters)) return { action: 'unchanged', what };
  await couch.request('PUT', path, { body: { ...stored, _id: DESIGN_ID, language: 'javascript', validate_doc_update: validate, filters } });
  return { action: stored ? 'updated' : 'created', what };
}

async function ensureSecurity(couch: CouchClient, database: string, security: Security): Promise<SetupStep> {
  const what = `security of ${database}`;
  const path = `/${encodeURIComponent(database)}/_security`;
  const { body } = await couch.request('GET', path);
  const stored = normalSecurity(body);
  if (JSON.stringify(stored) === JSON.stringify(normalSecurity(security))) return { action: 'unchanged', what };
  await couch.request('PUT', path, { body: security });
  const empty = stored.members.names.length + stored.members.roles.length + stored.admins.names.length + stored.admins.roles.length === 0;
  return { action: empty ? 'created' : 'updated', what, detail: `admins ${listOf(security.admins)}, members ${listOf(security.members)}` };
}

function normalSecurity(value: unknown): Security {
  const part = (name: 'admins' | 'members') => {
    const given = (value as Record<string, { names?: unknown; roles?: unknown } | undefined>)?.[name];
    const strings = (list: unknown) => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string').sort() : []);
    return { names: strings(given?.names), roles: strings(given?.roles) };
  };
  return { admins: part('admins'), members: part('members') };
}

function listOf(part: { names: string[]; roles: string[] }): string {
  const items = [...part.names, ...part.roles.map((role) => `role ${role}`)];
  return items.length > 0 ? items.join(', ') : 'server admins only';
}

/**
 * Only the cases travel: the user database's design document (its validation) must not reach the
 * team database, whose own validation it would replace. A filter function of the design document
 * does it (pouchdb-server's replicator has no Mango selectors; CouchDB 3 runs both).
 */
const CASES_FILTER = 'closer/cases';

async function ensureReplication(couch: CouchClient, source: string, target: string, server: string, admin: Credentials): Promise<SetupStep> {
  const what = `replication ${source} → ${target}`;
  const id = `closer-team-${source}`;
  const path = `/_replicator/${encodeURIComponent(id)}`;
  const wanted = { source: withCredentials(joinUrl(server, source), admin), target: withCredentials(joinUrl(server, target), admin), continuous: true, filter: CASES_FILTER };
  const { status, body } = await couch.request('GET', path, { allow: [404] });
  const stored = status === 404 ? undefined : (body as Record<string, unknown>);
  if (stored && stored.source === wanted.source && stored.target === wanted.target && stored.continuous === true && stored.filter === CASES_FILTER) return { action: 'unchanged', what };
  // The server's own bookkeeping fields of an old document are left for it to write again.
  const kept = stored ? { _id: id, _rev: stored._rev } : { _id: id };
  await couch.request('PUT', path, { body: { ...kept, ...wanted } });
  return { action: stored ? 'updated' : 'created', what };
}

/** The server replicates as the admin: CouchDB keeps credentials in _replicator documents from everyone but admins. */
function withCredentials(url: string, admin: Credentials): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(admin.user);
  parsed.password = encodeURIComponent(admin.password);
  return parsed.href;
}
