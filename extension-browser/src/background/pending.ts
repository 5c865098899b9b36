// The message chosen in the context menu while the panel was closed: the panel takes it once it
// has loaded. Kept in memory only; after a minute it is stale and forgotten.

const STALE_MS = 60_000;
let pending: { text: string; tabId?: number; at: number } | undefined;

export function setPending(text: string, tabId?: number): void {
  pending = { text, tabId, at: Date.now() };
}

export function takePending(): { text?: string; tabId?: number } {
  const taken = pending && Date.now() - pending.at < STALE_MS ? pending : undefined;
  pending = undefined;
  return taken ? { text: taken.text, tabId: taken.tabId } : {};
}
