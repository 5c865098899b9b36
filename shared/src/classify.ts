// Intent recognition. All knowledge comes from the playbooks' triggers (keywords and example
// messages); the code only knows language: n-grams, negation and contrast (text.ts).
import type { Bundle } from './bundle.ts';
import { localText } from './local-text.ts';
import { INTENTS, type Intent, type Objection } from './schema.ts';
import { CJK, clauseWeightAt, clausesOf, isNegatedAt, messageFeatures, normalizeText } from './text.ts';

export interface IntentEvidence {
  intent: Intent;
  /** 0..1: how strongly the message shows this intent. */
  score: number;
  /** The trigger keyword found in the message, as the author wrote it. */
  keyword?: string;
  /** The trigger example the message resembles most. */
  example?: string;
  /** The objection whose trigger matched. */
  objection?: string;
}

export interface Classification {
  /** The recognised intent: the first of `intents`. */
  intent: Intent;
  /** Every intent, best first. */
  intents: IntentEvidence[];
}

interface Example {
  intent: Intent;
  objection: string;
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
  examples: Example[];
  postings: Map<string, { example: number; weight: number }[]>;
  idf: Map<string, number>;
  keywords: Keyword[];
  /** Each intent's trigger text, to tell a negated keyword from a trigger phrase that contains a negator ("没效果"). */
  triggerText: Map<Intent, string>;
  defaultIdf: number;
}

const models = new WeakMap<Bundle, IntentModel>();

/** The trigger index of a bundle, built once per bundle object. */
export function intentModelOf(bundle: Bundle): IntentModel {
  const cached = models.get(bundle);
  if (cached) return cached;
  const model = buildIntentModel(objectionsOf(bundle));
  models.set(bundle, model);
  return model;
}

function objectionsOf(bundle: Bundle): Objection[] {
  return bundle.playbooks.flatMap((entry) => entry.playbook.objections ?? []);
}

function buildIntentModel(objections: readonly Objection[]): IntentModel {
  const documents: { intent: Intent; objection: string; text: string; features: Map<string, number> }[] = [];
  const keywords: Keyword[] = [];
  const triggerText = new Map<Intent, string>();
  for (const objection of objections) {
    const { keywords: words = [], examples = [] } = objection.triggers;
    triggerText.set(objection.intent, (triggerText.get(objection.intent) ?? '') + '\n' + [...words, ...examples].map(normalizeText).join('\n'));
    for (const example of examples) {
      documents.push({ intent: objection.intent, objection: objection.id, text: example, features: messageFeatures(normalizeText(example)) });
    }
    for (const word of words) {
      const normalized = normalizeText(word);
      if (!normalized) continue;
      const latin = !CJK.test(normalized);
      keywords.push({
        intent: objection.intent,
        objection: objection.id,
        text: word,
        normalized,
        wholeWord: latin ? new RegExp(`(^|[^a-z0-9])${escapeRegExp(normalized)}($|[^a-z0-9])`) : undefined,
        strength: keywordStrength(normalized, latin),
      });
      // A keyword is also a tiny example, so its n-grams count towards similarity.
      documents.push({ intent: objection.intent, objection: objection.id, text: word, features: messageFeatures(normalized) });
    }
  }
  const documentFrequency = new Map<string, number>();
  for (const document of documents) for (const feature of document.features.keys()) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [feature, count] of documentFrequency) idf.set(feature, Math.log(1 + documents.length / count));
  const postings = new Map<string, { example: number; weight: number }[]>();
  const examples: Example[] = documents.map((document, index) => {
    let squared = 0;
    for (const [feature, value] of document.features) {
      const weight = value * idf.get(feature)!;
      squared += weight * weight;
      let list = postings.get(feature);
      if (!list) postings.set(feature, (list = []));
      list.push({ example: index, weight });
    }
    return { intent: document.intent, objection: document.objection, text: document.text, norm: Math.sqrt(squared) || 1 };
  });
  return { examples, postings, idf, keywords, triggerText, defaultIdf: Math.log(1 + Math.max(1, documents.length)) };
}

