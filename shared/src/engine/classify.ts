// Intent recognition. All knowledge comes from examples: the core's base corpus of customer
// messages from many trades (bundle.base) and the playbooks' own triggers (keywords and example
// messages), which weigh more, so a team teaches its customers' words once. The code only knows
// language: n-grams, sounds, negation and contrast (text.ts, pinyin-features.ts).
import type { BaseCorpus } from '../playbook/base-corpus.ts';
import type { Bundle } from '../playbook/bundle.ts';
import { INTENTS, type Intent } from '../playbook/ids.ts';
import type { Objection } from '../playbook/schema.ts';
import { baseCountsOf, nearestBaseExample, type BaseCounts } from './base-model.ts';
import { buildInitialsIndex, isInitialsOnly, wordsForInitials, type InitialsIndex } from './initials.ts';
import { featuresOfMessage } from './intent-features.ts';
import { PrecompiledError, precompiledPart } from '../playbook/precompiled.ts';
import { decodeTriggerIndex, type ExamplePosting, type FeatureLookup, type TriggerIndex } from './trigger-index.ts';
import { CJK, clauseWeightAt, clausesOf, isNegatedAt, messageFeatures, normalizeText } from './text.ts';

export interface IntentEvidence {
  intent: Intent;
  /** 0..1: how strongly the message shows this intent. */
  score: number;
  /** The trigger keyword found in the message, as the author wrote it. */
  keyword?: string;
  /** The trigger example the message resembles most. */
  example?: string;
  /** Where that example comes from: the team's playbooks or the core's base corpus. */
  source?: ExampleSource;
  /** The objection whose trigger matched. */
  objection?: string;
}

export type ExampleSource = 'team' | 'base';

export interface Classification {
  /** The recognised intent: the first of `intents`. */
  intent: Intent;
  /** Every intent, best first. */
  intents: IntentEvidence[];
}

interface Example {
  intent: Intent;
  /** The objection of a team example; undefined for the base corpus. */
  objection?: string;
  source: ExampleSource;
  text: string;
  norm: number;
}

interface Keyword {
  intent: Intent;
  objection: string;
  text: string;
  normalized: string;
  /** English keywords must match whole words; Chinese ones match anywhere. */
  wholeWord: RegExp | undefined;
  strength: number;
}

interface IntentModel {
  /** The intents that have triggers, in INTENTS order. */
  intents: Intent[];
  examples: Example[];
  postings: FeatureLookup<ExamplePosting[]>;
  idf: FeatureLookup<number>;
  keywords: Keyword[];
  /** Naive Bayes over the trigger n-grams and the base corpus. */
  bayes: Bayes;
  /** Each intent's trigger text, to tell a negated keyword from a trigger phrase that contains a negator ("没效果"). */
  triggerText: Map<Intent, string>;
  defaultIdf: number;
  /** The base corpus, for evidence. */
  base?: BaseCorpus;
  /** Pinyin initials → words, built the first time a message is initials alone. */
  initials?: InitialsIndex;
  /** The part learnt from the team's triggers: what `closer build` writes into the bundle. */
  index: TriggerIndex;
}

const models = new WeakMap<Bundle, IntentModel>();

/** The intent model of a bundle (base corpus + team triggers), built once per bundle object. */
export function intentModelOf(bundle: Bundle): IntentModel {
  const cached = models.get(bundle);
  if (cached) return cached;
  const model = readIntentModel(bundle) ?? modelOf(buildTriggerIndex(collectTriggers(objectionsOf(bundle)), bundle.base), bundle.base);
  models.set(bundle, model);
  return model;
}

/**
 * Builds a bundle's intent model now, with the tables its features are looked up in, which are
 * otherwise made by the first message's first lookup: a worker does it while it still waits for
 * storage. What any message is classified as does not change.
 */
