import * as z from 'zod';
import { BaseCorpusSchema, type BaseCorpus } from './base-corpus.ts';
import { BundledCustomerTagsSchema, BundledFollowupsSchema, BundledLadderSchema, bundlePlanOf, DEFAULT_FOLLOWUP_STOP } from './bundle-plan.ts';
import { canonicalJson, contentHash } from './hash.ts';
import { hasErrors } from './diagnostic.ts';
import { itemsOf, repliesOf } from './lint/items.ts';
import { lintPlaybooks } from './lint/index.ts';
import type { ParsedPlaybook } from './parse.ts';
import { PlaybookSchema, type Objection, type Playbook, type Reply, type Sequence, type Step, type Variable } from './schema.ts';
import { PRECOMPILED_VERSION, type Precompiled } from './precompiled.ts';
import { PrecompiledPartsSchema, PrecompiledSchema } from './precompiled-schema.ts';

export const BUNDLE_FORMAT = 'closer-bundle';
export const BUNDLE_VERSION = 1;

/** Per-reply outcomes learnt from won and lost cases: in how many closed cases a reply was used, and how many were won. */
export const ReplyStatsSchema = z.record(z.string(), z.strictObject({ uses: z.number().int().nonnegative(), wins: z.number().int().nonnegative() }));
export type ReplyStats = z.infer<typeof ReplyStatsSchema>;

export const BundledPlaybookSchema = z.strictObject({
  file: z.string(),
  playbook: PlaybookSchema,
  /** Item id → the 1-based line where it is defined, so any surface can link back to the source. */
  lines: z.record(z.string(), z.number().int().positive()),
});
export type BundledPlaybook = z.infer<typeof BundledPlaybookSchema>;

export const BundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  hash: z.string(),
  playbooks: z.array(BundledPlaybookSchema),
  stats: ReplyStatsSchema.optional(),
  /** The core's base language of customer intents, learnt beside the playbooks' own triggers (left out with --no-base). */
  base: BaseCorpusSchema.optional(),
  /** The team's Ed25519 signature over everything else in the bundle (signature.ts); absent when unsigned. */
  signature: z.strictObject({ key: z.string(), value: z.string() }).optional(),
  /** Merged over all playbooks (bundle-plan.ts): derived from them, so not hashed apart; an older bundle without them reads as empty. */
  customerTags: BundledCustomerTagsSchema.default(() => []),
  followups: BundledFollowupsSchema.default(() => ({ stop: { ...DEFAULT_FOLLOWUP_STOP, lossReasons: [...DEFAULT_FOLLOWUP_STOP.lossReasons] }, rules: [] })),
  ladder: BundledLadderSchema.default(() => []),
  /** The indexes compiled from the above by `closer build` (precompiled.ts), so a start does not rebuild them. */
  precompiled: PrecompiledSchema.optional(),
});
export type Bundle = z.infer<typeof BundleSchema>;

export class BundleError extends Error {
  override name = 'BundleError';
}

type Hashed = Pick<Bundle, 'version' | 'playbooks' | 'stats' | 'base' | 'precompiled'>;

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

function hashOf(bundle: Hashed, content = contentHashOf(bundle)): string {
  return bundle.precompiled === undefined ? content : contentHash({ content, precompiled: bundle.precompiled });
}

/** The bundle with its precompiled part (engine/precompile.ts builds it) and the hash that covers it. */
export function withPrecompiled(bundle: Bundle, precompiled: Precompiled): Bundle {
  // A signature made before would no longer verify: sign after precompiling.
  const { hash: _old, precompiled: _previous, signature: _signature, ...rest } = bundle;
  const unhashed = { ...rest, precompiled };
  return { ...unhashed, hash: hashOf(unhashed) };
}

/** Compile playbooks into one bundle. Refuses playbooks with errors: lint them first to show why. */
export function buildBundle(files: readonly ParsedPlaybook[], options: { stats?: ReplyStats; base?: BaseCorpus } = {}): Bundle {
  const errors = lintPlaybooks(files).filter((d) => d.severity === 'error');
  if (hasErrors(errors)) {
    throw new BundleError(`cannot build a bundle: ${errors.length} error(s), the first at ${errors[0]!.file}:${errors[0]!.line}:${errors[0]!.column} ${errors[0]!.message}`);
  }
  const playbooks = files
    .filter((file): file is ParsedPlaybook & { playbook: Playbook } => file.playbook !== undefined)
    .map((file) => ({ file: file.file, playbook: file.playbook, lines: linesOf(file, file.playbook) }));
  const unhashed = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    playbooks,
    ...(options.stats ? { stats: options.stats } : {}),
    ...(options.base ? { base: options.base } : {}),
  } as const;
  return { ...unhashed, hash: hashOf(unhashed), ...bundlePlanOf(playbooks) };
}

function linesOf(file: ParsedPlaybook, playbook: Playbook): Record<string, number> {
  const lines: Record<string, number> = {};
  for (const item of itemsOf(playbook)) lines[item.id] = file.locate([...item.path, 'id']).line;
  return lines;
}

/** Read a bundle from JSON text or parsed data; anything wrong is a BundleError that says what. */
export function loadBundle(input: string | unknown): Bundle {
  const { record } = readBundleRecord(input);
  return checkBundleRecord(record);
}

/**
 * Read a bundle checking only what a start needs (JSON, format, version, that it has playbooks),
 * not its schema or hash, which cost a second at 100,000 replies. For a bundle checked completely
 * before (the one the extension stored at import): `verify` runs the rest of loadBundle's checks
 * later, in idle time, and throws the same BundleError.
 */
export function openBundle(input: string | unknown): { bundle: Bundle; verify(): void } {
  const { record } = readBundleRecord(input);
  if (!Array.isArray(record.playbooks)) throw new BundleError('the bundle is malformed at playbooks: expected an array');
  if (record.precompiled !== undefined && (record.precompiled === null || typeof record.precompiled !== 'object')) throw new BundleError('the bundle is malformed at precompiled: expected an object');
  // The merged tags, follow-ups and ladder are derived from the playbooks, as loadBundle derives them.
  const bundle = { ...record, ...bundlePlanOf(record.playbooks as Bundle['playbooks']) } as unknown as Bundle;
  return { bundle, verify: () => void checkBundleRecord(record) };
}

function readBundleRecord(input: string | unknown): { record: Record<string, unknown> } {
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

function checkBundleRecord(record: Record<string, unknown>): Bundle {
  const data: unknown = record;
  const polluted = protoKeyPath(data);
  if (polluted !== undefined) throw new BundleError(`the bundle has a "__proto__" key at ${polluted || 'the top level'}, which no bundle has: it was changed after it was built`);
  const parsed = BundleSchema.safeParse(data);
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
    const parts = PrecompiledPartsSchema.safeParse(parsed.data.precompiled);
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