/** Longer keywords say more: "优惠券" is surer than "贵", "money back" surer than "cost". */
function keywordStrength(normalized: string, latin: boolean): number {
  const size = latin ? normalized.split(' ').length + normalized.length / 8 : [...normalized].length;
  return Math.min(0.95, 0.45 + 0.15 * size);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Scores below this for every objection intent mean the message is small talk or logistics.
const OTHER_BAR = 0.3;
// How close the more specific intent must come to take over from the general one.
const SPECIFIC_SHARE = 0.6;
/** When both fire, the first is more specific than the second: a rival named while talking price is a comparison. */
const MORE_SPECIFIC: readonly [Intent, Intent][] = [['comparison', 'price']];

/** Every intent with a score 0..1 and the evidence for it, best first. Never throws. */
export function classifyMessage(text: string, bundle: Bundle): Classification {
  const model = intentModelOf(bundle);
  const normalized = normalizeText(text);
  const byIntent = new Map<Intent, IntentEvidence>(INTENTS.map((intent) => [intent, { intent, score: 0 }]));
  if (normalized) {
    scoreExamples(model, normalized, byIntent);
    scoreKeywords(model, normalized, byIntent);
  }
  preferSpecific(byIntent);
  const other = byIntent.get('other')!;
  const best = Math.max(...INTENTS.filter((intent) => intent !== 'other').map((intent) => byIntent.get(intent)!.score));
  other.score = Math.max(other.score, round(Math.max(0, 1 - best / OTHER_BAR) * 0.9 + 0.1 * (best < OTHER_BAR ? 1 : 0)));
  const intents = [...byIntent.values()]
    .map((evidence) => ({ ...evidence, score: round(evidence.score) }))
    .sort((a, b) => b.score - a.score || INTENTS.indexOf(a.intent) - INTENTS.indexOf(b.intent));
  return { intent: intents[0]!.intent, intents };
}

function scoreExamples(model: IntentModel, normalized: string, byIntent: Map<Intent, IntentEvidence>): void {
  const features = messageFeatures(normalized);
  const dots = new Map<number, number>();
  const covered = new Map<number, number>();
  let squared = 0;
  for (const [feature, value] of features) {
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
  const top = new Map<Intent, { first: number; second: number; example?: Example }>();
  for (const [index, dot] of dots) {
    const example = model.examples[index]!;
    const cosine = dot / (norm * example.norm);
    const coverage = covered.get(index)! / (example.norm * example.norm);
    const similarity = Math.min(1, 0.5 * cosine + 0.5 * coverage * Math.sqrt(cosine));
    const entry = top.get(example.intent) ?? { first: 0, second: 0 };
    if (similarity > entry.first) top.set(example.intent, { first: similarity, second: entry.first, example });
    else if (similarity > entry.second) top.set(example.intent, { ...entry, second: similarity });
    else top.set(example.intent, entry);
  }
  for (const [intent, { first, second, example }] of top) {
    const evidence = byIntent.get(intent)!;
    evidence.score = 1 - (1 - first) * (1 - 0.3 * second);
    if (example) {
      evidence.example = example.text;
      evidence.objection = example.objection;
    }
  }
}

function scoreKeywords(model: IntentModel, normalized: string, byIntent: Map<Intent, IntentEvidence>): void {
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
  for (const [intent, absent] of missing) {
    const evidence = byIntent.get(intent)!;
    const keywordScore = 1 - absent;
    evidence.score = 1 - (1 - evidence.score) * (1 - 0.8 * keywordScore);
    const { keyword } = strongest.get(intent)!;
    evidence.keyword = keyword.text;
    evidence.objection ??= keyword.objection;
  }
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

function preferSpecific(byIntent: Map<Intent, IntentEvidence>): void {
  for (const [specific, general] of MORE_SPECIFIC) {
    const a = byIntent.get(specific)!;
    const b = byIntent.get(general)!;
    if (b.score > a.score && a.score >= SPECIFIC_SHARE * b.score && a.score >= OTHER_BAR) {
      a.score = Math.min(1, b.score + 0.01);
    }
  }
}

/** The localized title of an objection, for evidence shown to people. */
export function objectionTitle(objection: Objection, language: 'zh-CN' | 'en'): string {
  return localText(objection.title, language);
}
