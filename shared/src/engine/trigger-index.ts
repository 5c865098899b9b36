// The intent model's index of the team's triggers (examples and keywords): per feature its idf,
// its naive Bayes counts per intent and the examples holding it, and the compact form a bundle
// carries. Building it works out the n-grams and sounds of every trigger through the pinyin
// converter; reading it back decodes only the features a message has, the first time it has them,
// so a worker that Chrome restarted answers its first message without rebuilding the model.
import { PrecompiledError, type PrecompiledIntent } from '../playbook/precompiled.ts';
import { INTENTS, type Intent } from '../playbook/ids.ts';
import { AlignedRows, joinFeatureRows, SortedRows, type FeatureRows } from './feature-rows.ts';

/** What the model asks of a feature; a Map is one, and so is the lazily read table below. */
export interface FeatureLookup<T> {
  get(feature: string): T | undefined;
  [Symbol.iterator](): Iterator<[string, T]>;
}

export interface ExamplePosting {
  example: number;
  /** The feature's value in the example times its idf. */
  weight: number;
  /** The feature's value in the example, which is what a bundle carries (the weight is worked out again, to the same double). */
  value: number;
}

/** The parts of the intent model a bundle carries (classify.ts builds the model around them). */
export interface TriggerIndex {
  /** The intents of the model, in INTENTS order. */
  intents: Intent[];
  examples: { intent: Intent; objection?: string; source: 'team' | 'base'; text: string; norm: number }[];
  keywords: { intent: Intent; objection: string; text: string; normalized: string }[];
  triggerText: Map<Intent, string>;
  idf: FeatureLookup<number>;
  /** In how many triggers each feature is: idf = log(1 + triggers / frequency). */
  frequency: FeatureLookup<number>;
  postings: FeatureLookup<ExamplePosting[]>;
  /** The team triggers' naive Bayes count of each feature, per intent of the model. */
  counts: FeatureLookup<Float64Array>;
  logDenominators: Float64Array;
  defaultIdf: number;
}

const WHAT = 'the precompiled intent model';

/** [intent number, objection, text, last]: the shape of an example (last a number) and of a keyword (a string). */
function isTuple(value: unknown, last: 'number' | 'string'): boolean {
  return Array.isArray(value) && value.length === 4 && Number.isInteger(value[0]) && value[0] >= 0 && typeof value[1] === 'string' && typeof value[2] === 'string' && typeof value[3] === last;
}

function intentAt(at: number, where: string): Intent {
  const intent = INTENTS[at];
  if (intent === undefined) throw new PrecompiledError(`${WHAT} is damaged: ${where} names intent number ${at}`);
  return intent;
}

/**
 * One line per feature: "frequency|intent:count,…|example:value …", every number as the shortest
 * text that reads back as the same double. The idf and the weights are worked out again on reading
 * by the same arithmetic as building, so they come out the same as a rebuilt model's.
 */
export function encodeTriggerIndex(index: TriggerIndex): PrecompiledIntent {
  const features = [...index.idf].map(([feature]) => feature);
  const rows = features.map((feature) => {
    const counts = index.counts.get(feature);
    const postings = index.postings.get(feature) ?? [];
    const sparse = counts ? [...counts].flatMap((count, at) => (count !== 0 ? [`${at}:${count}`] : [])).join(',') : '-';
    return `${index.frequency.get(feature)}|${sparse}|${postings.map(({ example, value }) => `${example}:${value}`).join(' ')}`;
  });
  return {
    intents: index.intents.map((intent) => INTENTS.indexOf(intent)),
    examples: index.examples.map((example): [number, string, string, number] => [INTENTS.indexOf(example.intent), example.objection ?? '', example.text, example.norm]),
    keywords: index.keywords.map((keyword): [number, string, string, string] => [INTENTS.indexOf(keyword.intent), keyword.objection, keyword.text, keyword.normalized]),
    triggerText: Object.fromEntries(index.triggerText),
    lines: joinFeatureRows(features.map((feature, at) => [feature, rows[at]!] as const)),
    logDenominators: [...index.logDenominators],
    defaultIdf: index.defaultIdf,
  };
}

interface Row {
  idf: number;
  frequency: number;
  counts: Float64Array | undefined;
  postings: ExamplePosting[] | undefined;
}

/**
 * The index a bundle carries. Its rows are read when a message first has their feature; `strict`
 * (an import) reads every row now, so a damaged one is a PrecompiledError before the bundle is
 * stored. Past that check, a row that cannot be read counts as absent rather than as a wrong number.
 */
