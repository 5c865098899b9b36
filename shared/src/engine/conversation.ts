// Where a chat stands on the golden sales model: the customer's messages, oldest first, run
// through the transition table (golden-transitions.ts), with the replies the salesperson already
// used marking the steps they served.
import { bundleReplies, type Bundle } from '../playbook/bundle.ts';
import { allTexts } from '../playbook/local-text.ts';
import { GOLDEN_STEPS, type GoldenStep, type Intent } from '../playbook/ids.ts';
import type { Reply, Sequence } from '../playbook/schema.ts';
import { asksSmallTalk, chatCueOf, isReassured, isSoftened, recalledOf } from './golden-cues.ts';
import { normalizeText } from './text.ts';

// A comparison names a rival: another shop, a platform, "online". Two of the shop's own products
// set side by side ("季卡和年卡有什么区别") are a question about the product (DOMAIN.md: the customer
// asks which one suits them, and the product is brought in).
const OWN_PAIR = /和|跟|与|还是|哪个|哪种|哪款|区别|差别|不同|不一样|\bor\b|\bvs\b|versus|difference|between|which/;
// A budget stated as a figure is part of the need (DOMAIN.md: the BANT questions, budget first), not a price objection, unless it is too tight.
const BUDGET = /预算.{0,4}[0-9一二两三四五六七八九十百千万几]|\bbudget\b.{0,12}[0-9]|[0-9]+k?\s*(?:budget)/;
// A sum of money named ("一块要38", "$4k more") is about the price, whatever else the message says.
const MONEY = /\d\s*(?:块|元|万|千|百|刀|k\b)|(?:要|才|卖|只要|得)\s*\d{2,}|[$¥€£]\s*\d|\d\s*(?:dollars|bucks|rmb|yuan|euros?)\b/;
// Two products set side by side on their price are money being weighed ("选哪个好，价格差挺多").
const PRICE_WORD = /价|钱|贵|便宜|\b(?:price|cost|cheaper|pricier|expensive)\b/;
const WORTH = /值(?:吗|不值|得吗|这个价|这个钱)|划算吗|\bworth (?:it|the (?:money|price|cost))\b/;
const TIGHT = /超|不够|有限|只有|就这么|太|紧|only|tight|over|stretch|can'?t|cannot|less/;
const RIVAL = /别家|别人家|其他家|其它家|另一家|另外一家|外面|网上|隔壁|楼下|那家|那款|那个牌子|别的牌子|其他牌子|同行|淘宝|京东|拼多多|天猫|美团|携程|抖音|直播|\b(?:another|other|elsewhere|online|amazon|competitors?|cheaper|shop|store|place|guy|downstairs|next door|down the street)\b/;
import { GOLDEN_STEP_OF_INTENT, stepAfter, transitionFor, type GoldenEvent, type GoldenState } from './golden-transitions.ts';

/** A chat so far. Both lists are oldest first; either may be left out. */
export interface Conversation {
  /** The customer's earlier messages (the current one is passed separately to the engine). */
  customerMessages?: readonly string[];
  /** Ids of the replies the salesperson already used in this chat. */
  usedReplies?: readonly string[];
  /** Ids of the customer tags the salesperson accepted for this customer (the profile): a tag's ladder tier shapes the offers. */
  tags?: readonly string[];
}

export interface ConversationState {
  /** The bundle's golden sequence, when it has one (its replies are ranked by step). */
  sequence?: string;
  /** The golden-model step the chat is in now. */
  step: GoldenStep;
  /** The step that sensibly comes next, or null at the end. */
  next: GoldenStep | null;
  /** Steps already served by used replies, in the model's order. */
  reached: GoldenStep[];
  /** Why the chat is in this step, in the method's words. */
  why: string;
}

/** The customer's message being answered, with the intent the classifier gave it. */
export interface CurrentMessage {
  message: string;
  intent: Intent;
  /** How sure the classifier is of it (0..1); 1 when left out. */
  score?: number;
}

/** An earlier message's intent, with or without the classifier's certainty. */
export type IntentOf = (message: string) => Intent | { intent: Intent; score: number };

