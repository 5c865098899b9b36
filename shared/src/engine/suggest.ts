// Ranking replies for the customer's last message: the recognised objection first, then the
// golden model's step, adjusted by language, by what was already used and by win statistics.
import { bundleReplies, type Bundle, type BundledReply, type ReplyStats } from '../playbook/bundle.ts';
import { classifyMessage, prepareIntentModel, type IntentEvidence } from './classify.ts';
import { conversationState, stepIndexOf, type Conversation } from './conversation.ts';
import { INTENT_PRINCIPLES } from './intent-principles.ts';
import { localText } from '../playbook/local-text.ts';
import { renderReply } from '../playbook/render.ts';
import { storyText } from '../playbook/story-text.ts';
import { INTENTS, type Intent, type Language } from '../playbook/ids.ts';
import type { Story } from '../playbook/schema.ts';
import { CJK, featuresOf, normalizeText } from './text.ts';
import { lowerRungReply, withLowerRung } from './ladder.ts';
import type { SuggestedReply } from './suggested-reply.ts';

export interface SuggestOptions {
  /** The language of the replies wanted; by default the language the customer wrote in. */
  language?: Language;
  /** How many replies to return (default 5). */
  limit?: number;
  /** Values for `{{variables}}`, winning over the declared defaults. */
  values?: Readonly<Record<string, string>>;
}

export type { SuggestedReply };

export interface SuggestedStory {
  id: string;
  title: string;
  /** The story told in its four parts, ready to send. */
  text: string;
  playbook: string;
  file: string;
  line: number;
  score: number;
  why: string;
}

export interface Suggestion {
  intent: Intent;
  intents: IntentEvidence[];
  language: Language;
  /** The chat's step on the golden model now, the next one (null at the end), and why. */
  step: string | null;
  nextStep: string | null;
  stepWhy: string;
  /**
   * Set when the customer shows an intent the bundle has no objection for: the method's
   * principle for it, so the salesperson is told what to do instead of being shown nothing.
   */
  uncovered?: { intent: Intent; principle: string };
  replies: SuggestedReply[];
  /** Customer stories to send: offered when the customer doubts. */
  stories: SuggestedStory[];
}

interface Candidate {
  entry: BundledReply;
  language: Language;
  /** Position among its objection's or step's replies: authors list the best first. */
  position: number;
  /** Ids of the steps this reply was written for or is used in. */
  steps: string[];
}

interface StoryEntry {
  story: Story;
  playbook: string;
  file: string;
  line: number;
  /** What the story is about, normalised; its features are worked out when a doubt first asks for stories. */
  text: string;
  features?: Map<string, number>;
}

interface SuggestIndex {
  candidates: Candidate[];
  // Per candidate, as flat arrays, so scoring 10,000 replies is a tight numeric loop.
  /** Index into INTENTS of the candidate's objection, or -1. */
  intentOf: Int8Array;
  /** Bit i set when the candidate belongs to step i of the sequence. */
  stepBits: Int32Array;
  /** 1 for the first reply of its objection or step, falling for later ones: authors list the best first. */
  orderFactor: Float32Array;
  stepPositions: Map<string, number>;
  /** Ordinal of the candidate's objection id (see objectionIds), or -1. */
  objectionOf: Int32Array;
  objectionIds: Map<string, number>;
  /** 1 when the reply is in English. */
  isEnglish: Uint8Array;
  stories: StoryEntry[];
  stepTitles: Map<string, Story['title']>;
  /** The intents the bundle has at least one objection for. */
  intentsCovered: Set<Intent>;
}

const indexes = new WeakMap<Bundle, SuggestIndex>();

