// What a case record's fields may hold, written out without zod: the readers' quick checks and
// the commands that only read cases start without building case.ts's schema. case.ts re-exports
// all of this, and its schema is made from these lists.

export const CASE_VERSION = 2;

export const OUTCOMES = ['won', 'lost', 'open'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The loss reasons every team starts with; a team adds its own ids through a reasons list. */
export const LOSS_REASONS = ['price', 'rival', 'timing', 'no_need', 'no_trust', 'other'] as const;

/** A customer's stage, from first contact to a customer gone (derived by lifecycleOf; a case keeps the stage it was saved in). */
export const LIFECYCLE_STAGES = ['intro', 'growth', 'mature', 'dormant', 'lost'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** What the salesperson did with a follow-up: sent it, put it off, the customer declined (counts towards the stop rule), or chose not to. */
export const FOLLOWUP_STATES = ['done', 'snoozed', 'declined', 'skipped'] as const;
export type FollowupState = (typeof FOLLOWUP_STATES)[number];

/** The signals a customer gives that a timeline records; buy_soon is the hot lead ("下周就买"). */
export const CASE_SIGNALS = ['buy_soon'] as const;

/** The kinds of personal detail replaced by placeholders before a message goes to a hosted model. */
export const PERSONAL_DETAIL_KINDS = ['EMAIL', 'CARD', 'ID', 'PHONE', 'ADDRESS', 'NAME'] as const;

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * ISO 8601 date and time with a zone, e.g. 2026-11-22T15:49:43.000Z: zod's datetime pattern with
 * an offset allowed and seconds required, written out so a quick check loads no zod
 * (test/unit/case-format.test.ts keeps it equal to zod's).
 */
export const TIME_PATTERN =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;

/**
 * A record read from a file or a store, in the current version: a version 1 case gains empty
 * tags and follow-ups and keeps every other field as it was, so the upgrade loses nothing.
 * Anything else is returned unchanged for the schema to judge. Every reader calls this first.
 */
export function upgradeCase(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const record = data as Record<string, unknown>;
  if (record.version !== 1) return data;
  const { version: _version, ...fields } = record;
  return { version: CASE_VERSION, ...fields, tags: fields.tags ?? [], followups: fields.followups ?? [] };
}

/** Whether a case has an outcome that counts in win rates. */
export function isClosed(record: { outcome: Outcome }): boolean {
  return record.outcome !== 'open';
}
