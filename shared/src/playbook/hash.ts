import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * JSON with object keys sorted, so equal content always gives the same text and hash. Every own
 * key counts, "__proto__" too (JSON.parse makes it an own key; a plain object would swallow it).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(inner).sort()) sorted[key] = (inner as Record<string, unknown>)[key];
    return sorted;
  });
}

export function contentHash(value: unknown): string {
  return 'sha256:' + bytesToHex(sha256(utf8ToBytes(canonicalJson(value))));
}
