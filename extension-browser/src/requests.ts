import type { Case } from '@closer/shared';
import * as z from 'zod/mini';

// zod/mini, like protocol.ts: the panel imports this file and has a 150 KB budget.
// Extension pages and the worker forbid eval (MV3's content security policy); zod must not try
// its compiled fast path, which would log a CSP violation on every first parse.
z.config({ jitless: true });

// What the panel asks the background worker (chrome.runtime.sendMessage), and what it gets back.
// The worker owns IndexedDB and runs the engine, so the panel stays small and never opens storage
// itself. Both ends check with zod: the request where it arrives, the answer where it returns.
// The messages between the content script and the others are in protocol.ts.

export const LanguageSchema = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

const ValuesSchema = z.record(z.string(), z.string());

// Practice drills (background/drills.ts): the drills offered, the score of the answers so far, the results kept.
const DrillAnswerSchema = z.object({ customer: z.string().check(z.maxLength(20_000)), reply: z.string().check(z.maxLength(200_000)), seconds: z.optional(z.number().check(z.nonnegative())) });
export type DrillAnswerInput = z.infer<typeof DrillAnswerSchema>;
const DrillRequestSchemas = {
  'drill-list': () => z.object({ type: z.literal('drill-list'), seed: z.int().check(z.nonnegative()) }),
  'drill-score': () => z.object({ type: z.literal('drill-score'), drill: z.string(), answers: z.array(DrillAnswerSchema).check(z.maxLength(200)), save: z.boolean(), started: z.string() }),
  'drills-export': () => z.object({ type: z.literal('drills-export') }),
};

export const DrillListSchema = z.object({
  drills: z.array(z.object({
    id: z.string(),
    title: z.string(),
    trade: z.optional(z.string()),
    persona: z.optional(z.string()),
    seconds: z.number(),
    turns: z.array(z.object({ customer: z.string(), intent: z.string(), step: z.optional(z.string()) })),
  })),
  missing: z.optional(z.string()),
});
export type DrillListView = z.infer<typeof DrillListSchema>;

export const DrillScoreSchema = z.object({
  total: z.number(),
  turns: z.array(z.object({
    customer: z.string(),
    reply: z.string(),
    intent: z.string(),
    step: z.string(),
    score: z.number(),
    checks: z.array(z.object({ check: z.string(), points: z.number(), of: z.number(), why: z.string() })),
    best: z.optional(z.object({ id: z.string(), label: z.string(), text: z.string() })),
    principle: z.string(),
  })),
  saved: z.optional(z.string()),
});
export type DrillScoreView = z.infer<typeof DrillScoreSchema>;

// Team sync (background/sync/): Settings → Team read and saved (the password or token only ever
// goes to the worker, never comes back), and a run now.
const TeamRequestSchemas = {
  'team-get': () => z.object({ type: z.literal('team-get') }),
  'team-set': () => z.object({
    type: z.literal('team-set'),
    enabled: z.boolean(),
    url: z.string().check(z.maxLength(2000)),
    user: z.string().check(z.maxLength(200)),
    /** Absent: keep the one saved. */
    secret: z.optional(z.string().check(z.maxLength(10_000))),
    secretKind: z.enum(['password', 'token']),
  }),
  'team-sync-now': () => z.object({ type: z.literal('team-sync-now') }),
};

// The customer's profile (background/profile.ts): this chat's customer with their tags, stage and
// suggested tags; a tag put on or taken off by the salesperson. Follow-ups (background/followups.ts):
// what is due today, and what the salesperson did with one (never sent by itself).
export const FOLLOWUP_ACTIONS = ['done', 'snoozed', 'declined'] as const;
const ProfileRequestSchemas = {
  // message: the customer message the panel shows, read for cues with the conversation's recent ones.
  'profile-get': () => z.object({ type: z.literal('profile-get'), conversationKey: z.string(), message: z.optional(z.string().check(z.maxLength(20_000))) }),
  'profile-tag': () => z.object({ type: z.literal('profile-tag'), conversationKey: z.string(), tag: z.string().check(z.maxLength(200)), on: z.boolean() }),
  'followups-due': () => z.object({ type: z.literal('followups-due') }),
  'followup-act': () => z.object({
    type: z.literal('followup-act'),
    case: z.string().check(z.maxLength(100)),
    rule: z.string().check(z.maxLength(200)),
    due: z.string().check(z.maxLength(100)),
    action: z.enum(FOLLOWUP_ACTIONS),
    /** For a snooze: how many days (1 = until tomorrow). */
    days: z.optional(z.int().check(z.positive(), z.maximum(60))),
  }),
  'followups-notify': () => z.object({ type: z.literal('followups-notify'), enabled: z.boolean() }),
};