export function prepareIntentModel(bundle: Bundle): void {
  const model = intentModelOf(bundle);
  // One lookup in each table of features makes the table (line-index.ts); the answer is not wanted.
  model.idf.get('');
  model.bayes.base?.countOf('');
}

/**
 * The model over the trigger index the bundle carries (trigger-index.ts), or undefined when it has
 * none. A part that does not add up is rebuilt rather than trusted, unless `strict` (an import,
 * which refuses the bundle with the PrecompiledError).
 */
export function readIntentModel(bundle: Bundle, strict = false): IntentModel | undefined {
  const compiled = precompiledPart(bundle, 'intent');
  if (!compiled) return undefined;
  try {
    return modelOf(decodeTriggerIndex(compiled, strict), bundle.base);
  } catch (error) {
    if (strict || !(error instanceof PrecompiledError)) throw error;
    return undefined;
  }
}

function objectionsOf(bundle: Bundle): Objection[] {
  return bundle.playbooks.flatMap((entry) => entry.playbook.objections ?? []);
}

const FORM_CUES = new Set(['#q', '#short']);

// A team's own example counts as this many base examples: the team knows its customers' words.
const TEAM_WEIGHT = 1.5;

/** An example or keyword of a team's objection, with its features. */
interface TriggerText {
  intent: Intent;
  objection?: string;
  source: ExampleSource;
  text: string;
  features: Map<string, number>;
}

interface CollectedTriggers {
  triggers: TriggerText[];
  keywords: TriggerIndex['keywords'];
  /** Per intent, its triggers normalised, one a line, each once. */
  triggerText: Map<Intent, string>;
}

/** Every example and keyword of the objections, each once per intent, with its features. */
function collectTriggers(objections: readonly Objection[]): CollectedTriggers {
  const triggers: TriggerText[] = [];
  const keywords: CollectedTriggers['keywords'] = [];
  const lines = new Map<Intent, Set<string>>();
  // The same trigger under two objections of one intent says nothing new and only costs time.
  const seen = new Set<string>();
  const isNew = (intent: Intent, normalized: string): boolean => !seen.has(intent + '\u0000' + normalized) && Boolean(seen.add(intent + '\u0000' + normalized));
  for (const objection of objections) {
    const { keywords: words = [], examples = [] } = objection.triggers;
    let own = lines.get(objection.intent);
    if (!own) lines.set(objection.intent, (own = new Set()));
    for (const example of examples) {
      const normalized = normalizeText(example);
      own.add(normalized);
      if (!isNew(objection.intent, normalized)) continue;
      triggers.push({ intent: objection.intent, objection: objection.id, source: 'team', text: example, features: featuresOfMessage(example, normalized) });
    }
    for (const word of words) {
      const normalized = normalizeText(word);
      own.add(normalized);
      if (!normalized || !isNew(objection.intent, normalized)) continue;
      keywords.push({ intent: objection.intent, objection: objection.id, text: word, normalized });
      // A keyword is also a tiny example, so its n-grams count towards similarity.
      triggers.push({ intent: objection.intent, objection: objection.id, source: 'team', text: word, features: messageFeatures(normalized) });
    }
  }
  // One line per trigger, each once: a bundle repeating an objection a thousand times keeps it short.
  const triggerText = new Map([...lines].map(([intent, own]) => [intent, '\n' + [...own].join('\n')]));
  return { triggers, keywords, triggerText };
}

/** The model around a trigger index, built here or read from the bundle. */
function modelOf(index: TriggerIndex, base?: BaseCorpus): IntentModel {
  const keywords = index.keywords.map((keyword): Keyword => {
    const latin = !CJK.test(keyword.normalized);
    return {
      ...keyword,
      wholeWord: latin ? new RegExp(`(^|[^a-z0-9])${escapeRegExp(keyword.normalized)}($|[^a-z0-9])`) : undefined,
      strength: keywordStrength(keyword.normalized, latin),
    };
  });
  const bayes: Bayes = { counts: index.counts, base: base ? baseCountsOf(base) : undefined, positions: index.intents.map((intent) => INTENTS.indexOf(intent)), logDenominators: index.logDenominators };
  return { intents: index.intents, examples: index.examples, postings: index.postings, idf: index.idf, keywords, bayes, triggerText: index.triggerText, defaultIdf: index.defaultIdf, base, index };
}