function suggestIndexOf(bundle: Bundle): SuggestIndex {
  const cached = indexes.get(bundle);
  if (cached) return cached;
  const stepIndex = stepIndexOf(bundle);
  const usedBySteps = new Map<string, string[]>();
  const stepTitles = new Map<string, Story['title']>();
  for (const step of stepIndex.sequence?.steps ?? []) {
    stepTitles.set(step.id, step.title);
    for (const id of [...(step.replies ?? []).map((reply) => reply.id), ...(step.uses ?? [])]) {
      usedBySteps.set(id, [...(usedBySteps.get(id) ?? []), step.id]);
    }
  }
  const positions = new Map<unknown, number>();
  const candidates = bundleReplies(bundle).map((entry) => {
    const owner = entry.objection ?? entry.step ?? entry.playbook;
    const position = positions.get(owner) ?? 0;
    positions.set(owner, position + 1);
    const language: Language = entry.reply.lang ?? (CJK.test(entry.reply.text) ? 'zh-CN' : 'en');
    return { entry, language, position, steps: usedBySteps.get(entry.reply.id) ?? [] };
  });
  const stories: StoryEntry[] = [];
  for (const { playbook, file, lines } of bundle.playbooks) {
    for (const story of playbook.stories ?? []) {
      const text = [story.title, story.background, story.problem, ...(story.tags ?? [])].map((value) => normalizeText(localTextAll(value))).join(' ');
      stories.push({ story, playbook: playbook.id, file, line: lines[story.id] ?? 1, text });
    }
  }
  const stepPositions = new Map((stepIndex.sequence?.steps ?? []).map((step, position) => [step.id, position]));
  const intentOf = Int8Array.from(candidates, (candidate) => (candidate.entry.objection ? INTENTS.indexOf(candidate.entry.objection.intent) : -1));
  const stepBits = Int32Array.from(candidates, (candidate) => candidate.steps.reduce((bits, step) => bits | (1 << (stepPositions.get(step)! % 31)), 0));
  const orderFactor = Float32Array.from(candidates, (candidate) => 1 - 0.04 * Math.min(candidate.position, 10));
  const objectionIds = new Map<string, number>();
  const objectionOf = Int32Array.from(candidates, (candidate) => {
    const id = candidate.entry.objection?.id;
    if (id === undefined) return -1;
    if (!objectionIds.has(id)) objectionIds.set(id, objectionIds.size);
    return objectionIds.get(id)!;
  });
  const isEnglish = Uint8Array.from(candidates, (candidate) => (candidate.language === 'en' ? 1 : 0));
  const intentsCovered = new Set(bundle.playbooks.flatMap(({ playbook }) => (playbook.objections ?? []).map((objection) => objection.intent)));
  const index = { candidates, intentOf, stepBits, orderFactor, stepPositions, objectionOf, objectionIds, isEnglish, stories, stepTitles, intentsCovered };
  indexes.set(bundle, index);
  return index;
}

function localTextAll(value: Story['title'] | string): string {
  return typeof value === 'string' ? value : [value['zh-CN'], value.en ?? ''].join(' ');
}

interface Ranked {
  candidate: Candidate;
  score: number;
  used: boolean;
}

/** Insert into a list kept sorted by score, at most `limit` long. */
function keepBest(list: Ranked[], item: Ranked, limit: number): void {
  if (list.length >= limit && (limit === 0 || item.score <= list[list.length - 1]!.score)) return;
  let at = list.length;
  while (at > 0 && list[at - 1]!.score < item.score) at--;
  list.splice(at, 0, item);
  if (list.length > limit) list.pop();
}

const DEFAULT_LIMIT = 5;
const OTHER_LANGUAGE = 0.35;
const USED = 0.3;
// Below this a reply has nothing to do with the message: better no suggestion than a random one.
const RELEVANT = 0.08;

/**
 * Builds what every suggestion from this bundle needs (the intent model, the replies and stories
 * to rank), so that a worker can do it while it waits for storage, rather than on the first
 * message. Suggestions do not change: these are the indexes suggestReplies would build.
 */
export function prepareSuggestions(bundle: Bundle): void {
  for (const step of preparationSteps(bundle)) step();
}

/** prepareSuggestions in its parts, for a caller that lets other work run between them (a worker's start). */
export function preparationSteps(bundle: Bundle): (() => void)[] {
  return [() => prepareIntentModel(bundle), () => void suggestIndexOf(bundle)];
}

/**
 * The replies to suggest for the customer's message, best first, with why. Replies already
 * used in this conversation never come first; stories come along when the customer doubts.
 */