// The team's key and the bundle's updates (background/bundle-trust.ts, bundle-refresh.ts): the
// status, trusting a pasted key or the signer of the bundle in use, forgetting it, checking now.
const BundleTrustRequestSchemas = {
  'bundle-status': () => z.object({ type: z.literal('bundle-status') }),
  'bundle-key-pin': () => z.object({ type: z.literal('bundle-key-pin'), key: z.string().check(z.maxLength(4000)) }),
  'bundle-key-accept': () => z.object({ type: z.literal('bundle-key-accept'), fingerprint: z.string().check(z.maxLength(100)) }),
  'bundle-key-forget': () => z.object({ type: z.literal('bundle-key-forget') }),
  'bundle-refresh-now': () => z.object({ type: z.literal('bundle-refresh-now') }),
  // How often the bundle URL is checked, in minutes (chrome.alarms fires no more often than every 30 s; a bundle needs far less).
  'bundle-refresh-every': () => z.object({ type: z.literal('bundle-refresh-every'), minutes: z.int().check(z.minimum(15), z.maximum(7 * 24 * 60)) }),
};

const REQUEST_SCHEMAS = {
  ...DrillRequestSchemas,
  ...BundleTrustRequestSchemas,
  // Suggest replies for a customer message in a conversation (records the message first).
  'suggest': () => z.object({ type: z.literal('suggest'), text: z.string(), conversationKey: z.string(), record: z.optional(z.boolean()) }),
  'search': () => z.object({ type: z.literal('search'), query: z.string(), intent: z.optional(z.string()), step: z.optional(z.string()) }),
  'variables-get': () => z.object({ type: z.literal('variables-get'), conversationKey: z.string() }),
  'variables-set': () => z.object({ type: z.literal('variables-set'), conversationKey: z.string(), values: ValuesSchema }),
  // The salesperson inserted or copied a reply: the engine will not put it first again.
  // adapted: the text used was a model's adaptation the gate accepted, so review can tell it from verbatim use.
  'reply-used': () => z.object({ type: z.literal('reply-used'), conversationKey: z.string(), replyId: z.string(), adapted: z.optional(z.object({ backend: z.enum(['openai-compatible', 'chrome-built-in']), hosted: z.boolean() })) }),
  'settings-get': () => z.object({ type: z.literal('settings-get') }),
  'settings-set': () => z.object({ type: z.literal('settings-set'), language: z.optional(LanguageSchema), defaults: z.optional(ValuesSchema) }),
  'bundle-import-text': () => z.object({ type: z.literal('bundle-import-text'), text: z.string(), source: z.string() }),
  'bundle-import-url': () => z.object({ type: z.literal('bundle-import-url'), url: z.string() }),
  'bundle-reset': () => z.object({ type: z.literal('bundle-reset') }),
  'site-forget': () => z.object({ type: z.literal('site-forget'), site: z.string() }),
  // The message chosen in the context menu just before the panel opened, if any (taken once).
  'pending-take': () => z.object({ type: z.literal('pending-take') }),
  // The view a click on the follow-ups notification asked for just before the panel opened (taken once).
  'view-take': () => z.object({ type: z.literal('view-take') }),
  // Make sure the chat tab has the content script (the panel opened on a page with activeTab).
  'attach': () => z.object({ type: z.literal('attach'), tabId: z.int() }),
  // Win/loss cases (background/cases.ts): list, mark, export, import, the salesperson's name.
  'cases-list': () => z.object({ type: z.literal('cases-list'), conversationKey: z.optional(z.string()) }),
  'case-update': () => z.object({
    type: z.literal('case-update'),
    id: z.optional(z.string()),
    conversationKey: z.optional(z.string()),
    change: z.object({
      outcome: z.optional(z.enum(['won', 'lost', 'open'])),
      amount: z.optional(z.number().check(z.nonnegative())),
      lossReason: z.optional(z.string()),
      notes: z.optional(z.string().check(z.maxLength(20_000))),
      customer: z.optional(z.string().check(z.maxLength(200))),
      product: z.optional(z.string().check(z.maxLength(200))),
    }),
  }),
  'cases-export': () => z.object({ type: z.literal('cases-export'), keepNames: z.boolean() }),
  'cases-import': () => z.object({ type: z.literal('cases-import'), text: z.string(), source: z.string() }),
  // Adaptation by a model (background/models/): adapt one reply, the state of the back-ends, the salesperson's settings.
  'adapt': () => z.object({ type: z.literal('adapt'), conversationKey: z.string(), replyId: z.string(), message: z.string().check(z.maxLength(20_000)) }),
  'adapt-status': () => z.object({ type: z.literal('adapt-status') }),
  'adapt-settings-set': () => z.object({
    type: z.literal('adapt-settings-set'),
    settings: z.object({
      enabled: z.optional(z.boolean()),
      backend: z.optional(z.enum(['openai-compatible', 'chrome-built-in'])),
      endpoint: z.optional(z.string().check(z.maxLength(2000))),
      model: z.optional(z.string().check(z.maxLength(200))),
      key: z.optional(z.string().check(z.maxLength(500))),
      timeoutSeconds: z.optional(z.number().check(z.positive(), z.maximum(120))),
    }),
  }),
  'cases-profile': () => z.object({ type: z.literal('cases-profile'), salesperson: z.optional(z.string().check(z.maxLength(200))), reasons: z.optional(z.array(z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]*$/)))) }),
  ...ProfileRequestSchemas,
  ...TeamRequestSchemas,
};

