// Opening a bundle the way a start needs, and what every surface reads from one. Nothing here
// builds a zod schema or loads the linter: the full check is in bundle-load.ts and building in
// bundle-build.ts, so `closer suggest` and a worker's start load neither.
import { BUNDLE_FORMAT, BUNDLE_VERSION, BundleError } from './bundle-format.ts';
import { bundlePlanOf } from './bundle-plan.ts';
import type { Bundle } from './bundle-schema.ts';
import { contentHash } from './hash.ts';
import { repliesOf } from './lint/items.ts';
import type { Objection, Reply, Sequence, Step, Variable } from './schema.ts';
import type { Precompiled } from './precompiled.ts';

export type { Bundle, BundledPlaybook, ReplyStats } from './bundle-schema.ts';

/** The parts of a bundle its hash covers. */
export type Hashed = Pick<Bundle, 'version' | 'playbooks' | 'stats' | 'base' | 'precompiled'>;

/**
 * What a bundle's hash covers, all in this one place. The content hash covers the version, the
 * playbooks, the stats and the base corpus (a bundle without a base corpus hashes as before, so
 * bundles built earlier still verify). A bundle with a precompiled part names that content hash
 * in it (precompiled.source), and its own hash covers both: hash({ content, precompiled }). So the
 * hash, and a signature over the bundle, cover the precompiled indexes too, and a precompiled part
 * left over from other playbooks is told apart from a bundle changed after it was built.
 */
export function contentHashOf(bundle: Hashed): string {
  return contentHash({ version: bundle.version, playbooks: bundle.playbooks, stats: bundle.stats ?? null, ...(bundle.base ? { base: bundle.base } : {}) });
}

/** The bundle's own hash: its content hash, or with a precompiled part the hash over both. */
export function hashOf(bundle: Hashed, content = contentHashOf(bundle)): string {
  return bundle.precompiled === undefined ? content : contentHash({ content, precompiled: bundle.precompiled });
}

/** The bundle with its precompiled part (engine/precompile.ts builds it) and the hash that covers it. */
export function withPrecompiled(bundle: Bundle, precompiled: Precompiled): Bundle {
  // A signature made before would no longer verify: sign after precompiling.
  const { hash: _old, precompiled: _previous, signature: _signature, ...rest } = bundle;
  const unhashed = { ...rest, precompiled };
  return { ...unhashed, hash: hashOf(unhashed) };
}

/**
 * Read a bundle checking only what a start needs (JSON, format, version, that it has playbooks),
 * not its schema or hash, which cost a second at 100,000 replies. For a bundle checked completely
 * before (the one the extension stored at import); openBundle in bundle-load.ts adds the rest of
 * the check, to run later in idle time. The record is what was read, for that check.
 */
export function openBundleRecord(input: string | unknown): { bundle: Bundle; record: Record<string, unknown> } {
  const { record } = readBundleRecord(input);
  if (!Array.isArray(record.playbooks)) throw new BundleError('the bundle is malformed at playbooks: expected an array');
  // A member not parsed yet (bundle-text.ts) is left so: its file passed the full check before.
  const precompiled = Object.getOwnPropertyDescriptor(record, 'precompiled');
  if (precompiled !== undefined && 'value' in precompiled && (precompiled.value === null || typeof precompiled.value !== 'object')) throw new BundleError('the bundle is malformed at precompiled: expected an object');
  // The merged tags, follow-ups and ladder are derived from the playbooks, as loadBundle derives them.
  // Copied by descriptor, not spread: a record read member by member (bundle-text.ts) keeps
  // parsing each member only when it is read.
  const plan = bundlePlanOf(record.playbooks as Bundle['playbooks']);
  const bundle = Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(record), ...Object.getOwnPropertyDescriptors(plan) }) as unknown as Bundle;
  return { bundle, record };
}

/** The parsed object, if it is a bundle of this format version; a BundleError that says what otherwise. */
export function readBundleRecord(input: string | unknown): { record: Record<string, unknown> } {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      // A byte-order mark is how some editors save UTF-8; it is not part of the JSON.
      data = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new BundleError(`the bundle is not valid JSON (${(error as Error).message})`);
    }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new BundleError('this is not a Closer bundle: expected a JSON object');
  }
  const record = data as Record<string, unknown>;
  if (record.format !== BUNDLE_FORMAT) {
    throw new BundleError(`this is not a Closer bundle: "format" should be "${BUNDLE_FORMAT}"`);
  }
  if (record.version !== BUNDLE_VERSION) {
    throw new BundleError(`bundle format version ${JSON.stringify(record.version)} is not supported; this Closer reads version ${BUNDLE_VERSION} — rebuild it with "closer build"`);
  }
  return { record };
}

/** A reply with what the surfaces need around it: where it lives and which variables fill it. */
export interface BundledReply {
  reply: Reply;
  playbook: string;
  file: string;
  line: number;
  variables: Record<string, Variable>;
  objection?: Objection;
  sequence?: Sequence;
  step?: Step;
}

const repliesCache = new WeakMap<Bundle, BundledReply[]>();

/** Every reply in a bundle, in playbook order. Computed once per bundle. */
export function bundleReplies(bundle: Bundle): BundledReply[] {
  const cached = repliesCache.get(bundle);
  if (cached) return cached;
  const replies: BundledReply[] = [];
  for (const { file, playbook, lines } of bundle.playbooks) {
    const variables = playbook.variables ?? {};
    for (const { reply, path } of repliesOf(playbook)) {
      const objection = path[0] === 'objections' ? playbook.objections?.[path[1] as number] : undefined;
      const sequence = path[0] === 'sequences' ? playbook.sequences?.[path[1] as number] : undefined;
      const step = sequence?.steps[path[3] as number];
      // Written out, not spread from a shared object: spreading made each entry many times slower to create.
      replies.push({ playbook: playbook.id, file, variables, reply, line: lines[reply.id] ?? 1, objection, sequence, step });
    }
  }
  repliesCache.set(bundle, replies);
  return replies;
}
