import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { contentHash } from './hash.ts';
import { keyFingerprint, publicKeyOf } from './signing-key.ts';

// Ed25519 signatures over bundles, through @noble/curves (audited; no crypto written here). A
// signed bundle carries `signature: { key, value }`: the signer's public key and the signature,
// both in hex, so a bundle says who signed it and the extension can offer to trust that key.

/** The bundle field that holds the signature; everything else in the bundle is signed. */
export const SIGNATURE_FIELD = 'signature';

/** Names what the signed bytes are, so a signature made for anything else never verifies here. */
const SIGNED_PREFIX = 'closer-bundle-signature-v1\n';

export interface BundleSignature {
  key: string;
  value: string;
}

export interface Signer {
  /** The public key in hex, as pinned and compared. */
  key: string;
  fingerprint: string;
}

export type SignatureReason = 'unsigned' | 'malformed-signature' | 'wrong-key' | 'tampered' | 'not-a-bundle';

export type SignatureCheck = ({ ok: true } & Signer) | { ok: false; reason: SignatureReason; message: string; signer?: Signer };

/**
 * The digest a signature covers: the canonical hash of the whole bundle minus its signature field.
 * Not the content hash alone, which covers only what bundle.ts chooses to hash: a part kept beside
 * it (the precompiled indexes, a sidecar's declared hash, any later field) would ride unsigned.
 * Hashing every field but the signature covers everything the extension will use, whatever the
 * bundle grows to carry, without this file having to know its parts.
 */
export function signedDigest(bundle: object): string {
  const unsigned: Record<string, unknown> = { ...(bundle as Record<string, unknown>) };
  delete unsigned[SIGNATURE_FIELD];
  return contentHash(unsigned);
}

function signedBytes(bundle: object): Uint8Array {
  return utf8ToBytes(SIGNED_PREFIX + signedDigest(bundle));
}

/** The bundle with its signature (any earlier one replaced) made with the team's private key. */
export function signBundle<T extends object>(bundle: T, privateKey: Uint8Array): T & { signature: BundleSignature } {
  const { [SIGNATURE_FIELD]: _old, ...unsigned } = bundle as T & { signature?: unknown };
  const value = ed25519.sign(signedBytes(unsigned), privateKey);
  return { ...(unsigned as T), signature: { key: bytesToHex(publicKeyOf(privateKey)), value: bytesToHex(value) } };
}

const HEX_KEY = /^[0-9a-f]{64}$/;
const HEX_SIGNATURE = /^[0-9a-f]{128}$/;

/**
 * Checks a bundle's signature (JSON text or parsed data). With a trusted key, only a signature by
 * that key passes; without one, a signature must still verify under the key it names, which is
 * what the extension shows before the user chooses to trust that key. Never throws.
 */
export function checkBundleSignature(input: unknown, trusted?: Uint8Array | string): SignatureCheck {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (error) {
      return { ok: false, reason: 'not-a-bundle', message: `the bundle is not valid JSON (${(error as Error).message})` };
    }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { ok: false, reason: 'not-a-bundle', message: 'this is not a Closer bundle: expected a JSON object' };
  const trustedHex = trusted === undefined ? undefined : typeof trusted === 'string' ? trusted.toLowerCase() : bytesToHex(trusted);
  const trustedName = trustedHex ? ` by the trusted key ${keyFingerprint(trustedHex)}` : '';
  const signature = (data as Record<string, unknown>)[SIGNATURE_FIELD];
  if (signature === undefined) return { ok: false, reason: 'unsigned', message: `the bundle is not signed${trustedHex ? `; only bundles signed${trustedName} are accepted` : ''}` };
  const malformed = (why: string): SignatureCheck => ({ ok: false, reason: 'malformed-signature', message: `the bundle's signature is malformed: ${why}` });
  if (signature === null || typeof signature !== 'object' || Array.isArray(signature)) return malformed('expected an object with "key" and "value"');
  const { key, value } = signature as Record<string, unknown>;
  if (typeof key !== 'string' || !HEX_KEY.test(key)) return malformed('"key" should be 64 lowercase hex digits');
  if (typeof value !== 'string' || !HEX_SIGNATURE.test(value)) return malformed('"value" should be 128 lowercase hex digits');
  const signer: Signer = { key, fingerprint: keyFingerprint(key) };
  if (!ed25519.utils.isValidPublicKey(hexToBytes(key), false)) return malformed('"key" is not an Ed25519 public key');
  if (trustedHex && key !== trustedHex) {
    return { ok: false, reason: 'wrong-key', message: `the bundle is signed by key ${signer.fingerprint}, not${trustedName}`, signer };
  }
  let valid = false;
  try {
    // zip215 off: the strict RFC 8032 check, so one bundle has exactly one valid signature encoding.
    valid = ed25519.verify(hexToBytes(value), signedBytes(data), hexToBytes(key), { zip215: false });
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'tampered', message: `the bundle was changed after key ${signer.fingerprint} signed it (its signature does not match its content)`, signer };
  return { ok: true, ...signer };
}
