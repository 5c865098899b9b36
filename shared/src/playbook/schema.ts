import * as z from 'zod';
import { ADAPT_BACKENDS, FOLLOWUP_TRIGGERS, GOLDEN_STEPS, INTENTS, LANGUAGES, LINT_LEVELS, RUNG_KINDS, TAG_TIERS } from './ids.ts';
import { lazySchema } from './lazy-schema.ts';

// Each schema is a function that builds it on first use (lazy-schema.ts): PlaybookSchema().safeParse(…).

// The id lists are in ids.ts, which the engine reads without building the schema; said here too.
export * from './ids.ts';

export const IntentSchema = lazySchema(() => z.enum(INTENTS).describe('What the customer is doing: one of the six intent ids.'));

export const LanguageSchema = lazySchema(() => z.enum(LANGUAGES).describe('The language of a reply: zh-CN (the default) or en.'));

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
export const IdSchema = lazySchema(() => z
  .string()
  .regex(ID_PATTERN, 'an id uses lower-case letters, digits, "-" and "_", and starts with a letter or digit')
  .describe('A short name other items refer to: lower-case letters, digits, "-" and "_".'));

const VARIABLE_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const VariableNameSchema = lazySchema(() => z.string().regex(VARIABLE_PATTERN));

/**
 * Prose an author writes: either plain text, or the Chinese and English versions side by side.
 * Plain text keeps a first playbook short; the object form is how the default playbooks are written.
 */
export const LocalTextSchema = lazySchema(() => z
  .union([
    z.string().min(1),
    z.strictObject({
      'zh-CN': z.string().min(1).describe('The Chinese text.'),
      en: z.string().min(1).optional().describe('The English text.'),
    }),
  ])
  .describe('Text shown to people: plain text, or {zh-CN: …, en: …}.'));
export type LocalText = z.infer<ReturnType<typeof LocalTextSchema>>;

/** How a model may adapt one reply: false sends it word for word (a legal text); bounds narrow the gate's defaults. */
export const ReplyAdaptSchema = lazySchema(() => z
  .union([
    z.boolean(),
    z.strictObject({
      maxLength: z.number().int().positive().optional().describe('The most characters an adaptation may have (default: half as long again as the reply, plus 40).'),
      maxChange: z.number().min(0).max(1).optional().describe('The largest share of words an adaptation may change, 0..1 (default 0.6).'),
    }),
  ])
  .describe('Whether a model may adapt this reply to the customer: false forbids it (sent word for word), or bounds on length and change.'));
export type ReplyAdapt = z.infer<ReturnType<typeof ReplyAdaptSchema>>;

export const ReplySchema = lazySchema(() => z
  .strictObject({
    id: IdSchema().describe('A unique id for this reply, e.g. price-value-first.'),
    label: z.string().min(1).describe('A short label the salesperson reads at a glance, e.g. "Talk value first".'),
    text: z
      .string()
      .min(1)
      .describe('What gets inserted into the chat. {{variable}} slots are filled from declared variables.'),
    lang: LanguageSchema().optional(),
    tags: z.array(IdSchema()).optional().describe('Optional tags, for search and filtering.'),
    adapt: ReplyAdaptSchema().optional(),
  })
  .describe('One reply the salesperson can insert into the chat.'));
export type Reply = z.infer<ReturnType<typeof ReplySchema>>;

/**
 * A variable's default: one text for replies of every language (a shop's name), or one per
 * language (a price said in words). A reply gets only its own language's default, never another's.
 */
export const VariableDefaultSchema = lazySchema(() => z
  .union([
    z.string(),
    z.strictObject({
      'zh-CN': z.string().describe('The default in Chinese replies.'),
      en: z.string().optional().describe('The default in English replies.'),
    }),
    z.strictObject({ en: z.string().describe('The default in English replies.') }),
  ])
  .describe('The value used when the salesperson has not given one: text for every reply, or {zh-CN: …, en: …} per reply language.'));
export type VariableDefault = z.infer<ReturnType<typeof VariableDefaultSchema>>;

export const VariableSchema = lazySchema(() => z
  .strictObject({
    label: LocalTextSchema().describe('What the variable is, shown in forms, e.g. 产品 / Product.'),
    default: VariableDefaultSchema().optional(),
  })
  .describe('A {{variable}} that replies in this playbook may use.'));