// Below this a recognised objection is only a hunch (less than even).
const WEAK = 0.5;
// Below this a recognised objection is as often wrong as right (the leave-one-trade-out check over
// the base corpus, test/eval/base-cv.ts: about half right, and a third of them small talk).
const HUNCH = 0.4;
// A buying signal this weak is right about a quarter of the time in that check, and small talk or
// a product question more often: in the opening, asking which one suits them is a product question.
const UNSURE_BUY = 0.3;
const OBJECTING: readonly GoldenEvent[] = ['price', 'comparison', 'hesitation', 'hesitation_again', 'doubt'];
const OPENING: readonly GoldenState[] = ['start', 'icebreak', 'introduce'];
// Once a doubt was answered (with cases) or the last push is under way, a hesitation is a repeated one.
const AFTER_ANSWER: readonly GoldenState[] = ['resolve_doubt', 'push_close'];
// Where an objection or a doubt was answered, and a message that accepts it softens it.
const SOFTENING: readonly GoldenState[] = ['consider', 'resolve_doubt', 'push_close'];

export const GOLDEN_SEQUENCE = 'golden';

// Old messages say little about where the chat is now, and a pasted log of 10,000 lines must not cost 10,000 classifications.
const MESSAGES_CONSIDERED = 12;


interface StepIndex {
  /** The golden sequence (or, failing that, the bundle's first one). */
  sequence?: Sequence;
  /** Reply or story id → the golden step it serves. */
  replyStep: Map<string, GoldenStep>;
  /** Whether a reply asks the customer something ("what still holds you back?"): such a reply makes no offer. */
  asks(id: string): boolean;
}

const indexes = new WeakMap<Bundle, StepIndex>();

const isGoldenStep = (id: string): id is GoldenStep => (GOLDEN_STEPS as readonly string[]).includes(id);

/** The bundle's golden sequence and which golden step each reply serves. Built once per bundle. */
export function stepIndexOf(bundle: Bundle): StepIndex {
  const cached = indexes.get(bundle);
  if (cached) return cached;
  const sequences = bundle.playbooks.flatMap((entry) => entry.playbook.sequences ?? []);
  const sequence = sequences.find((candidate) => candidate.id === GOLDEN_SEQUENCE) ?? sequences[0];
  const replyStep = new Map<string, GoldenStep>();
  for (const { playbook } of bundle.playbooks) {
    for (const objection of playbook.objections ?? []) {
      // A reply of an objection serves the step where the method answers its intent.
      const step = GOLDEN_STEP_OF_INTENT[objection.intent];
      if (step) for (const reply of objection.replies) replyStep.set(reply.id, step);
    }
    for (const story of playbook.stories ?? []) replyStep.set(story.id, 'resolve_doubt');
  }
  for (const step of sequence?.steps ?? []) {
    if (!isGoldenStep(step.id)) continue;
    for (const reply of step.replies ?? []) replyStep.set(reply.id, step.id);
    for (const id of step.uses ?? []) if (!replyStep.has(id)) replyStep.set(id, step.id);
  }
  // Only the replies a chat used are asked about, so their texts are looked at then, not all at once.
  let texts: Map<string, Reply['text']> | undefined;
  const asks = (id: string): boolean => {
    if (!texts) {
      texts = new Map();
      for (const { reply } of bundleReplies(bundle)) if (!texts.has(reply.id)) texts.set(reply.id, reply.text);
    }
    const text = texts.get(id);
    return text !== undefined && allTexts(text).some((one) => /[?？]/.test(one));
  };
  const index = { sequence, replyStep, asks };
  indexes.set(bundle, index);
  return index;
}

/**
 * What a message does to the chat, from its intent, its score and, for small talk, its cue:
 * - after an objection or a doubt was answered, a message that accepts it ("看了报告，还可以") is an
 *   acknowledgement, whatever its words sound like (a buying signal only when the classifier is
 *   unsure of it: "合同写死的话那还可以" accepts, "行，就这个" buys);
 * - in the opening of a chat, an objection the classifier is unsure of is a question about the
 *   product when it asks something, and small talk when it does not ("我是朋友介绍来的"); a bare
 *   "贵" stays the objection it is; so is a very unsure buying signal that asks ("哪款适合我");
 * - a comparison of two of the shop's own products is a question about the product, and a budget
 *   stated as a figure is part of the need ("预算三四百"), unless it is too tight.
 */