function buildTriggerIndex(collected: CollectedTriggers, base?: BaseCorpus): TriggerIndex {
  const { triggers, triggerText, keywords } = collected;
  const baseCounts = base ? baseCountsOf(base) : undefined;
  const intents = INTENTS.filter((intent, at) => triggers.some((trigger) => trigger.intent === intent) || (baseCounts?.totals[at] ?? 0) > 0);
  const documentFrequency = new Map<string, number>();
  for (const trigger of triggers) for (const feature of trigger.features.keys()) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [feature, count] of documentFrequency) idf.set(feature, Math.log(1 + triggers.length / count));
  const postings = new Map<string, ExamplePosting[]>();
  const examples: Example[] = triggers.map((trigger, index) => {
    let squared = 0;
    for (const [feature, value] of trigger.features) {
      // The form of a message (a question, one word) says which intents are likely, not which example it resembles.
      if (FORM_CUES.has(feature)) continue;
      const weight = value * idf.get(feature)!;
      squared += weight * weight;
      let list = postings.get(feature);
      if (!list) postings.set(feature, (list = []));
      list.push({ example: index, weight, value });
    }
    return { intent: trigger.intent, objection: trigger.objection, source: trigger.source, text: trigger.text, norm: Math.sqrt(squared) || 1 };
  });
  const { counts, logDenominators } = naiveBayes(triggers, intents, baseCounts);
  return { intents, examples, postings, idf, frequency: documentFrequency, keywords, counts, logDenominators, triggerText, defaultIdf: Math.log(1 + Math.max(1, triggers.length)) };
}


// Additive smoothing of the n-gram counts: small, since trigger lists are short and every n-gram in them is chosen.
const SMOOTHING = 0.1;

/**
 * Naive Bayes over the team's trigger n-grams and the base corpus's counts. Base messages count
 * for less (rather than team ones for more), so a bundle of team triggers alone learns as it
 * always did. Likelihoods are worked out per feature of the message being classified, so a
 * large corpus costs nothing until its features are met.
 */
interface Bayes {
  /** The team triggers' count of each feature, per intent of the model. */
  counts: FeatureLookup<Float64Array>;
  base?: BaseCounts;
  /** For each intent of the model, its position in INTENTS (the base corpus's order). */
  positions: number[];
  /** log(total count + smoothing × vocabulary) per intent of the model. */
  logDenominators: Float64Array;
}

function naiveBayes(triggers: readonly TriggerText[], intents: readonly Intent[], base?: BaseCounts): Pick<TriggerIndex, 'counts' | 'logDenominators'> {
  const counts = new Map<string, Float64Array>();
  const totals = new Float64Array(intents.length);
  for (const trigger of triggers) {
    const at = intents.indexOf(trigger.intent);
    for (const [feature, value] of trigger.features) {
      let row = counts.get(feature);
      if (!row) counts.set(feature, (row = new Float64Array(intents.length)));
      row[at] = row[at]! + value;
      totals[at] = totals[at]! + value;
    }
  }
  const positions = intents.map((intent) => INTENTS.indexOf(intent));
  // The two vocabularies overlap mostly; the larger is close enough to their union for smoothing.
  const vocabulary = Math.max(counts.size, base?.vocabulary ?? 0);
  const logDenominators = Float64Array.from(intents, (_, at) => Math.log(totals[at]! + (base ? base.totals[positions[at]!]! / TEAM_WEIGHT : 0) + SMOOTHING * vocabulary));
  return { counts, logDenominators };
}