export type Variable = z.infer<ReturnType<typeof VariableSchema>>;

export const TriggersSchema = lazySchema(() => z
  .strictObject({
    keywords: z.array(z.string().min(1)).optional().describe('Words or short phrases that signal this objection.'),
    examples: z
      .array(z.string().min(1))
      .optional()
      .describe('Real customer messages that mean this objection. The engine learns from them.'),
  })
  .describe('How the engine recognises this objection in a customer message.'));
export type Triggers = z.infer<ReturnType<typeof TriggersSchema>>;

export const ObjectionSchema = lazySchema(() => z
  .strictObject({
    id: IdSchema(),
    intent: IntentSchema(),
    title: LocalTextSchema().describe('The name of the objection, e.g. 嫌贵 / "Too expensive".'),
    principle: LocalTextSchema().describe('Why the replies work: the idea a new hire should learn.'),
    source: z.string().optional().describe('Where the method comes from (seed and section).'),
    triggers: TriggersSchema(),
    replies: z.array(ReplySchema()).describe('The replies for this objection, best first.'),
  })
  .describe('An objection or signal the customer raises, with the replies that answer it.'));
export type Objection = z.infer<ReturnType<typeof ObjectionSchema>>;

export const StepSchema = lazySchema(() => z
  .strictObject({
    id: IdSchema().describe('The step id; the golden model uses icebreak, introduce, consider, ask_close, resolve_doubt, push_close.'),
    title: LocalTextSchema(),
    goal: LocalTextSchema().describe('What this step should achieve.'),
    intents: z.array(IntentSchema()).optional().describe('Customer intents that move the chat into this step.'),
    next: IdSchema().optional().describe('The id of the step that sensibly comes next.'),
    serves: z
      .union([z.enum(GOLDEN_STEPS), IntentSchema()])
      .optional()
      .describe('For a step of a sequence other than the golden model: the golden-model step or the intent it serves, where search files it.'),
    questions: z.array(LocalTextSchema()).optional().describe('Questions to ask in this step.'),
    replies: z.array(ReplySchema()).optional().describe('Replies written for this step.'),
    uses: z.array(IdSchema()).optional().describe('Ids of replies defined elsewhere that also fit this step.'),
  })
  .describe('One step of a sequence.'));
export type Step = z.infer<ReturnType<typeof StepSchema>>;

export const SequenceSchema = lazySchema(() => z
  .strictObject({
    id: IdSchema().describe('The sequence id; the golden sales model is "golden".'),
    title: LocalTextSchema(),
    principle: LocalTextSchema().optional(),
    source: z.string().optional(),
    steps: z.array(StepSchema()).min(1),
  })
  .describe('An ordered path through a chat, such as the golden sales model.'));
export type Sequence = z.infer<ReturnType<typeof SequenceSchema>>;

export const StorySchema = lazySchema(() => z
  .strictObject({
    id: IdSchema(),
    title: LocalTextSchema(),
    example: z.boolean().optional().describe('true marks an example story, to be replaced by a real one.'),
    background: LocalTextSchema().describe('Who the customer was.'),
    problem: LocalTextSchema().describe('The concrete problem they had.'),
    solution: LocalTextSchema().describe('What you offered: the value of the product.'),
    feeling: z
      .strictObject({
        before: LocalTextSchema().describe('How it was before.'),
        after: LocalTextSchema().describe('How it felt after.'),
      })
      .describe('The customer’s real feeling, before and after.'),
    tags: z.array(IdSchema()).optional().describe('Declared tags (see "tags") such as a trade or a product.'),
  })
  .describe('A customer story of the snowball: background, problem, solution, feeling.'));
export type Story = z.infer<ReturnType<typeof StorySchema>>;

export const TagSchema = lazySchema(() => z.strictObject({ label: LocalTextSchema() }).describe('A tag stories may carry.'));
export type Tag = z.infer<ReturnType<typeof TagSchema>>;

export const GuideSchema = lazySchema(() => z
  .strictObject({
    id: IdSchema(),
    title: LocalTextSchema(),
    text: LocalTextSchema().describe('A short guide: how to use or grow this part of the method.'),
  })
  .describe('A short piece of guidance for the team, searchable by new hires.'));
