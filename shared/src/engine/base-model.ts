// The base corpus as the classifier learns from it: per feature, how much of it each intent's
// messages hold (naive Bayes counts). `closer build` counts once and writes the counts into the
// bundle (base.model), so a worker that Chrome restarted loads them instead of reading five
// thousand messages again; a corpus without counts (an author's draft) is counted on first use.
import { INTENTS, type Intent } from '../playbook/ids.ts';
import type { BaseCorpus, BaseModel } from '../playbook/base-corpus.ts';
import { featuresOfMessage } from './intent-features.ts';
import { AlignedRows, joinFeatureRows, SortedRows, type FeatureRows } from './feature-rows.ts';
import { CJK, normalizeText } from './text.ts';

export interface BaseCounts {
  /** A feature's count in each intent's messages, in INTENTS order; undefined when the corpus never has it. */
  countOf(feature: string): Float64Array | undefined;
  /** Every feature with its count over all intents (decodes every row: for rare uses only). */
  allFeatures(): Iterable<[string, number]>;
  /** Each intent's total count over every feature, also the ones left out of the compiled counts. */
  totals: Float64Array;
  /** How many distinct features the corpus has, also the ones left out. */
  vocabulary: number;
}

// A feature met in one message only says little about a trade the corpus never saw; leaving such
// features out keeps the bundle small.
const MIN_MESSAGES = 2;
// Counts are written with two decimals: the features' weights are multiples of 0.05 or close.
const SCALE = 100;

/** Count the features of every message, per intent. */
function countCorpus(base: BaseCorpus): { counts: Map<string, Float64Array>; totals: Float64Array; vocabulary: number; messages: Map<string, number> } {
  const counts = new Map<string, Float64Array>();
  const messages = new Map<string, number>();
  const totals = new Float64Array(INTENTS.length);
  INTENTS.forEach((intent, at) => {
    for (const text of base.intents[intent] ?? []) {
      for (const [feature, value] of featuresOfMessage(text)) {
        let row = counts.get(feature);
        if (!row) counts.set(feature, (row = new Float64Array(INTENTS.length)));
        row[at] = row[at]! + value;
        totals[at] = totals[at]! + value;
        messages.set(feature, (messages.get(feature) ?? 0) + 1);
      }
    }
  });
  return { counts, totals, vocabulary: counts.size, messages };
}

/** The counts in the compact form a bundle carries: each feature with "intent:count" pairs. */
export function compileBaseModel(base: BaseCorpus): BaseModel {
  const { counts, totals, vocabulary, messages } = countCorpus(base);
  const features = [...counts.keys()].filter((feature) => messages.get(feature)! >= MIN_MESSAGES).sort();
  const rows = features.map((feature) => [...counts.get(feature)!].flatMap((value, at) => (value > 0 ? [`${at}:${Math.round(value * SCALE)}`] : [])).join(' '));
  return { lines: joinFeatureRows(features.map((feature, at) => [feature, rows[at]!] as const)), totals: [...totals].map((value) => Math.round(value * SCALE)), vocabulary };
}

/** The corpus with its counts compiled in, as `closer build` writes it. */
export function withBaseModel(base: BaseCorpus): BaseCorpus {
  return { ...base, model: compileBaseModel(base) };
}

/**
 * The compiled counts, read a feature at a time when a message has it: a worker that Chrome just
 * restarted indexes the feature names and decodes only the rows its messages need.
 */