export function eventOf(
  intent: Intent,
  message: string,
  repeated: boolean,
  score = 1,
  state: GoldenState = 'start',
  offered = false,
  rivalNamed = false,
): GoldenEvent {
  const recalled = recalledOf(message);
  if (recalled) return recalled === 'offer' ? 'offer' : 'answered';
  // While money is weighed, asking whether it is worth it weighs it still ("花这钱值吗", "is it worth the money?").
  if (intent === 'other' && state === 'consider' && WORTH.test(normalizeText(message))) return 'price';
  if (intent === 'other') return chatCueOf(message);
  if (SOFTENING.includes(state) && (intent !== 'buy_signal' || score < WEAK) && isSoftened(message)) return 'ack';
  const cue = chatCueOf(message);
  if (OPENING.includes(state) && intent === 'buy_signal' && score < UNSURE_BUY && cue === 'question') return 'question';
  if (OPENING.includes(state) && intent !== 'buy_signal') {
    if (score < WEAK && cue === 'question') return 'question';
    if (score < WEAK && asksSmallTalk(message)) return 'chat';
    // After a product question, even a faint doubt stated ("I've heard horror stories") is the worry behind the question.
    const worryBehindQuestion = state === 'introduce' && intent === 'doubt';
    if (!worryBehindQuestion && score < HUNCH && (cue === 'chat' || cue === 'greeting') && !MONEY.test(normalizeText(message))) return cue;
  }
  // An unsure buying signal that neither asks nor names money is small talk in the opening ("long day lol").
  if (OPENING.includes(state) && intent === 'buy_signal' && score < HUNCH && (cue === 'chat' || cue === 'greeting') && !MONEY.test(normalizeText(message))) return cue;
  if (intent === 'comparison' && cue === 'question' && !rivalNamed && !RIVAL.test(normalizeText(message)) && !PRICE_WORD.test(normalizeText(message)) && OWN_PAIR.test(normalizeText(message))) return 'question';
  if (intent === 'price' && BUDGET.test(normalizeText(message)) && !TIGHT.test(normalizeText(message))) return 'question';
  // After a doubt, a comparison or a price the classifier is unsure of is the doubt's evidence
  // ("小红书上好多人说拒赔", "zero upfront cost? what's the catch"): the doubt is still the step.
  if (state === 'resolve_doubt' && (intent === 'comparison' || intent === 'price') && score < WEAK) return 'doubt';
  // After asking to close, a doubt the classifier barely heard, stated without a question, is a detail of the order ("my room is small").
  if (state === 'ask_close' && intent === 'doubt' && score < UNSURE_BUY && cue === 'chat') return 'chat';
  if (intent === 'hesitation' && repeated) return 'hesitation_again';
  // Money weighed again after the offer was made is the hesitation the last push answers.
  if (intent === 'price' && offered) return 'hesitation_again';
  return intent;
}

const order = (state: GoldenState): number => (state === 'start' ? -1 : GOLDEN_STEPS.indexOf(state));

/**
 * The chat's place on the golden model after its earlier customer messages, the replies used
 * and the message being answered. `intentOf` classifies the earlier messages.
 */