export type Guide = z.infer<ReturnType<typeof GuideSchema>>;

/** How many of a drill's 100 points each check of a turn is worth; left out, the defaults (DEFAULT_DRILL_WEIGHTS). */
export const DrillWeightsSchema = lazySchema(() => z
  .strictObject({
    answer: z.number().nonnegative().optional().describe('The reply is close to an approved reply for the intent the customer showed (default 45).'),
    moves: z.number().nonnegative().optional().describe('The principle\'s key moves are there, in order, e.g. value before a discount (default 15).'),
    step: z.number().nonnegative().optional().describe('The reply does what the golden model\'s step calls for (default 15).'),
    compliance: z.number().nonnegative().optional().describe('The reply passes the compliance lint: no guarantees, no invented discounts or scarcity (default 15).'),
    length: z.number().nonnegative().optional().describe('The reply is a chat message\'s length (default 5).'),
    time: z.number().nonnegative().optional().describe('The reply came within the time to answer (default 5).'),
  })
  .describe('How many points each check is worth; they are scaled to 100 together.'));
export type DrillWeights = z.infer<ReturnType<typeof DrillWeightsSchema>>;

export const DrillTurnSchema = lazySchema(() => z
  .strictObject({
    step: z.enum(GOLDEN_STEPS).optional().describe('The golden-model step this turn is in; left out, the chat\'s step as the engine reads it.'),
    intent: IntentSchema().describe('What the customer does in this turn: one of the six intent ids.'),
    customer: LocalTextSchema().describe('What the simulated customer writes.'),
    variants: z.array(LocalTextSchema()).optional().describe('Other ways the customer may say it; a drill picks one per run.'),
  })
  .describe('One turn of a drill: the customer writes, the new hire answers.'));
export type DrillTurn = z.infer<ReturnType<typeof DrillTurnSchema>>;

export const DrillSchema = lazySchema(() => z
  .strictObject({
    id: IdSchema(),
    title: LocalTextSchema().describe('The drill\'s name, e.g. 嫌贵的宝妈 / "The parent who finds it dear".'),
    trade: LocalTextSchema().optional().describe('The trade the customer buys from, e.g. 早教课程 / early-learning classes.'),
    persona: LocalTextSchema().optional().describe('Who the simulated customer is: what they want and how they talk.'),
    seconds: z.number().positive().optional().describe('The time to answer one turn, in seconds (default 90).'),
    weights: DrillWeightsSchema().optional(),
    turns: z.array(DrillTurnSchema()).describe('The customer\'s turns in order, along the golden model.'),
  })
  .describe('A practice drill: a simulated customer a new hire sells to, scored turn by turn.'));
export type Drill = z.infer<ReturnType<typeof DrillSchema>>;

export const AdaptPolicySchema = lazySchema(() => z
  .strictObject({
    allowed: z.boolean().describe('true lets salespeople turn on adaptation of approved replies by a model (each must still opt in); false keeps it off.'),
    backends: z.array(z.enum(ADAPT_BACKENDS)).optional().describe('The back-ends allowed: openai-compatible (Ollama, llama.cpp, vLLM, LM Studio, a hosted service), chrome-built-in (Chrome\'s Prompt API). Default: both.'),
    hosted: z.boolean().optional().describe('true allows an endpoint on another computer (a hosted service); personal details are replaced by placeholders before sending. Default false: only this computer or the local network.'),
  })
  .describe('The team\'s policy on adapting replies with a model; off unless allowed.'));
export type AdaptPolicy = z.infer<ReturnType<typeof AdaptPolicySchema>>;

export const TagTierSchema = lazySchema(() => z.enum(TAG_TIERS).describe('A customer tier of the product ladder: entry (little to spend), middle (some means or high regard), top (both).'));

/** When the panel suggests a customer tag: any one of these seen in the chat is enough. */
export const TagSuggestSchema = lazySchema(() => z
  .strictObject({
    intents: z.array(IntentSchema()).optional().describe('The chat showed one of these intents, e.g. [price].'),
    steps: z.array(z.enum(GOLDEN_STEPS)).optional().describe('The chat reached one of these golden-model steps.'),
    rival: z.boolean().optional().describe('true: the customer named a rival or another shop.'),
    buySoon: z.boolean().optional().describe('true: the customer said they will buy soon (a hot lead).'),
  })
  .describe('When the panel suggests this tag; the salesperson accepts it with one click, it is never applied silently.'));