export function suggestReplies(message: string, conversation: Conversation, bundle: Bundle, options: SuggestOptions = {}): Suggestion {
  const classification = classifyMessage(message, bundle);
  const language = options.language ?? languageOf(message);
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
  const state = conversationState(bundle, conversation, { message, intent: classification.intent, score: classification.intents[0]!.score }, (earlier) => {
    const { intents } = classifyMessage(earlier, bundle);
    return { intent: intents[0]!.intent, score: intents[0]!.score };
  });
  const scores = new Map(classification.intents.map((evidence) => [evidence.intent, evidence]));
  const top = classification.intents[0]!;
  const used = new Set(conversation.usedReplies ?? []);
  const index = suggestIndexOf(bundle);

  // Only the best `limit` are kept (unused and used apart): sorting 10,000 candidates would cost more than scoring them.
  const unused: Ranked[] = [];
  const usedRanked: Ranked[] = [];
  const intentScore = Float64Array.from(INTENTS, (intent) => scores.get(intent)!.score);
  const matchedObjection = Int32Array.from(INTENTS, (intent) => index.objectionIds.get(scores.get(intent)!.objection ?? '') ?? -2);
  const english = language === 'en' ? 1 : 0;
  const topIntent = INTENTS.indexOf(top.intent);
  const bitOf = (step: string | null): number => {
    const position = step === null ? undefined : index.stepPositions.get(step);
    return position === undefined ? 0 : 1 << (position % 31);
  };
  const stepBit = bitOf(state.step);
  const nextBit = bitOf(state.next);
  const { candidates, intentOf, stepBits, orderFactor, objectionOf, isEnglish } = index;
  for (let at = 0; limit > 0 && at < candidates.length; at++) {
    const intent = intentOf[at]!;
    let score = 0;
    if (intent >= 0) {
      // The objection whose trigger matched beats other objections of the same intent.
      score = intentScore[intent]! * (matchedObjection[intent] === objectionOf[at] ? 1 : 0.85);
    }
    const bits = stepBits[at]!;
    if (bits & stepBit) score = Math.max(score, 0.5 + 0.3 * (intent === topIntent ? top.score : 0));
    else if (bits & nextBit) score = Math.max(score, 0.35);
    if (score * MAX_STATS_FACTOR < RELEVANT) continue;
    score *= orderFactor[at]!;
    if (isEnglish[at] !== english) score *= OTHER_LANGUAGE;
    // Cannot reach the list any more: the unused ones kept are all better.
    if (score * MAX_STATS_FACTOR < RELEVANT || (unused.length >= limit && score * MAX_STATS_FACTOR <= unused[limit - 1]!.score)) continue;
    const candidate = candidates[at]!;
    if (bundle.stats) score *= statsFactor(bundle.stats, candidate.entry.reply.id);
    if (score < RELEVANT) continue;
    const isUsed = used.size > 0 && used.has(candidate.entry.reply.id);
    if (isUsed) score *= USED;
    keepBest(isUsed ? usedRanked : unused, { candidate, score, used: isUsed }, limit);
  }
  const ranked = [...unused, ...usedRanked];

  const replies = ranked.slice(0, limit).map(({ candidate, score, used: isUsed }) => {
    const { entry } = candidate;
    const rendered = renderReply(entry.reply.text, entry.variables, options.values, candidate.language);
    return {
      id: entry.reply.id,
      label: entry.reply.label,
      text: rendered.text,
      playbook: entry.playbook,
      file: entry.file,
      line: entry.line,
      score: round(score),
      why: whyOf(candidate, scores, state.step, index, bundle.stats, isUsed, language),
      missing: rendered.missing,
      used: isUsed,
    };
  });
  // A customer with little to spend is offered the ladder's lower rung beside the value replies (ladder.ts).
  const ladderContext = { intent: classification.intent, tags: conversation.tags, usedReplies: conversation.usedReplies, language, values: options.values };
  const offered = withLowerRung(replies, lowerRungReply(bundle, ladderContext, replies[0]?.score ?? 0.5), limit);
  const stories = classification.intent === 'doubt' ? rankStories(message, index, language, limit) : [];
  const uncovered = classification.intent !== 'other' && !index.intentsCovered.has(classification.intent)
    ? { intent: classification.intent, principle: INTENT_PRINCIPLES[classification.intent][language] }
    : undefined;
  return {
    intent: classification.intent,
    intents: classification.intents,
    language,
    step: state.step,
    nextStep: state.next,
    stepWhy: state.why,
    ...(uncovered ? { uncovered } : {}),
    replies: offered,
    stories,
  };
}

