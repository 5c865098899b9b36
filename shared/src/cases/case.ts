// The case record: one conversation's outcome and what happened in it. Stored one per line
// (JSON Lines) with a schema version, so files from several salespeople can be merged.
import * as z from 'zod';
import { lazySchema } from '../playbook/lazy-schema.ts';
import { ADAPT_BACKENDS, IdSchema, IntentSchema } from '../playbook/schema.ts';
import { CASE_SIGNALS, CASE_VERSION, FOLLOWUP_STATES, LIFECYCLE_STAGES, OUTCOMES, PERSONAL_DETAIL_KINDS, TIME_PATTERN, UUID_PATTERN } from './case-format.ts';

export * from './case-format.ts';

// Each schema is a function that builds it on first use (lazy-schema.ts): CaseSchema().safeParse(…).

export const OutcomeSchema = lazySchema(() => z.enum(OUTCOMES));

export const CaseIdSchema = lazySchema(() => z.string().regex(UUID_PATTERN, 'a case id is a UUID such as 3f2a9c1e-8b7d-4c2a-9e1f-0a1b2c3d4e5f'));

export const TimeSchema = lazySchema(() => z.string().regex(TIME_PATTERN, 'a time is ISO 8601 with a zone, e.g. 2026-11-22T15:49:43.000Z'));

/** How many personal details of each kind were replaced by placeholders before a message went to a hosted model. */
export const ReplacedDetailsSchema = lazySchema(() => {
  const replacedCount = z.number().int().positive().optional();
  return z
    .strictObject({ EMAIL: replacedCount, CARD: replacedCount, ID: replacedCount, PHONE: replacedCount, ADDRESS: replacedCount, NAME: replacedCount })
    .describe('How many personal details of each kind were replaced; never the details themselves.');
});
export type ReplacedDetails = z.infer<ReturnType<typeof ReplacedDetailsSchema>>;
// The schema's keys and the written-out list must stay the same set: the build fails otherwise.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const detailKindsMatch: SameKeys<keyof ReplacedDetails, (typeof PERSONAL_DETAIL_KINDS)[number]> = true;
void detailKindsMatch;

/**
 * What the panel records as the salesperson works. Customer text is stored only as its intent,
 * except what was sent to a hosted model, which has already left the browser and is recorded
 * with its personal details masked so the team can see what a hosted service read.
 */
export const CaseEventSchema = lazySchema(() => {
  const at = TimeSchema().describe('When it happened.');
  return z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('message'), at, intent: IntentSchema() }),
    z.strictObject({ type: z.literal('step'), at, step: IdSchema() }),
    // Two kinds added with version 2; they start follow-up rules (a B2B meeting, a hot lead).
    z.strictObject({ type: z.literal('meeting'), at }).describe('A visit or meeting with the customer took place.'),
    z.strictObject({ type: z.literal('signal'), at, signal: z.enum(CASE_SIGNALS) }).describe('The customer showed a signal, e.g. said they will buy soon.'),
    z.strictObject({ type: z.literal('suggested'), at, replies: z.array(IdSchema()) }),
    z.strictObject({
      type: z.literal('inserted'),
      at,
      reply: IdSchema(),
      // Absent for the approved text word for word (and in every case written before adaptation), so
      // old cases stay valid and review can compare adapted and verbatim use of the same reply.
      adapted: z
        .strictObject({ backend: z.enum(ADAPT_BACKENDS), hosted: z.boolean().describe('Sent to a hosted model, personal details masked.') })
        .optional()
        .describe('The text inserted was a model\'s adaptation of the reply that the gate accepted.'),
    }),
    // A new kind of event, so every case written before stays valid.
    z.strictObject({
      type: z.literal('sent'),
      at,
      reply: IdSchema().describe('The approved reply the model was asked to adapt.'),
      message: z.string().describe('The customer\'s message as the hosted model received it: personal details replaced by placeholders such as [PHONE_1].'),
      replaced: ReplacedDetailsSchema(),
    }),
    // A new kind too: each tag put on or taken off, so a merge lets the latest change of a tag win
    // (a tag taken off stays off when an older copy of the case comes back).
    z.strictObject({
      type: z.literal('tag'),
      at,
      tag: IdSchema().describe('The customer tag put on or taken off.'),
      added: z.boolean().describe('true: put on; false: taken off.'),
    }).describe('The salesperson put a customer tag on the case or took it off.'),
  ]);
});
export type CaseEvent = z.infer<ReturnType<typeof CaseEventSchema>>;
export type CaseEventType = CaseEvent['type'];

/**
 * One follow-up of the plan and what was done with it. It is keyed by its rule and the due time
 * it was computed for, so a later edit of the case never makes a done follow-up due again.
 */
export const CaseFollowupSchema = lazySchema(() => z
  .strictObject({
    rule: IdSchema().describe('The id of the follow-up rule in the playbooks.'),
    due: TimeSchema().describe('When it was due.'),
    state: z.enum(FOLLOWUP_STATES),
    at: TimeSchema().describe('When the salesperson did it.'),
    until: TimeSchema().optional().describe('For a snoozed follow-up: when it is due again.'),
  })
  .refine((followup) => (followup.until !== undefined) === (followup.state === 'snoozed'), {
    message: 'a snoozed follow-up needs "until", and only a snoozed one has it',
    path: ['until'],
  }));
export type CaseFollowup = z.infer<ReturnType<typeof CaseFollowupSchema>>;

export const CaseSchema = lazySchema(() => z
  .strictObject({
    version: z.literal(CASE_VERSION),
    id: CaseIdSchema(),
    /** What identifies the chat on its site (e.g. the page and the chat's title), so recording finds the case again. */
    conversation: z.string(),
    salesperson: z.string(),
    /** The customer's name as the salesperson knows it, or an alias after an export. */
    customer: z.string(),
    product: z.string().optional(),
    amount: z.number().nonnegative().finite().optional(),
    outcome: OutcomeSchema(),
    lossReason: IdSchema().optional(),
    notes: z.string(),
    /** Ids of the team's customer tags (the third level of the tree) accepted for this customer in this case; each change is a `tag` event too. */
    tags: z.array(IdSchema()),
    /** The customer's lifecycle stage when the case was last saved: a snapshot; the live one is derived from all their cases. */
    lifecycle: z.enum(LIFECYCLE_STAGES).optional(),
    /** A tag id of the `source` category, when known, for figures by source. */
    source: IdSchema().optional(),
    followups: z.array(CaseFollowupSchema()),
    timeline: z.array(CaseEventSchema()),
    createdAt: TimeSchema(),
    updatedAt: TimeSchema(),
    /** When the outcome was set to won or lost. */
    closedAt: TimeSchema().optional(),
  })
  .refine((record) => record.lossReason === undefined || record.outcome === 'lost', {
    message: 'a loss reason belongs only to a lost case',
    path: ['lossReason'],
  }));
export type Case = z.infer<ReturnType<typeof CaseSchema>>;