export type TagSuggest = z.infer<ReturnType<typeof TagSuggestSchema>>;

export const CustomerTagSchema = lazySchema(() => z
  .strictObject({
    id: IdSchema().describe('The tag id, unique across all playbooks, e.g. referral_friend.'),
    parent: IdSchema().optional().describe('The category or group this sits under; a category has none. Three levels: category → group → tag.'),
    label: LocalTextSchema().describe('What the salesperson reads, e.g. 朋友介绍 / A friend\'s referral.'),
    hint: LocalTextSchema().optional().describe('When to use it.'),
    suggest: TagSuggestSchema().optional(),
    tier: TagTierSchema().optional().describe('The product-ladder tier a customer with this tag is for.'),
  })
  .describe('One node of the team\'s customer tag tree: a category (no parent), a group (under a category) or a tag (under a group). Only tags are put on customers.'));
export type CustomerTag = z.infer<ReturnType<typeof CustomerTagSchema>>;

export const FollowupTriggerSchema = lazySchema(() => z
  .enum(FOLLOWUP_TRIGGERS)
  .describe('What the delay counts from: won (a sale), lost (a lost case), hot_lead (the customer said they will buy soon), meeting (a B2B visit), idle (days without contact).'));

export const FollowupDelaySchema = lazySchema(() => z
  .strictObject({
    days: z.number().int().nonnegative().optional().describe('Whole days (calendar days in the salesperson\'s time zone).'),
    hours: z.number().int().nonnegative().optional().describe('Hours.'),
  })
  .describe('How long after the event the follow-up is due; for idle, the days without contact.'));
export type FollowupDelay = z.infer<ReturnType<typeof FollowupDelaySchema>>;

/**
 * What a follow-up sends: one reply or story id whatever the language, or one per language as
 * prose is written ({zh-CN: …, en: …}), chosen by the panel's or the CLI's language.
 */
export const FollowupSendSchema = lazySchema(() => z
  .union([
    IdSchema(),
    z.strictObject({
      'zh-CN': IdSchema().describe('The reply or story sent when the panel or the CLI is in Chinese.'),
      en: IdSchema().optional().describe('The reply or story sent in English (absent: the Chinese one).'),
    }),
  ])
  .describe('The id of a reply or a story of the playbooks: the approved text to send; or one per language, {zh-CN: …, en: …}.'));
export type FollowupSend = z.infer<ReturnType<typeof FollowupSendSchema>>;

export const FollowupRuleSchema = lazySchema(() => z
  .strictObject({
    id: IdSchema().describe('The rule id, unique across all playbooks, e.g. care_day1.'),
    label: LocalTextSchema().describe('Why it is due, as the salesperson reads it.'),
    when: FollowupTriggerSchema(),
    lossReasons: z.array(IdSchema()).optional().describe('Only with when: lost — the loss reasons that trigger it (absent: any).'),
    after: FollowupDelaySchema(),
    send: FollowupSendSchema(),
    offerNextRung: z.boolean().optional().describe('true: also propose the next rung of the product ladder.'),
  })
  .describe('One follow-up of the revisit plan: after which event, how long after, what to send.'));
export type FollowupRule = z.infer<ReturnType<typeof FollowupRuleSchema>>;

export const FollowupStopSchema = lazySchema(() => z
  .strictObject({
    refusals: z.number().int().positive().optional().describe('Stop after this many "customer declined" (default 3).'),
    lossReasons: z.array(IdSchema()).optional().describe('No follow-ups after a case lost for one of these (default [no_need]).'),
  })
  .describe('When to stop following a customer up.'));
export type FollowupStop = z.infer<ReturnType<typeof FollowupStopSchema>>;

export const FollowupPlanSchema = lazySchema(() => z
  .strictObject({
    stop: FollowupStopSchema().optional(),
    reasons: z.array(IdSchema()).optional().describe('The team\'s own loss reasons beside price, rival, timing, no_need, no_trust and other (as closer report --reasons).'),
    rules: z.array(FollowupRuleSchema()).describe('The follow-up rules.'),
  })
  .describe('The revisit plan: when the salesperson is reminded to follow a customer up, and when to stop.'));