/** The language a message is written in: Chinese as soon as it has Chinese characters. */
export function languageOf(message: string): Language {
  if (CJK.test(message)) return 'zh-CN';
  return /[a-z]/i.test(message) ? 'en' : 'zh-CN';
}

/**
 * Win statistics from reviewed cases (bundle.stats, per reply id) lift replies that close and
 * sink the ones that lose. Smoothed towards neutral so a reply used twice is not judged yet.
 * Returns a factor around 1 (0.8..1.2); 1 when there are no statistics.
 */
export function statsFactor(stats: ReplyStats | undefined, replyId: string): number {
  const entry = stats?.[replyId];
  if (!entry || entry.uses <= 0) return 1;
  const rate = (entry.wins + 1) / (entry.uses + 2);
  const confidence = entry.uses / (entry.uses + 10);
  return 1 + 0.4 * (rate - 0.5) * confidence;
}

/** The most `statsFactor` can lift a reply. */
const MAX_STATS_FACTOR = 1.2;

function whyOf(
  candidate: Candidate,
  scores: Map<Intent, IntentEvidence>,
  step: string | null,
  index: SuggestIndex,
  stats: ReplyStats | undefined,
  isUsed: boolean,
  language: Language,
): string {
  const zh = language === 'zh-CN';
  const parts: string[] = [];
  const { objection } = candidate.entry;
  if (objection) {
    const evidence = scores.get(objection.intent)!;
    const title = localText(objection.title, language);
    if (evidence.objection === objection.id && evidence.keyword) parts.push(zh ? `${title}：提到“${evidence.keyword}”` : `${title}: said “${evidence.keyword}”`);
    else if (evidence.objection === objection.id && evidence.example) parts.push(zh ? `${title}：像“${clip(evidence.example)}”` : `${title}: like “${clip(evidence.example)}”`);
    else parts.push(title);
  }
  if (step && candidate.steps.includes(step)) {
    const title = localText(index.stepTitles.get(step), language);
    parts.push(zh ? `当前步骤：${title}` : `step: ${title}`);
  } else if (candidate.steps.length > 0 && !objection) {
    const title = localText(index.stepTitles.get(candidate.steps[0]!), language);
    parts.push(zh ? `下一步：${title}` : `next step: ${title}`);
  }
  const entry = stats?.[candidate.entry.reply.id];
  if (entry && entry.uses > 0) parts.push(zh ? `赢单 ${entry.wins}/${entry.uses}` : `won ${entry.wins} of ${entry.uses}`);
  if (isUsed) parts.push(zh ? '本次已用过' : 'already used here');
  return parts.join(' · ');
}

function rankStories(message: string, index: SuggestIndex, language: Language, limit: number): SuggestedStory[] {
  const features = featuresOf(normalizeText(message));
  return index.stories
    .map((entry, order) => {
      let overlap = 0;
      entry.features ??= featuresOf(entry.text);
      for (const [feature, weight] of features) overlap += Math.min(weight, entry.features.get(feature) ?? 0);
      // Stories the author marked as examples (to be replaced by real ones) come after real ones.
      const score = (0.5 + Math.min(0.45, overlap / 10)) * (entry.story.example ? 0.8 : 1) - order * 1e-6;
      return { entry, score };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ entry, score }) => ({
      id: entry.story.id,
      title: localText(entry.story.title, language),
      text: storyText(entry.story, language),
      playbook: entry.playbook,
      file: entry.file,
      line: entry.line,
      score: round(score),
      why: language === 'zh-CN' ? '客户有疑虑：讲一个真实客户的故事' : 'the customer doubts: tell a real customer’s story',
    }));
}

function clip(text: string): string {
  return text.length > 24 ? text.slice(0, 23) + '…' : text;
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}
