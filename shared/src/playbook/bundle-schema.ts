// The bundle's shape as zod schemas, and the types drawn from them. Only the full check
// (bundle-load.ts) builds these schemas; opening a bundle checked before (bundle.ts) does not.
import * as z from 'zod';
import { BaseCorpusSchema } from './base-corpus.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from './bundle-format.ts';
import { DEFAULT_FOLLOWUP_STOP } from './bundle-plan.ts';
import { lazySchema } from './lazy-schema.ts';
import { CustomerTagSchema, FollowupRuleSchema, IdSchema, LadderRungSchema, PlaybookSchema } from './schema.ts';
import { PrecompiledSchema } from './precompiled-schema.ts';

// Each schema is a function that builds it on first use (lazy-schema.ts): BundleSchema().safeParse(…).

/** Per-reply outcomes learnt from won and lost cases: in how many closed cases a reply was used, and how many were won. */
export const ReplyStatsSchema = lazySchema(() => z.record(z.string(), z.strictObject({ uses: z.number().int().nonnegative(), wins: z.number().int().nonnegative() })));
export type ReplyStats = z.infer<ReturnType<typeof ReplyStatsSchema>>;

export const BundledPlaybookSchema = lazySchema(() => z.strictObject({
  file: z.string(),
  playbook: PlaybookSchema(),
  /** Item id → the 1-based line where it is defined, so any surface can link back to the source. */
  lines: z.record(z.string(), z.number().int().positive()),
}));
export type BundledPlaybook = z.infer<ReturnType<typeof BundledPlaybookSchema>>;

export const BundledFollowupsSchema = lazySchema(() => z.strictObject({
  stop: z.strictObject({ refusals: z.number().int().positive(), lossReasons: z.array(IdSchema()) }),
  rules: z.array(FollowupRuleSchema()),
}));
export const BundledCustomerTagsSchema = lazySchema(() => z.array(CustomerTagSchema()));
export const BundledLadderSchema = lazySchema(() => z.array(LadderRungSchema()));

export const BundleSchema = lazySchema(() => z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  hash: z.string(),
  playbooks: z.array(BundledPlaybookSchema()),
  stats: ReplyStatsSchema().optional(),
  /** The core's base language of customer intents, learnt beside the playbooks' own triggers (left out with --no-base). */
  base: BaseCorpusSchema().optional(),
  /** The team's Ed25519 signature over everything else in the bundle (signature.ts); absent when unsigned. */
  signature: z.strictObject({ key: z.string(), value: z.string() }).optional(),
  /** Merged over all playbooks (bundle-plan.ts): derived from them, so not hashed apart; an older bundle without them reads as empty. */
  customerTags: BundledCustomerTagsSchema().default(() => []),
  followups: BundledFollowupsSchema().default(() => ({ stop: { ...DEFAULT_FOLLOWUP_STOP, lossReasons: [...DEFAULT_FOLLOWUP_STOP.lossReasons] }, rules: [] })),
  ladder: BundledLadderSchema().default(() => []),
  /** The indexes compiled from the above by `closer build` (precompiled.ts), so a start does not rebuild them. */
  precompiled: PrecompiledSchema().optional(),
}));
export type Bundle = z.infer<ReturnType<typeof BundleSchema>>;
