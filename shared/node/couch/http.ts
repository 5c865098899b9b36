// The CLI's HTTP client for a CouchDB server: plain fetch, Basic credentials, a time limit, and
// every failure said in plain words (server unreachable, wrong password, forbidden, no such
// database, a server error, an answer that is not JSON). Nothing here is PouchDB: Apache CouchDB 3
// and pouchdb-server both speak this HTTP API.

/** A request the server refused or could not answer; the message is meant for the user as it is. */
export class CouchError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
  }
}

export interface Credentials {
  user: string;
  password: string;
}

export interface CouchAnswer {
  status: number;
  body: unknown;
}

export interface CouchClient {
  /** The server's or database's URL without credentials, for messages. */
  readonly url: string;
  readonly user: string | undefined;
  /**
   * Sends a request to `path` below the URL. Answers with a status in `allow` (besides 2xx) are
   * returned; any other is thrown as a CouchError that says what went wrong.
   */
  request(method: string, path: string, options?: { body?: unknown; allow?: readonly number[] }): Promise<CouchAnswer>;
}

const TIME_LIMIT_MS = 30_000;

/**
 * A client for `url`. Credentials come from `credentials`, else from the URL itself
 * (http://user:password@host/…), which fetch would refuse, so they are moved to a header.
 */
export function couchClient(url: string, credentials?: Credentials, options: { timeLimitMs?: number } = {}): CouchClient {
  const timeLimitMs = options.timeLimitMs ?? TIME_LIMIT_MS;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CouchError(`"${url}" is not a URL; write it as http://host:5984/database`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new CouchError(`"${url}" is not an http:// or https:// URL`);
  const fromUrl = parsed.username ? { user: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) } : undefined;
  const auth = credentials ?? fromUrl;
  parsed.username = '';
  parsed.password = '';
  const base = parsed.href.replace(/\/+$/, '');
  // Messages name the server by its origin and the request by its whole path.
  const server = parsed.origin;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;

  return {
    url: base,
    user: auth?.user,
    async request(method, path, options = {}) {
      const target = base + path;
      let response: Response;
      try {
        response = await fetch(target, {
          method,
          headers: options.body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          // A server that accepts the connection and never answers must not hang the command.
          signal: AbortSignal.timeout(timeLimitMs),
        });
      } catch (error) {
        throw new CouchError(unreachableMessage(server, error, timeLimitMs));
      }
      const text = await response.text().catch(() => '');
      let body: unknown;
      try {
        body = text === '' ? null : JSON.parse(text);
      } catch {
        if (response.ok) throw new CouchError(`the server at ${server} did not answer ${method} ${pathOf(target)} with JSON (it sent ${JSON.stringify(text.slice(0, 80))}); is this a CouchDB server?`, response.status);
        body = null;
      }
      if (response.ok || options.allow?.includes(response.status)) return { status: response.status, body };
      throw new CouchError(statusMessage({ base: server, method, path: pathOf(target), status: response.status, statusText: response.statusText, body, text, user: auth?.user }), response.status);
    },
  };
}

/** The URL of a path below a server URL, keeping the server's own path (a reverse proxy may put CouchDB under one). */
export function joinUrl(server: string, ...names: string[]): string {
  return server.replace(/\/+$/, '') + names.map((name) => `/${encodeURIComponent(name)}`).join('');
}

/** The path of a URL, decoded, without its query. */
function pathOf(url: string): string {
  const { pathname } = new URL(url);
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

function unreachableMessage(base: string, error: unknown, timeLimitMs: number): string {
  if ((error as Error)?.name === 'TimeoutError') return `the server at ${base} did not answer within ${timeLimitMs / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? '';
  const why: Record<string, string> = {
    ECONNREFUSED: 'the connection was refused: is CouchDB running, and are the host and port right?',
    ENOTFOUND: 'no such host name',
    EAI_AGAIN: 'the host name could not be looked up (no network or DNS?)',
    ECONNRESET: 'the connection was dropped',
    ETIMEDOUT: 'the connection timed out',
    EHOSTUNREACH: 'the host cannot be reached',
  };
  const reason = why[code] ?? (code.includes('CERT') || code.startsWith('ERR_TLS') ? `its TLS certificate was not accepted (${code})` : cause?.message ?? (error as Error)?.message ?? String(error));
  return `cannot reach the CouchDB server at ${base}: ${reason}`;
}

function statusMessage(answer: { base: string; method: string; path: string; status: number; statusText: string; body: unknown; text: string; user: string | undefined }): string {
  const { base, method, path, status, user } = answer;
  const reason = typeof (answer.body as { reason?: unknown })?.reason === 'string' ? (answer.body as { reason: string }).reason : '';
  const said = reason ? ` (the server says: ${reason})` : '';
  const what = `${method} ${path}`;
  switch (status) {
    case 401:
      return user
        ? `the server at ${base} refused the user name or password of "${user}" (401 unauthorized)${said}`
        : `the server at ${base} wants a user name and password (401 unauthorized); give --user and --password, or set CLOSER_COUCH_USER and CLOSER_COUCH_PASSWORD`;
    case 403:
      return `${user ? `"${user}"` : 'an anonymous user'} may not ${what} on ${base} (403 forbidden)${said}`;
    case 404:
      return `not found on ${base}: ${what} (404)${said}; is the database name right?`;
    default: {
      const body = reason || answer.text.slice(0, 120);
      return `the server at ${base} failed ${what} with ${status} ${answer.statusText}${body ? `: ${body}` : ''}`;
    }
  }
}