function compiledCounts(model: BaseModel): BaseCounts | undefined {
  if (model.totals.length !== INTENTS.length) return undefined;
  let rows: FeatureRows;
  if (model.lines !== undefined) {
    rows = new SortedRows(model.lines);
  } else if (model.features !== undefined && model.counts !== undefined) {
    const aligned = new AlignedRows(model.features, model.counts, model.sorted === true);
    if (aligned.rows.count !== aligned.features.count) return undefined;
    rows = aligned;
  } else {
    return undefined;
  }
  const decoded = new Map<string, Float64Array | undefined>();
  const rowOf = (feature: string, text: string): Float64Array => {
    const row = new Float64Array(INTENTS.length);
    for (const pair of text.split(' ')) {
      const colon = pair.indexOf(':');
      const intent = Number(pair.slice(0, colon));
      const value = Number(pair.slice(colon + 1));
      // A damaged row counts as nothing rather than as a wrong number.
      if (colon > 0 && intent >= 0 && intent < INTENTS.length && Number.isFinite(value)) row[intent] = value / SCALE;
    }
    decoded.set(feature, row);
    return row;
  };
  const countOf = (feature: string): Float64Array | undefined => {
    if (decoded.has(feature)) return decoded.get(feature);
    const text = rows.row(feature);
    if (text === undefined) {
      decoded.set(feature, undefined);
      return undefined;
    }
    return rowOf(feature, text);
  };
  const allFeatures = function* (): Iterable<[string, number]> {
    for (const [feature, text] of rows.entries()) yield [feature, (decoded.get(feature) ?? rowOf(feature, text)).reduce((sum, value) => sum + value, 0)];
  };
  return { countOf, allFeatures, totals: Float64Array.from(model.totals, (value) => value / SCALE), vocabulary: model.vocabulary };
}

const cache = new WeakMap<BaseCorpus, BaseCounts>();

/** The base corpus's counts: the bundle's compiled ones, or counted from its messages once. */
export function baseCountsOf(base: BaseCorpus): BaseCounts {
  let found = cache.get(base);
  if (!found) {
    found = base.model && compiledCounts(base.model);
    if (!found) {
      const { counts, totals, vocabulary } = countCorpus(base);
      const allFeatures = function* (): Iterable<[string, number]> {
        for (const [feature, row] of counts) yield [feature, row.reduce((sum, value) => sum + value, 0)];
      };
      found = { countOf: (feature) => counts.get(feature), allFeatures, totals, vocabulary };
    }
    cache.set(base, found);
  }
  return found;
}

// Evidence: which base message a customer message is most like. Only wanted for the intent
// shown, so each intent's little index of words is built the first time it is needed.
const evidence = new WeakMap<BaseCorpus, Map<Intent, { grams: Map<string, number[]>; sizes: number[] }>>();
const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;

function gramsOf(normalized: string): Set<string> {
  const grams = new Set<string>();
  for (const [run] of normalized.matchAll(CJK_RUN)) for (let i = 0; i + 1 < run.length; i++) grams.add(run.slice(i, i + 2));
  for (const [word] of normalized.matchAll(/[a-z0-9']{2,}/g)) grams.add(word);
  if (grams.size === 0 && CJK.test(normalized)) grams.add(normalized);
  return grams;
}

/** The base message of `intent` sharing the most words with the message, if any shares one. */
export function nearestBaseExample(base: BaseCorpus, intent: Intent, normalized: string): string | undefined {
  let byIntent = evidence.get(base);
  if (!byIntent) evidence.set(base, (byIntent = new Map()));
  let index = byIntent.get(intent);
  const texts = base.intents[intent] ?? [];
  if (!index) {
    const grams = new Map<string, number[]>();
    const sizes = texts.map((text, at) => {
      const found = gramsOf(normalizeText(text));
      for (const gram of found) {
        let list = grams.get(gram);
        if (!list) grams.set(gram, (list = []));
        list.push(at);
      }
      return Math.sqrt(Math.max(1, found.size));
    });
    byIntent.set(intent, (index = { grams, sizes }));
  }
  const shared = new Map<number, number>();
  for (const gram of gramsOf(normalized)) for (const at of index.grams.get(gram) ?? []) shared.set(at, (shared.get(at) ?? 0) + 1);
  let best: number | undefined;
  let bestScore = 0;
  for (const [at, count] of shared) {
    // Shared words over the example's length, so a short example that the message contains wins.
    const score = count / index.sizes[at]!;
    if (score > bestScore) [best, bestScore] = [at, score];
  }
  return best === undefined ? undefined : texts[best];
}