export function conversationState(
  bundle: Bundle,
  conversation: Conversation = {},
  current?: CurrentMessage,
  intentOf?: IntentOf,
): ConversationState {
  const { sequence, replyStep, asks } = stepIndexOf(bundle);
  const reached = new Set<GoldenStep>();
  let offerSent = false;
  for (const id of conversation.usedReplies ?? []) {
    const step = typeof id === 'string' ? replyStep.get(id) : undefined;
    if (step) reached.add(step);
    if (step === 'consider' && !asks(id as string)) offerSent = true;
  }
  let state: GoldenState = 'start';
  let why = transitionFor('start', 'silence').because;
  // A hesitation is a repeated one, and calls for the push to close, when the customer hesitated
  // before, when the salesperson already sent an offer (a reply of the consider step), when the
  // chat has moved on since it weighed money (the offer was made and talked over), or after a
  // doubt was answered. Right after "too expensive", "let me think" is still weighing time and
  // money: considering; so is "let me think" right after asking to close, where no offer was made
  // yet (DOMAIN.md: the customer who considers time gets the limited-time offer).
  let repeated = reached.has('consider');
  // The salesperson made an offer: a consider reply that offers rather than asks ("what still holds
  // you back?" asks, and the price named after it is the real objection, still weighed), or the
  // customer repeats one.
  let offered = offerSent;
  // Once a rival was named, "why the difference?" asks about the rival, not about two of the shop's products.
  let rivalNamed = false;
  // The chat weighs money because the customer asked the price ("多少钱"), not because they objected to it.
  let priceAsked = false;
  let messagesSinceConsider = -1;
  // A product question in which the classifier heard an objection or a doubt ("is it safe for my
  // dog?") keeps that concern: once it is answered, the customer's "ok, makes sense" is the
  // acknowledgement of an answered doubt, which calls for the push to close.
  let concern: GoldenStep | undefined;
  const apply = (message: string, intent: Intent, score?: number): void => {
    // "那放心了" after a product question says the question hid a doubt, now answered.
    const hidden = concern ?? (isReassured(message) ? 'resolve_doubt' : undefined);
    const answering: GoldenState = state === 'introduce' && hidden ? hidden : state;
    let event = eventOf(intent, message, repeated || messagesSinceConsider >= 1 || AFTER_ANSWER.includes(state), score, answering, offered, rivalNamed);
    // "哦哦" after the price was only told takes in a fact: no offer was made yet to accept.
    if (event === 'ack' && state === 'consider' && priceAsked && !offered && !concern) event = 'chat';
    // Only an acknowledgement reads the chat as if the concern had been the step.
    const from = event === 'ack' ? answering : state;
    const row = transitionFor(from, event);
    why = row.because;
    const after = row.to === 'stay' ? state : row.to;
    if (event === 'question' && intent !== 'other' && OPENING.includes(state)) concern = GOLDEN_STEP_OF_INTENT[intent];
    else if (after !== state) concern = undefined;
    if (after === 'consider' && after !== state) priceAsked = event === 'price' && chatCueOf(message) === 'question';
    else if (OBJECTING.includes(event)) priceAsked = false;
    state = after;
    if (event === 'hesitation' || event === 'hesitation_again' || event === 'offer') repeated = true;
    if (event === 'offer') offered = true;
    if (event === 'comparison' && RIVAL.test(normalizeText(message))) rivalNamed = true;
    if (messagesSinceConsider >= 0) messagesSinceConsider++;
    else if (state === 'consider') messagesSinceConsider = 0;
  };
  const earlier = (conversation.customerMessages ?? []).filter((message): message is string => typeof message === 'string');
  for (const message of intentOf ? earlier.slice(-MESSAGES_CONSIDERED) : []) {
    const found = intentOf!(message);
    if (typeof found === 'string') apply(message, found);
    else apply(message, found.intent, found.score);
  }
  // The salesperson's replies move the chat as far as the furthest step they served.
  const furthest = [...reached].sort((a, b) => order(b) - order(a))[0];
  if (furthest && order(furthest) > order(state)) state = furthest;
  if (current) apply(current.message, current.intent, current.score);
  const step: GoldenStep = state === 'start' ? 'icebreak' : state;
  return {
    ...(sequence ? { sequence: sequence.id } : {}),
    step,
    next: nextStepOf(sequence, step),
    reached: GOLDEN_STEPS.filter((id) => reached.has(id)),
    why,
  };
}

/** The next golden step: the one the bundle's golden sequence names, or the model's own order. */
function nextStepOf(sequence: Sequence | undefined, step: GoldenStep): GoldenStep | null {
  const declared = sequence?.steps.find((candidate) => candidate.id === step)?.next;
  if (declared && isGoldenStep(declared)) return declared;
  return GOLDEN_STEPS[GOLDEN_STEPS.indexOf(step) + 1] ?? null;
}