export type FollowupPlan = z.infer<ReturnType<typeof FollowupPlanSchema>>;

export const PriceBandSchema = lazySchema(() => z
  .strictObject({
    min: z.number().nonnegative().describe('The lowest price.'),
    max: z.number().nonnegative().describe('The highest price.'),
  })
  .describe('The price band of a rung (the currency is not modelled).'));
export type PriceBand = z.infer<ReturnType<typeof PriceBandSchema>>;

export const LadderRungSchema = lazySchema(() => z
  .strictObject({
    id: IdSchema().describe('The rung id, unique across all playbooks, e.g. rung_magnet.'),
    label: LocalTextSchema().describe('The product, e.g. 9.9元体验课 / A 9.9 trial class.'),
    kind: z.enum(RUNG_KINDS).describe('lead_magnet, recorded, live, camp, community, coaching or consulting.'),
    price: PriceBandSchema(),
    tier: TagTierSchema().describe('The customer tier this rung is for.'),
    reply: IdSchema().describe('The id of the reply whose approved text offers this rung.'),
    translations: z
      .strictObject({ 'zh-CN': IdSchema().optional(), en: IdSchema().optional() })
      .optional()
      .describe('The same offer in another language: language → reply id, e.g. { en: reply_offer_magnet_en }; used when the chat is in that language.'),
  })
  .describe('One product of the ladder.'));
export type LadderRung = z.infer<ReturnType<typeof LadderRungSchema>>;

export const LadderSchema = lazySchema(() => z
  .strictObject({
    example: z.boolean().optional().describe('true marks an example ladder, to be replaced by the team\'s own products.'),
    rungs: z.array(LadderRungSchema()).describe('The products in order, cheapest first.'),
  })
  .describe('The product ladder: a smaller step to offer a customer with little to spend, and the next step after a sale.'));
export type Ladder = z.infer<ReturnType<typeof LadderSchema>>;

export const LintSettingsSchema = lazySchema(() => z
  .record(IdSchema(), z.union([z.enum(LINT_LEVELS), z.number().int().positive()]))
  .describe('How strict the linter is with the rules that warn, by rule id: off, warning or error (e.g. hard-coded-figure: off); for a rule that warns past a number, that number (e.g. too-many-tags: 40).'));
export type LintSettings = z.infer<ReturnType<typeof LintSettingsSchema>>;

export const PlaybookSchema = lazySchema(() => z
  .strictObject({
    id: IdSchema().describe('The playbook id, usually the file name without .playbook.yaml.'),
    title: LocalTextSchema(),
    description: LocalTextSchema().optional(),
    source: z.string().optional().describe('Where the method of this playbook comes from.'),
    variables: z.record(VariableNameSchema(), VariableSchema()).optional(),
    tags: z.record(IdSchema(), TagSchema()).optional(),
    objections: z.array(ObjectionSchema()).optional(),
    sequences: z.array(SequenceSchema()).optional(),
    stories: z.array(StorySchema()).optional(),
    replies: z.array(ReplySchema()).optional().describe('Replies not tied to one objection or step.'),
    guides: z.array(GuideSchema()).optional(),
    drills: z.array(DrillSchema()).optional().describe('Practice drills: a simulated customer to sell to, scored by the playbooks.'),
    customerTags: z.array(CustomerTagSchema()).optional().describe('The team\'s customer tag tree: category → group → tag, few tags, declared once.'),
    followups: FollowupPlanSchema().optional(),
    ladder: LadderSchema().optional(),
    adapt: AdaptPolicySchema().optional(),
    lint: LintSettingsSchema().optional().describe('This playbook\'s lint settings, over the team\'s (closer.config.yaml): rule id → off, warning or error.'),
  })
  .describe('A Closer playbook (*.playbook.yaml).'));
export type Playbook = z.infer<ReturnType<typeof PlaybookSchema>>;

/** The JSON Schema of a playbook, generated from the zod source; `playbook.schema.json` is its committed copy. */
export function playbookJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PlaybookSchema(), { target: 'draft-7' }) as Record<string, unknown>;
}