export function decodeTriggerIndex(compiled: PrecompiledIntent, strict = false): TriggerIndex {
  const intents = compiled.intents.map((at, position) => intentAt(at, `intent ${position + 1}`));
  // A start checks only that these are lists (precompiled.ts): each tuple is checked here.
  const examples = compiled.examples.map((tuple, at) => {
    if (!isTuple(tuple, 'number')) throw new PrecompiledError(`${WHAT} is damaged at example ${at + 1}`);
    const [intent, objection, text, norm] = tuple;
    const example: TriggerIndex['examples'][number] = { intent: intentAt(intent, `example ${at + 1}`), source: 'team', text, norm };
    if (objection) example.objection = objection;
    return example;
  });
  const keywords = compiled.keywords.map((tuple, at) => {
    if (!isTuple(tuple, 'string')) throw new PrecompiledError(`${WHAT} is damaged at keyword ${at + 1}`);
    const [intent, objection, text, normalized] = tuple;
    return { intent: intentAt(intent, `keyword ${at + 1}`), objection, text, normalized };
  });
  const triggerText = new Map<Intent, string>();
  for (const [intent, text] of Object.entries(compiled.triggerText)) {
    if (!(INTENTS as readonly string[]).includes(intent)) throw new PrecompiledError(`${WHAT} is damaged: "${intent.slice(0, 40)}" is not an intent`);
    triggerText.set(intent as Intent, text);
  }
  if (compiled.logDenominators.length !== intents.length) throw new PrecompiledError(`${WHAT} is cut short: ${compiled.logDenominators.length} denominators for ${intents.length} intents`);
  let table: FeatureRows;
  if (compiled.lines !== undefined) {
    table = new SortedRows(compiled.lines);
  } else {
    const aligned = new AlignedRows(compiled.features ?? '', compiled.rows ?? '', compiled.sorted === true);
    if (aligned.rows.count !== aligned.features.count) throw new PrecompiledError(`${WHAT} is cut short: ${aligned.rows.count} rows for ${aligned.features.count} features`);
    table = aligned;
  }
  if (strict) {
    const problem = table.problem();
    if (problem !== undefined) throw new PrecompiledError(`${WHAT} is damaged: ${problem}`);
  }
  const decoded = new Map<string, Row>();
  const parse = (feature: string, line: string): Row => {
    const [frequency, counts, postings, extra] = line.split('|');
    const count = Number(frequency);
    // The same arithmetic as building the model (classify.ts), so the same doubles.
    const idf = Math.log(1 + examples.length / count);
    const row: Row = { idf, frequency: count, counts: undefined, postings: undefined };
    if (postings === undefined || extra !== undefined || !(count >= 1)) throw new PrecompiledError(`${WHAT} is damaged at the row of "${feature.slice(0, 40)}"`);
    if (counts !== '-') {
      row.counts = new Float64Array(intents.length);
      for (const pair of counts === '' ? [] : counts!.split(',')) {
        const colon = pair.indexOf(':');
        const intent = Number(pair.slice(0, colon));
        const value = Number(pair.slice(colon + 1));
        if (colon <= 0 || !(intent >= 0 && intent < intents.length) || !Number.isFinite(value)) throw new PrecompiledError(`${WHAT} is damaged at the counts of "${feature.slice(0, 40)}"`);
        row.counts[intent] = value;
      }
    }
    if (postings !== '') {
      row.postings = postings!.split(' ').map((pair) => {
        const colon = pair.indexOf(':');
        const example = Number(pair.slice(0, colon));
        const value = Number(pair.slice(colon + 1));
        if (colon <= 0 || !(example >= 0 && example < examples.length) || !Number.isFinite(value)) throw new PrecompiledError(`${WHAT} is damaged at the postings of "${feature.slice(0, 40)}"`);
        return { example, weight: value * idf, value };
      });
    }
    return row;
  };
  const rowOf = (feature: string, line: string): Row | undefined => {
    let row = decoded.get(feature);
    if (!row) {
      try {
        row = parse(feature, line);
      } catch (error) {
        if (strict || !(error instanceof PrecompiledError)) throw error;
        row = { idf: Number.NaN, frequency: 0, counts: undefined, postings: undefined };
      }
      decoded.set(feature, row);
    }
    return Number.isNaN(row.idf) ? undefined : row;
  };
  if (strict) for (const [feature, line] of table.entries()) rowOf(feature, line);
  const view = <T>(pick: (row: Row) => T | undefined): FeatureLookup<T> => ({
    get(feature) {
      const known = decoded.get(feature);
      if (known) return Number.isNaN(known.idf) ? undefined : pick(known);
      const line = table.row(feature);
      const row = line === undefined ? undefined : rowOf(feature, line);
      return row ? pick(row) : undefined;
    },
    *[Symbol.iterator]() {
      for (const [feature, line] of table.entries()) {
        const row = rowOf(feature, line);
        const value = row ? pick(row) : undefined;
        if (value !== undefined) yield [feature, value] as [string, T];
      }
    },
  });
  return {
    intents,
    examples,
    keywords,
    triggerText,
    idf: view((row) => row.idf),
    frequency: view((row) => row.frequency),
    postings: view((row) => row.postings),
    counts: view((row) => row.counts),
    logDenominators: Float64Array.from(compiled.logDenominators),
    defaultIdf: compiled.defaultIdf,
  };
}
