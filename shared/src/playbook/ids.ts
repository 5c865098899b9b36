// The fixed id lists of the playbook format, apart from its zod schema (schema.ts): the engine
// reads these on every start, and building the schema costs a worker or a CLI run that only
// answers a message tens of milliseconds.

/** The intents the engine recognises. The ids are a contract (DESIGN.md). */
export const INTENTS = ['price', 'comparison', 'hesitation', 'doubt', 'buy_signal', 'other'] as const;
export type Intent = (typeof INTENTS)[number];

/** The golden sales model's steps, in order. The ids are a contract (DESIGN.md). */
export const GOLDEN_STEPS = ['icebreak', 'introduce', 'consider', 'ask_close', 'resolve_doubt', 'push_close'] as const;
export type GoldenStep = (typeof GOLDEN_STEPS)[number];

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The model back-ends a team may allow for adapting replies. */
export const ADAPT_BACKENDS = ['openai-compatible', 'chrome-built-in'] as const;
export type AdaptBackend = (typeof ADAPT_BACKENDS)[number];

/** The product-ladder tiers a customer tag may imply: entry (little to spend), middle (some means or high regard), top (both). */
export const TAG_TIERS = ['entry', 'middle', 'top'] as const;
export type TagTier = (typeof TAG_TIERS)[number];

/** The events a follow-up rule counts from. */
export const FOLLOWUP_TRIGGERS = ['won', 'lost', 'hot_lead', 'meeting', 'idle'] as const;
export type FollowupTrigger = (typeof FOLLOWUP_TRIGGERS)[number];

/** The kinds of product a ladder rung may be, cheapest first as a knowledge business usually prices them. */
export const RUNG_KINDS = ['lead_magnet', 'recorded', 'live', 'camp', 'community', 'coaching', 'consulting'] as const;
export type RungKind = (typeof RUNG_KINDS)[number];

export const LINT_LEVELS = ['off', 'warning', 'error'] as const;
