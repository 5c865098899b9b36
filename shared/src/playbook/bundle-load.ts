// The full check of a bundle: its schema, its hash, its precompiled part and its merged plan.
// Builds the zod schemas, so a start that opens a bundle checked before never loads this.
import { BundleError } from './bundle-format.ts';
import { bundlePlanOf } from './bundle-plan.ts';
import { BundleSchema, type Bundle } from './bundle-schema.ts';
import { contentHashOf, hashOf, openBundleRecord, readBundleRecord, type Hashed } from './bundle.ts';
import { canonicalJson } from './hash.ts';
import { PRECOMPILED_VERSION } from './precompiled.ts';
import { PrecompiledPartsSchema } from './precompiled-schema.ts';

/** Read a bundle from JSON text or parsed data; anything wrong is a BundleError that says what. */
export function loadBundle(input: string | unknown): Bundle {
  const { record } = readBundleRecord(input);
  return checkBundleRecord(record);
}

/**
 * Read a bundle checking only what a start needs (bundle.ts's openBundleRecord): `verify` runs
 * the rest of loadBundle's checks later, in idle time, and throws the same BundleError.
 */
export function openBundle(input: string | unknown): { bundle: Bundle; verify(): void } {
  const { bundle, record } = openBundleRecord(input);
  return { bundle, verify: () => void checkBundleRecord(record) };
}

function checkBundleRecord(record: Record<string, unknown>): Bundle {
  const data: unknown = record;
  const polluted = protoKeyPath(data);
  if (polluted !== undefined) throw new BundleError(`the bundle has a "__proto__" key at ${polluted || 'the top level'}, which no bundle has: it was changed after it was built`);
  const parsed = BundleSchema().safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.map(String).join('.') || 'the top level';
    throw new BundleError(`the bundle is malformed at ${where}: ${issue.message}`);
  }
  // The hash is checked over what was read, not over what the schema kept of it, so a key the
  // schema passes over (such as "__proto__") cannot ride along under the original hash.
  const content = contentHashOf(record as Hashed);
  if (hashOf(record as Hashed, content) !== parsed.data.hash) {
    throw new BundleError('the bundle content does not match its hash: it was changed after it was built, or it is damaged');
  }
  // A part of this Closer's version must have its shape; another version's is kept unread.
  if (parsed.data.precompiled?.version === PRECOMPILED_VERSION) {
    const parts = PrecompiledPartsSchema().safeParse(parsed.data.precompiled);
    if (!parts.success) {
      const issue = parts.error.issues[0]!;
      throw new BundleError(`the bundle is malformed at ${['precompiled', ...issue.path.map(String)].join('.')}: ${issue.message}`);
    }
  }
  // The hash matches, so whatever wrote the bundle hashed a precompiled part made from other playbooks.
  if (parsed.data.precompiled && parsed.data.precompiled.source !== content) {
    throw new BundleError(`the bundle's precompiled indexes were compiled from other playbooks (${parsed.data.precompiled.source.slice(0, 19)}…, the playbooks are ${content.slice(0, 19)}…): rebuild it with "closer build"`);
  }
  const plan = bundlePlanOf(parsed.data.playbooks);
  for (const key of ['customerTags', 'followups', 'ladder'] as const) {
    if (key in record && canonicalJson(record[key]) !== canonicalJson(plan[key])) throw new BundleError(`the bundle's "${key}" differ from its playbooks': it was changed after it was built`);
  }
  return { ...parsed.data, ...plan };
}

/** Where in parsed JSON an own "__proto__" key sits (the schema's objects pass over it), or undefined. */
function protoKeyPath(value: unknown, path = ''): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (Object.prototype.hasOwnProperty.call(value, '__proto__')) return path;
  for (const [key, inner] of Object.entries(value)) {
    const found = protoKeyPath(inner, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}
