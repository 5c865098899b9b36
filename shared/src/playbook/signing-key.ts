import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

// The text form of the Ed25519 keys that sign bundles: a first line that names what the file is,
// then the 32 key bytes as hexadecimal. Hex, not base64, because the core has no base64 codec
// without the DOM or node:, and a key pasted into Settings is easier to check by eye in hex.

export type KeyKind = 'public' | 'private';

export const KEY_HEADERS: Record<KeyKind, string> = {
  public: 'closer-ed25519-public-key',
  private: 'closer-ed25519-private-key',
};

const KEY_BYTES = 32;
const KEY_HEX = KEY_BYTES * 2;

export type KeyParse = { ok: true; key: Uint8Array } | { ok: false; message: string };

/** The text of a key file: its header line, the key in hex, and a comment line for people. */
export function keyText(kind: KeyKind, key: Uint8Array): string {
  const comment = kind === 'private' ? '# keep this file secret: whoever has it can sign bundles for the team' : `# fingerprint ${keyFingerprint(key)}`;
  return `${KEY_HEADERS[kind]}\n${bytesToHex(key)}\n${comment}\n`;
}

/**
 * Reads a key from the text of a key file, or (for a public key pasted into Settings) from its
 * hex line alone. Every way it can be wrong gets a sentence, never a throw.
 */
export function parseKey(text: string, kind: KeyKind): KeyParse {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (lines.length === 0) return { ok: false, message: 'the key is empty' };
  const other: KeyKind = kind === 'public' ? 'private' : 'public';
  let hex: string | undefined;
  if (lines[0] === KEY_HEADERS[other]) {
    return kind === 'public'
      ? { ok: false, message: 'this is a private key (.key), which must stay secret; give the public key (.pub) instead' }
      : { ok: false, message: 'this is a public key (.pub); signing needs the private key (.key)' };
  }
  if (lines[0] === KEY_HEADERS[kind]) {
    if (lines.length === 1) return { ok: false, message: `the key is truncated: nothing follows the line "${KEY_HEADERS[kind]}"` };
    if (lines.length > 2) return { ok: false, message: `the key has ${lines.length - 2} line(s) too many after its hex line` };
    hex = lines[1]!;
  } else if (kind === 'public' && lines.length === 1 && /^[0-9a-fA-F]+$/.test(lines[0]!)) {
    hex = lines[0]!;
  } else {
    return { ok: false, message: `this is not a Closer ${kind} key: its first line should be "${KEY_HEADERS[kind]}"` };
  }
  if (!/^[0-9a-fA-F]*$/.test(hex)) return { ok: false, message: 'the key is not hexadecimal (only 0-9 and a-f)' };
  if (hex.length !== KEY_HEX) {
    return { ok: false, message: hex.length < KEY_HEX ? `the key is truncated: ${hex.length} of its ${KEY_HEX} hex digits` : `the key is too long: ${hex.length} hex digits where a key has ${KEY_HEX}` };
  }
  const key = hexToBytes(hex.toLowerCase());
  if (kind === 'public' && !ed25519.utils.isValidPublicKey(key, false)) return { ok: false, message: 'these 32 bytes are not an Ed25519 public key' };
  return { ok: true, key };
}

/** A new key pair; the randomness is the platform's (crypto.getRandomValues) through the library. */
export function generateKeyPair(): { privateKey: Uint8Array; publicKey: Uint8Array } {
  const { secretKey, publicKey } = ed25519.keygen();
  return { privateKey: secretKey, publicKey };
}

export function publicKeyOf(privateKey: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(privateKey);
}

/**
 * A short name for a public key that people can compare aloud: the first 16 hex digits of its
 * SHA-256, in groups of four. Only for people: the extension pins and compares the whole key.
 */
export function keyFingerprint(publicKey: Uint8Array | string): string {
  const bytes = typeof publicKey === 'string' ? hexToBytes(publicKey) : publicKey;
  return bytesToHex(sha256(bytes)).slice(0, 16).match(/.{4}/g)!.join('-');
}