type RequestSchemas = typeof REQUEST_SCHEMAS;
export type Request = { [Type in keyof RequestSchemas]: z.infer<ReturnType<RequestSchemas[Type]>> }[keyof RequestSchemas];

// Each request's schema is built the first time one of its type arrives: the worker's start built
// all of them, about 1,100 zod pieces and 2 ms of every first answer after a restart.
const built = new Map<string, z.ZodMiniType>();

/** Every request type. */
export const REQUEST_TYPES = Object.keys(REQUEST_SCHEMAS) as (keyof RequestSchemas)[];

/** The schema of a request type, or undefined when no request has that type. */
export function requestSchemaOf(type: string): z.ZodMiniType | undefined {
  if (!Object.hasOwn(REQUEST_SCHEMAS, type)) return undefined;
  let schema = built.get(type);
  if (!schema) built.set(type, (schema = REQUEST_SCHEMAS[type as keyof RequestSchemas]()));
  return schema;
}

export const IntentScoreSchema = z.object({ intent: z.string(), score: z.number() });

export const StepViewSchema = z.object({ id: z.string(), title: z.string(), goal: z.string() });
export type StepView = z.infer<typeof StepViewSchema>;

export const ReplyViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  text: z.string(),
  why: z.string(),
  missing: z.array(z.string()),
  score: z.number(),
});
export type ReplyView = z.infer<typeof ReplyViewSchema>;

export const StoryViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  background: z.string(),
  problem: z.string(),
  solution: z.string(),
  before: z.string(),
  after: z.string(),
});
export type StoryView = z.infer<typeof StoryViewSchema>;

