import { checkBundleSignature, keyFingerprint, parseKey, type SignatureReason, type Signer } from '@closer/shared';
import type { BundleInfo } from '../requests.ts';
import { currentEngine, importBundle, MAX_BUNDLE_BYTES } from './bundles.ts';
import { BundleError } from './engine.ts';
import { getSetting, setSetting } from './store.ts';

// The team's public key, pinned in the store, and the check every bundle passes before it replaces
// the one in use. Once a key is pinned only bundles signed by it are taken, from a file, a URL or
// the hourly refresh alike; before that, a signed bundle must at least verify under the key it
// names, which the panel then offers to trust.

export interface PinnedKey {
  key: string;
  fingerprint: string;
  /** Pasted in Settings, or taken from the signed bundle in use when the user accepted it. */
  from: 'pasted' | 'bundle';
  pinnedAt: number;
}

const PINNED_KEY = 'bundle-trusted-key';

/** A refusal on the signature's account, with the core's reason code for the panel's language. */
export class BundleTrustError extends BundleError {
  constructor(
    readonly code: SignatureReason,
    message: string,
  ) {
    super(message);
  }
}

export async function pinnedKey(): Promise<PinnedKey | undefined> {
  // Forgetting stores null: the store has no delete for settings, and null reads as "none".
  return (await getSetting<PinnedKey | null>(PINNED_KEY)) ?? undefined;
}

/** Pins a key pasted in Settings: the text of a .pub file or its hex line. */
export async function pinPastedKey(text: string): Promise<PinnedKey> {
  const parsed = parseKey(text, 'public');
  if (!parsed.ok) throw new Error(`this key cannot be trusted: ${parsed.message}`);
  const key = Array.from(parsed.key, (byte) => byte.toString(16).padStart(2, '0')).join('');
  const pinned: PinnedKey = { key, fingerprint: keyFingerprint(parsed.key), from: 'pasted', pinnedAt: Date.now() };
  await setSetting(PINNED_KEY, pinned);
  return pinned;
}

/**
 * Pins the key that signed the bundle in use, when the user accepts the fingerprint they were
 * shown; a different bundle in the meantime (a refresh) is refused rather than trusted unseen.
 */
export async function pinBundleSigner(fingerprint: string): Promise<PinnedKey> {
  const signer = signerOf((await currentEngine()).engine.bundle);
  if (!signer) throw new Error('the bundle in use is not signed, so it has no key to trust');
  if (signer.fingerprint !== fingerprint) throw new Error(`the bundle in use is now signed by key ${signer.fingerprint}, not ${fingerprint}; look at it again before trusting it`);
  const pinned: PinnedKey = { ...signer, from: 'bundle', pinnedAt: Date.now() };
  await setSetting(PINNED_KEY, pinned);
  return pinned;
}

export async function forgetKey(): Promise<void> {
  await setSetting(PINNED_KEY, null);
}

/** Who signed a loaded bundle; its signature was checked when it was imported. */
export function signerOf(bundle: { signature?: { key: string } }): Signer | null {
  return bundle.signature ? { key: bundle.signature.key, fingerprint: keyFingerprint(bundle.signature.key) } : null;
}

/** Throws BundleTrustError when the bundle may not replace the one in use; returns its signer. */
export async function checkTrust(json: string): Promise<Signer | null> {
  const pinned = await pinnedKey();
  const check = checkBundleSignature(json, pinned?.key);
  if (check.ok) return { key: check.key, fingerprint: check.fingerprint };
  // Without a pinned key an unsigned bundle is taken as before; text that is no bundle at all is
  // left to the bundle's own checks, which say what is wrong with it.
  if (check.reason === 'not-a-bundle' || (check.reason === 'unsigned' && !pinned)) return null;
  throw new BundleTrustError(check.reason, check.message);
}

/** The one way a bundle replaces the one in use: size, signature and trust, then the core's own checks. */
export async function importTrustedBundle(json: string, source: string): Promise<BundleInfo> {
  if (json.length > MAX_BUNDLE_BYTES) throw new BundleError(`the file is too large to be a bundle (${Math.round(json.length / 1e6)} MB)`);
  await checkTrust(json);
  return importBundle(json, source);
}
