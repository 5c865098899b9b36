import type { BundleStatus, Request } from '../requests.ts';
import { refreshBundle, refreshState, setRefreshPeriod } from './bundle-refresh.ts';
import { forgetKey, pinBundleSigner, pinnedKey, pinPastedKey, signerOf } from './bundle-trust.ts';
import { currentEngine } from './bundles.ts';

// What Settings shows of the bundle in use and its team key: who signed it, which key is trusted,
// where it is refreshed from and how the last check went. Every request about them answers this.

export async function bundleStatus(): Promise<BundleStatus> {
  const { engine, stored } = await currentEngine();
  const pinned = await pinnedKey();
  const refresh = await refreshState();
  return {
    hash: engine.hash,
    source: stored.source,
    playbooks: engine.playbookIds,
    signer: signerOf(engine.bundle),
    pinned: pinned ?? null,
    refresh: refresh && { url: refresh.url, periodMinutes: refresh.periodMinutes, lastChecked: refresh.lastChecked, lastChanged: refresh.lastChanged, lastError: refresh.lastError },
  };
}

type TrustRequest = Extract<Request, { type: 'bundle-status' | 'bundle-key-pin' | 'bundle-key-accept' | 'bundle-key-forget' | 'bundle-refresh-now' | 'bundle-refresh-every' }>;

export async function handleBundleTrustRequest(request: TrustRequest): Promise<BundleStatus> {
  switch (request.type) {
    case 'bundle-status':
      break;
    case 'bundle-key-pin':
      await pinPastedKey(request.key);
      break;
    case 'bundle-key-accept':
      await pinBundleSigner(request.fingerprint);
      break;
    case 'bundle-key-forget':
      await forgetKey();
      break;
    case 'bundle-refresh-now':
      await refreshBundle();
      break;
    case 'bundle-refresh-every':
      await setRefreshPeriod(request.minutes);
      break;
  }
  return bundleStatus();
}