export const SuggestionSchema = z.object({
  message: z.string(),
  intent: z.string(),
  intents: z.array(IntentScoreSchema),
  evidence: z.array(z.string()),
  step: z.nullable(StepViewSchema),
  next: z.nullable(StepViewSchema),
  replies: z.array(ReplyViewSchema),
  stories: z.array(StoryViewSchema),
  /** The customer's intent has no objection in the bundle: the method's principle for it instead. */
  uncovered: z.optional(z.object({ intent: z.string(), principle: z.string() })),
  /** The variables the shown replies use, so the form can put them first. */
  variables: z.array(z.string()),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const SearchHitSchema = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  category: z.string(),
  score: z.number(),
  principle: z.string(),
  file: z.string(),
  line: z.optional(z.number()),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchResultSchema = z.object({
  hits: z.array(SearchHitSchema),
  intents: z.array(z.string()),
  steps: z.array(StepViewSchema),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const VariableFieldSchema = z.object({
  name: z.string(),
  label: z.string(),
  fallback: z.string(),
  value: z.string(),
});
export type VariableField = z.infer<typeof VariableFieldSchema>;

export const BundleInfoSchema = z.object({
  hash: z.string(),
  source: z.string(),
  importedAt: z.number(),
  playbooks: z.array(z.string()),
  replies: z.number(),
  /** Why the bundle's indexes are rebuilt on each start (no precompiled part this version reads); absent when they are not. */
  notice: z.optional(z.string()),
});
export type BundleInfo = z.infer<typeof BundleInfoSchema>;

const SignerSchema = z.object({ key: z.string(), fingerprint: z.string() });
export const BundleStatusSchema = z.object({
  hash: z.string(),
  source: z.string(),
  playbooks: z.array(z.string()),
  /** Who signed the bundle in use (checked when it was imported), or null when unsigned. */
  signer: z.nullable(SignerSchema),
  pinned: z.nullable(z.object({ key: z.string(), fingerprint: z.string(), from: z.enum(['pasted', 'bundle']), pinnedAt: z.number() })),
  refresh: z.nullable(z.object({
    url: z.string(),
    periodMinutes: z.number(),
    lastChecked: z.nullable(z.number()),
    lastChanged: z.nullable(z.number()),
    lastError: z.nullable(z.object({ code: z.string(), message: z.string(), at: z.number() })),
  })),
});
export type BundleStatus = z.infer<typeof BundleStatusSchema>;

export const SettingsSchema = z.object({
  language: LanguageSchema,
  defaults: ValuesSchema,
  variables: z.array(VariableFieldSchema),
  sites: z.array(z.object({ site: z.string(), selector: z.string() })),
  bundle: BundleInfoSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const AdaptSettingsSchema = z.object({
  enabled: z.boolean(),
  backend: z.enum(['openai-compatible', 'chrome-built-in']),
  endpoint: z.string(),
  model: z.string(),
  key: z.string(),
  timeoutSeconds: z.number(),
});
export type AdaptSettings = z.infer<typeof AdaptSettingsSchema>;

export const AdaptResultSchema = z.object({
  replyId: z.string(),
  accepted: z.boolean(),
  original: z.string(),
  adapted: z.nullable(z.string()),
  /** What Insert / Copy use: the adaptation when accepted, else the approved text. */
  text: z.string(),
  /** Why it was not used: a stable code and its parameters for the panel's language, and the core's English. */
  reasons: z.array(z.object({ code: z.string(), params: z.array(z.string()), message: z.string() })),
  backend: z.string(),
  /** Which kind of back-end answered (backend is its label for people). */
  backendKind: z.enum(['openai-compatible', 'chrome-built-in']),
  diff: z.array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() })),
  /** What was sent: to a hosted model, and which personal details were replaced by placeholders. */
  sent: z.optional(z.object({ hosted: z.boolean(), replaced: z.record(z.string(), z.number()) })),
});
export type AdaptResult = z.infer<typeof AdaptResultSchema>;

export const AdaptStatusSchema = z.object({
  settings: AdaptSettingsSchema,
  policy: z.object({ allowed: z.boolean(), backends: z.array(z.string()), hosted: z.boolean() }),
  builtIn: z.object({ available: z.boolean(), reason: z.string() }),
});
export type AdaptStatus = z.infer<typeof AdaptStatusSchema>;

export const TeamViewSchema = z.object({
  settings: z.object({ enabled: z.boolean(), url: z.string(), user: z.string(), secretKind: z.enum(['password', 'token']), hasSecret: z.boolean() }),
  status: z.object({
    enabled: z.boolean(),
    /** ISO times of the last run that worked and of the last run at all. */
    lastSync: z.optional(z.string()),
    lastAttempt: z.optional(z.string()),
    /** Cases changed here that the server does not have yet. */
    pending: z.number(),
    /** The last failure: a stable code for the panel's language and the English sentence. */
    error: z.optional(z.object({ code: z.string(), message: z.string() })),
    /** After a failure, no automatic run before this (the back-off). */
    nextAttempt: z.optional(z.string()),
    /** Cases the server refused (its validation), with its reason. */
    refused: z.array(z.object({ id: z.string(), reason: z.string() })),
    lastRun: z.optional(z.object({ pulled: z.number(), pushed: z.number(), settled: z.number() })),
    running: z.boolean(),
  }),
});
export type TeamView = z.infer<typeof TeamViewSchema>;

const Ok = z.object({ ok: z.literal(true) });

const TagViewSchema = z.object({ id: z.string(), label: z.string(), hint: z.optional(z.string()) });
export const ProfileViewSchema = z.object({
  /** The customer's name as this chat knows it ('' when not known yet). */
  customer: z.string(),
  /** The case the tags are on (null until this chat has one). */
  case: z.nullable(z.string()),
  lifecycle: z.object({
    stage: z.enum(['intro', 'growth', 'mature', 'dormant', 'lost']),
    purchases: z.number(),
    firstContact: z.optional(z.string()),
    lastContact: z.optional(z.string()),
    daysSinceContact: z.optional(z.number()),
  }),
  /** The tags on this customer, with the category and group they sit under. */
  tags: z.array(z.object({ id: z.string(), label: z.string(), path: z.string() })),
  /** The team's tag tree: category → group → tag. */
  tree: z.array(z.object({ id: z.string(), label: z.string(), groups: z.array(z.object({ id: z.string(), label: z.string(), tags: z.array(TagViewSchema) })) })),
  suggestions: z.array(z.object({ tag: z.string(), label: z.string(), why: z.string() })),
});
export type ProfileView = z.infer<typeof ProfileViewSchema>;

export const DueFollowupViewSchema = z.object({
  case: z.string(),
  customer: z.string(),
  conversation: z.string(),
  rule: z.string(),
  due: z.string(),
  reason: z.string(),
  reply: z.string(),
  text: z.string(),
  state: z.enum(['due', 'overdue', 'snoozed']),
});
export type DueFollowupView = z.infer<typeof DueFollowupViewSchema>;
export const FollowupsDueSchema = z.object({ items: z.array(DueFollowupViewSchema), notify: z.boolean() });
export type FollowupsDue = z.infer<typeof FollowupsDueSchema>;

// The panel imports this file, and the core's CaseSchema would bring the whole core (yaml, the
// playbook schema) into the panel's 150 KB. Cases are checked with CaseSchema where they enter
// the worker (imports, updates); their answers to the panel come from the worker itself.
const CaseAnswerSchema = z.custom<Case>((value) => typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string', {
  message: 'expected a case record',
});

/** The answer each request gets, so the caller checks the reply with the right schema. */
export const ResultSchemas = {
  suggest: SuggestionSchema,
  search: SearchResultSchema,
  'variables-get': z.object({ fields: z.array(VariableFieldSchema) }),
  'variables-set': Ok,
  'reply-used': Ok,
  'settings-get': SettingsSchema,
  'settings-set': Ok,
  'bundle-import-text': BundleInfoSchema,
  'bundle-import-url': BundleInfoSchema,
  'bundle-reset': BundleInfoSchema,
  'bundle-status': BundleStatusSchema,
  'bundle-key-pin': BundleStatusSchema,
  'bundle-key-accept': BundleStatusSchema,
  'bundle-key-forget': BundleStatusSchema,
  'bundle-refresh-now': BundleStatusSchema,
  'bundle-refresh-every': BundleStatusSchema,
  'site-forget': Ok,
  'pending-take': z.object({ text: z.optional(z.string()), tabId: z.optional(z.int()) }),
  'view-take': z.object({ view: z.optional(z.string()) }),
  attach: z.object({ attached: z.boolean(), error: z.optional(z.string()) }),
  'cases-list': z.object({
    cases: z.array(CaseAnswerSchema),
    current: z.nullable(z.string()),
    profile: z.object({ salesperson: z.string(), reasons: z.array(z.string()) }),
    reasons: z.array(z.string()),
  }),
  'case-update': CaseAnswerSchema,
  'cases-export': z.object({ text: z.string(), count: z.number(), drills: z.number() }),
  'cases-import': z.object({ added: z.number(), updated: z.number(), unchanged: z.number(), problems: z.array(z.string()) }),
  'cases-profile': Ok,
  adapt: AdaptResultSchema,
  'adapt-status': AdaptStatusSchema,
  'adapt-settings-set': Ok,
  'drill-list': DrillListSchema,
  'drill-score': DrillScoreSchema,
  'drills-export': z.object({ text: z.string(), count: z.number() }),
  'team-get': TeamViewSchema,
  'team-set': TeamViewSchema,
  'team-sync-now': TeamViewSchema,
  'profile-get': ProfileViewSchema,
  'profile-tag': ProfileViewSchema,
  'followups-due': FollowupsDueSchema,
  'followup-act': FollowupsDueSchema,
  'followups-notify': Ok,
} as const satisfies Record<Request['type'], z.ZodMiniType>;
export type Result<T extends Request['type']> = z.infer<(typeof ResultSchemas)[T]>;

/** Every answer travels in this envelope; a refusal carries the reason the user will read. */
export const EnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type Envelope = z.infer<typeof EnvelopeSchema>;
