// Settings → Team: the team's CouchDB server, the salesperson's user name there and their
// password or token, kept only in the worker's IndexedDB (store.ts settings), never in a case and
// never logged. Off until the salesperson saves them: until then nothing leaves the browser.
import { userDatabaseName } from '@closer/shared';
import { getSetting, setSetting } from '../store.ts';

export { userDatabaseName };

export type SecretKind = 'password' | 'token';

export interface TeamSettings {
  enabled: boolean;
  /** The server, e.g. https://couch.example.com (no database in it). */
  url: string;
  user: string;
  secret: string;
  secretKind: SecretKind;
}

const KEY = 'team';

export async function teamSettings(): Promise<TeamSettings | undefined> {
  return getSetting<TeamSettings>(KEY);
}

export async function saveTeamSettings(settings: TeamSettings): Promise<void> {
  await setSetting(KEY, settings);
}

/** The server URL without trailing slashes, or why it is not one. */
export function serverUrl(text: string): { url: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { error: `"${text}" is not a web address such as https://couch.example.com` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: `the team server's address must start with https:// or http://, not ${url.protocol}` };
  if (url.username || url.password) return { error: 'put the user name and password in their own fields, not in the address' };
  if (url.search || url.hash) return { error: 'the team server\'s address has no ?query or #part' };
  return { url: url.href.replace(/\/+$/, '') };
}

/** The salesperson's database on the server (named the couch_peruser way, by the core). */
export function remoteDatabaseUrl(settings: Pick<TeamSettings, 'url' | 'user'>): string {
  return `${settings.url.replace(/\/+$/, '')}/${userDatabaseName(settings.user)}`;
}

/** The host permission the worker needs to reach the server (asked for by the panel on Save). */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}