/** log P(feature | intent) for each intent of the model, or undefined for a feature never seen. */
function logLikelihoodOf(bayes: Bayes, feature: string, into: Float64Array): boolean {
  const team = bayes.counts.get(feature);
  const base = bayes.base?.countOf(feature);
  if (!team && !base) return false;
  for (let at = 0; at < into.length; at++) {
    const count = (team?.[at] ?? 0) + (base ? base[bayes.positions[at]!]! / TEAM_WEIGHT : 0);
    into[at] = Math.log(count + SMOOTHING) - bayes.logDenominators[at]!;
  }
  return true;
}

/** Longer keywords say more: "优惠券" is surer than "贵", "money back" surer than "cost". */
function keywordStrength(normalized: string, latin: boolean): number {
  const size = latin ? normalized.split(' ').length + normalized.length / 8 : [...normalized].length;
  return Math.min(0.95, 0.45 + 0.15 * size);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// How the three kinds of evidence mix into an intent's score.
const WEIGHT_BAYES = 0.5;
const WEIGHT_EXAMPLE = 0.3;
const WEIGHT_KEYWORD = 0.2;
// An intent scoring below this is too weak to be meant: the message is small talk, greetings or
// logistics (`other`). When the playbooks teach `other` with triggers of its own, the classifier
// weighs it like any intent and the bar can be low; otherwise `other` is only the absence of
// evidence and the bar is higher.
const OTHER_BAR = 0.45;
const LEARNT_OTHER_BAR = 0.3;
// The softmax temperature of the Bayes posterior: trigger lists are short, so its certainty is damped.
const TEMPERATURE = 3;
// How close the more specific intent must come to take over from the general one.
const SPECIFIC_SHARE = 0.4;
// A keyword or example match at least this strong is direct evidence, not a statistical hunch.
const DIRECT_MATCH = 0.5;
// Below this a team example hardly resembles the message, and a base message is better evidence.
const WEAK_TEAM_EVIDENCE = 0.3;
/** When both fire, the first is more specific than the second: a rival named while talking price is a comparison. */
const MORE_SPECIFIC: readonly [Intent, Intent][] = [['comparison', 'price']];

/** The last messages classified with each bundle: a suggestion classifies the chat's earlier messages again, and a worker classifies a message while it still waits for storage. */
const recent = new WeakMap<Bundle, Map<string, Classification>>();
const RECENT = 32;

/** Every intent with a score 0..1 and the evidence for it, best first (frozen: it may be shared). Never throws. */
export function classifyMessage(text: string, bundle: Bundle): Classification {
  let known = recent.get(bundle);
  if (!known) recent.set(bundle, (known = new Map()));
  const found = known.get(text);
  if (found) return found;
  const classified = classifyAnew(text, bundle);
  for (const evidence of classified.intents) Object.freeze(evidence);
  Object.freeze(classified.intents);
  known.set(text, Object.freeze(classified));
  // A Map keeps insertion order: the oldest goes first.
  if (known.size > RECENT) known.delete(known.keys().next().value!);
  return classified;
}

// Messages whose features were worked out before their bundle was there (prepareMessage), each taken once.
const prepared = new Map<string, Map<string, number>>();

/**
 * Works out what classifying this message needs of the message alone (its features do not depend
 * on the playbooks), so a restarted worker does it while it still waits for its bundle.
 */
export function prepareMessage(text: string): void {
  const normalized = normalizeText(text);
  if (!normalized || isInitialsOnly(normalized) || prepared.has(text)) return;
  prepared.set(text, featuresOfMessage(text, normalized));
  if (prepared.size > 4) prepared.delete(prepared.keys().next().value!);
}

function classifyAnew(text: string, bundle: Bundle): Classification {
  const model = intentModelOf(bundle);
  const normalized = normalizeText(text);
  const byIntent = new Map<Intent, IntentEvidence>(INTENTS.map((intent) => [intent, { intent, score: 0 }]));
  let strength = 0;
  const direct = new Map<Intent, number>();
  if (normalized && model.intents.length > 0) {
    const early = prepared.get(text);
    if (early) prepared.delete(text);
    const features = isInitialsOnly(normalized) ? initialsFeatures(model, normalized) : early ?? featuresOfMessage(text, normalized);
    const examples = scoreExamples(model, features);
    const keywords = scoreKeywords(model, normalized);
    const posterior = scoreBayes(model, features);
    model.intents.forEach((intent, at) => {
      const evidence = byIntent.get(intent)!;
      const example = examples.get(intent);
      const keyword = keywords.get(intent);
      const exampleScore = example?.score ?? 0;
      const keywordScore = keyword?.score ?? 0;
      evidence.score = WEIGHT_BAYES * posterior[at]! + WEIGHT_EXAMPLE * exampleScore + WEIGHT_KEYWORD * keywordScore;
      direct.set(intent, Math.max(exampleScore, keywordScore));
      strength = Math.max(strength, evidence.score);
      if (example) Object.assign(evidence, { example: example.example.text, source: example.example.source, objection: example.example.objection });
      if (keyword) Object.assign(evidence, { keyword: keyword.keyword.text, objection: keyword.keyword.objection });
    });
    // When the team's triggers say little about the intent found, show the base message it is most like.
    const top = [...byIntent.values()].reduce((best, evidence) => (evidence.score > best.score ? evidence : best));
    if (model.base && !top.keyword && (direct.get(top.intent) ?? 0) < WEAK_TEAM_EVIDENCE) {
      const example = nearestBaseExample(model.base, top.intent, normalized);
      if (example) Object.assign(top, { example, source: 'base', objection: undefined });
    }
  }
  preferSpecific(byIntent, direct);
  const other = byIntent.get('other')!;
  // Without enough evidence for any intent the message is small talk: scale the intents down, lift `other`.
  const gate = Math.min(1, strength / (model.intents.includes('other') ? LEARNT_OTHER_BAR : OTHER_BAR));
  for (const evidence of byIntent.values()) evidence.score *= gate;
  other.score = Math.max(other.score, 1 - gate);
  const intents = [...byIntent.values()]
    .map((evidence) => ({ ...evidence, score: round(evidence.score) }))
    .sort((a, b) => b.score - a.score || INTENTS.indexOf(a.intent) - INTENTS.indexOf(b.intent));
  return { intent: intents[0]!.intent, intents };
}

/** A message of pinyin initials, as the words they most often stand for (built on first need). */
function initialsFeatures(model: IntentModel, normalized: string): Map<string, number> {
  model.initials ??= buildInitialsIndex(function* () {
    for (const [feature, row] of model.bayes.counts) yield [feature, row.reduce((sum, value) => sum + value, 0) * TEAM_WEIGHT] as [string, number];
    if (model.bayes.base) yield* model.bayes.base.allFeatures();
  }());
  const words = wordsForInitials(normalized, model.initials);
  if (words.size === 0) return featuresOfMessage(normalized);
  // The message reads as the likely words would, each as much as it is likely.
  const features = new Map<string, number>();
  for (const [word, share] of words) for (const [feature, value] of featuresOfMessage(word)) features.set(feature, (features.get(feature) ?? 0) + value * share);
  return features;
}

function scoreBayes(model: IntentModel, features: Map<string, number>): Float64Array {
  const logs = new Float64Array(model.intents.length);
  const likelihoods = new Float64Array(model.intents.length);
  for (const [feature, weight] of features) {
    if (!logLikelihoodOf(model.bayes, feature, likelihoods)) continue;
    for (let at = 0; at < logs.length; at++) logs[at] = logs[at]! + weight * likelihoods[at]!;
  }
  const top = Math.max(...logs);
  const exps = logs.map((value) => Math.exp((value - top) / TEMPERATURE));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}

function scoreExamples(model: IntentModel, features: Map<string, number>): Map<Intent, { score: number; example: Example }> {
  const dots = new Map<number, number>();
  const covered = new Map<number, number>();
  let squared = 0;
  for (const [feature, value] of features) {
    if (FORM_CUES.has(feature)) continue;
    const idf = model.idf.get(feature) ?? model.defaultIdf;
    const weight = value * idf;
    squared += weight * weight;
    const list = model.postings.get(feature);
    if (!list) continue;
    for (const { example, weight: exampleWeight } of list) {
      dots.set(example, (dots.get(example) ?? 0) + weight * exampleWeight);
      // How much of the example the message contains, so a long message holding a short example still matches it.
      covered.set(example, (covered.get(example) ?? 0) + Math.min(weight, exampleWeight) * exampleWeight);
    }
  }
  const norm = Math.sqrt(squared) || 1;
  const best = new Map<Intent, { score: number; example: Example }>();
  for (const [index, dot] of dots) {
    const example = model.examples[index]!;
    const cosine = dot / (norm * example.norm);
    const coverage = covered.get(index)! / (example.norm * example.norm);
    const score = Math.min(1, 0.5 * cosine + 0.5 * coverage * Math.sqrt(cosine));
    if (score > (best.get(example.intent)?.score ?? 0)) best.set(example.intent, { score, example });
  }
  return best;
}

function scoreKeywords(model: IntentModel, normalized: string): Map<Intent, { score: number; keyword: Keyword }> {
  const strongest = new Map<Intent, { strength: number; keyword: Keyword }>();
  const missing = new Map<Intent, number>();
  const clauses = clausesOf(normalized);
  for (const keyword of model.keywords) {
    const index = findKeyword(normalized, keyword);
    if (index < 0) continue;
    if (isNegatedAt(normalized, index) && !negatedFormIsTrigger(model, keyword, normalized, index)) continue;
    const strength = keyword.strength * clauseWeightAt(clauses, index);
    missing.set(keyword.intent, (missing.get(keyword.intent) ?? 1) * (1 - strength));
    if (strength > (strongest.get(keyword.intent)?.strength ?? 0)) strongest.set(keyword.intent, { strength, keyword });
  }
  const result = new Map<Intent, { score: number; keyword: Keyword }>();
  for (const [intent, absent] of missing) result.set(intent, { score: 1 - absent, keyword: strongest.get(intent)!.keyword });
  return result;
}

function findKeyword(normalized: string, keyword: Keyword): number {
  if (!keyword.wholeWord) return normalized.indexOf(keyword.normalized);
  const match = keyword.wholeWord.exec(normalized);
  return match ? match.index + match[1]!.length : -1;
}

/** "没效果" is itself how doubters talk: a negator counts as negation only when the triggers never say it that way. */
function negatedFormIsTrigger(model: IntentModel, keyword: Keyword, normalized: string, index: number): boolean {
  const phrase = normalized.slice(Math.max(0, index - 2), index + keyword.normalized.length);
  const triggers = model.triggerText.get(keyword.intent) ?? '';
  return triggers.includes(phrase) || triggers.includes(phrase.slice(1));
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}

/**
 * The specific intent takes over when a keyword or example of its own matched clearly (not just by
 * n-gram statistics) and the general one either fired the same way or is not far ahead.
 */
function preferSpecific(byIntent: Map<Intent, IntentEvidence>, direct: Map<Intent, number>): void {
  for (const [specific, general] of MORE_SPECIFIC) {
    const a = byIntent.get(specific)!;
    const b = byIntent.get(general)!;
    if (b.score > a.score && (direct.get(specific) ?? 0) >= DIRECT_MATCH && (a.score >= SPECIFIC_SHARE * b.score || (direct.get(general) ?? 0) >= DIRECT_MATCH)) {
      a.score = Math.min(1, b.score + 0.01);
    }
  }
}
