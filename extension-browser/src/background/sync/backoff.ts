// How long to wait before trying the team server again after failures in a row: doubling from
// 30 seconds, never more than 30 minutes, so a wrong password or a broken server never gets a
// storm of requests. Saving the settings or "Sync now" starts again from nothing.
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 30 * 60_000;

export function retryDelay(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(failures - 1, 20));
}
