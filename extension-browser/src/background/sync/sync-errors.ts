// A failed sync in plain words: what went wrong, by a stable code (the panel says it in its own
// language) and an English sentence. The transport (replicate.ts's fetch) records what it saw,
// since PouchDB's own error for a broken answer is often only "Unexpected token".
export const SYNC_ERROR_CODES = ['unreachable', 'auth', 'forbidden', 'missing', 'server', 'garbage', 'permission', 'other'] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export interface SyncError {
  code: SyncErrorCode;
  message: string;
}

/** What the requests of one run met: the worker's fetch fills it in. */
export interface Transport {
  requests: number;
  /** A request that never got an answer (no connection, a timeout). */
  unreachable: boolean;
  /** The status of the last answer that was not a success. */
  failedStatus?: number;
}

export function newTransport(): Transport {
  return { requests: 0, unreachable: false };
}

export class PermissionMissing extends Error {}

export function describeFailure(error: unknown, transport: Transport, server: string, user: string): SyncError {
  const status = transport.failedStatus ?? (error as { status?: number }).status;
  if (error instanceof PermissionMissing) return { code: 'permission', message: `Closer is not allowed to reach ${server}: save Settings → Team again and allow it when the browser asks.` };
  if (transport.unreachable) return { code: 'unreachable', message: `Cannot reach the team server at ${server}. Cases are kept here and sent when it answers.` };
  if (status === 401) return { code: 'auth', message: `The team server refused the user name "${user}" or its password. Check them in Settings → Team.` };
  if (status === 403) return { code: 'forbidden', message: `The team server does not let "${user}" use their database. Ask the team's admin.` };
  if (status === 404) return { code: 'missing', message: `The team server has no database for "${user}". Ask the team's admin to run closer team setup.` };
  if (status !== undefined && status >= 500) return { code: 'server', message: `The team server failed (HTTP ${status}). Cases are kept here; Closer tries again later.` };
  if (error instanceof SyntaxError || (transport.requests > 0 && status === undefined)) {
    return { code: 'garbage', message: `The team server at ${server} answered with something that is not CouchDB. Check the address.` };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return { code: 'other', message: `Sync failed: ${reason}` };
}
