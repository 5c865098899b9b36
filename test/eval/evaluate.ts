// The engine's evaluation, shared by `npm run eval` and the unit test that guards it: intent
// accuracy on the held-out set test/fixtures/eval/intents.tsv (with the default playbooks and with
// a minimal team playbook), the chat's step on test/fixtures/eval/steps.tsv, the older set
// test/fixtures/intents.tsv, and search hit@k on test/fixtures/search-queries.tsv.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildBundle,
  classifyMessage,
  conversationState,
  GOLDEN_STEPS,
  INTENTS,
  lintPlaybooks,
  normalizeText,
  searchPlaybooks,
  type Bundle,
  type GoldenStep,
  type Intent,
} from '@closer/shared';
import { defaultPlaybooksDir, loadBaseCorpus, loadPlaybookFiles, readBaseCorpusRows } from '@closer/shared/node';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

export interface LabelledMessage {
  label: Intent;
  message: string;
  line: number;
  /** The other intent a message shows, when it shows two. */
  second?: Intent;
  trade?: string;
}

export interface LabelledChat {
  step: GoldenStep;
  /** The customer's messages, oldest first; the last is the one being answered. */
  messages: string[];
  line: number;
}

export interface SearchQuery {
  query: string;
  categories: string[];
  line: number;
}

/** Rows of a TSV file with a header line; a malformed row is an error naming its line. */
export function readTsv(file: string, columns = 2): { cells: string[]; line: number }[] {
  const rows = readFileSync(file, 'utf8').split('\n');
  return rows
    .map((row, index) => ({ cells: row.split('\t'), line: index + 1 }))
    .slice(1)
    .filter(({ cells }) => cells.join('').trim() !== '')
    .map((row) => {
      if (row.cells.length !== columns) throw new Error(`${file}:${row.line}: expected ${columns} tab-separated columns`);
      return row;
    });
}

export function readIntentSet(file = path.join(FIXTURES, 'intents.tsv')): LabelledMessage[] {
  return readTsv(file).map(({ cells: [label, message], line }) => {
    if (!(INTENTS as readonly string[]).includes(label!)) throw new Error(`${file}:${line}: unknown intent "${label}"`);
    return { label: label as Intent, message: message!, line };
  });
}

const isIntent = (value: string): value is Intent => (INTENTS as readonly string[]).includes(value);

/** The held-out set written before the base corpus: label, second intent, trade, message. */
export function readEvalIntentSet(file = path.join(FIXTURES, 'eval/intents.tsv')): LabelledMessage[] {
  return readTsv(file, 4).map(({ cells: [label, second, trade, message], line }) => {
    if (!isIntent(label!)) throw new Error(`${file}:${line}: unknown intent "${label}"`);
    return { label, ...(second && isIntent(second) ? { second } : {}), trade: trade!, message: message!, line };
  });
}

/** A second set of chats, written by another helper after the golden-model rules were, and only ever measured. */
export const STEPS_FRESH = path.join(FIXTURES, 'eval/steps-fresh.tsv');

/**
 * A third set of chats, written from the step definitions alone by a helper that saw no code or
 * corpus. Held out: only its overall figure (and the confusion matrix, for the report) is printed.
 */
export const STEPS_HOLDOUT = path.join(FIXTURES, 'eval/steps-holdout.tsv');

/** Chats the engine's author wrote and studied while writing the golden-model rules (a development set). */
export const STEPS_DEV = path.join(FIXTURES, 'dev/steps-dev.tsv');

/** A second development set of chats, written from the step definitions alone (like the held-out one) and then studied chat by chat. */
export const STEPS_DEV2 = path.join(FIXTURES, 'dev/steps-dev2.tsv');

/** Short chats: the expected golden step and the customer's messages separated by " ||| ". */
export function readStepSet(file = path.join(FIXTURES, 'eval/steps.tsv')): LabelledChat[] {
  return readTsv(file).map(({ cells: [step, messages], line }) => {
    if (!(GOLDEN_STEPS as readonly string[]).includes(step!)) throw new Error(`${file}:${line}: unknown step "${step}"`);
    return { step: step as GoldenStep, messages: messages!.split('|||').map((message) => message.trim()), line };
  });
}

export function readSearchSet(file = path.join(FIXTURES, 'search-queries.tsv')): SearchQuery[] {
  return readTsv(file).map(({ cells: [query, categories], line }) => ({ query: query!, categories: categories!.split('|').map((c) => c.trim()), line }));
}

/** The repository's default playbooks as a bundle, as `closer build` makes it (with the base corpus unless told not to). */
export async function defaultBundle(options: { base?: boolean } = {}): Promise<Bundle> {
  return bundleOf([defaultPlaybooksDir()], options);
}

/** A minimal team playbook (one objection per intent, two keywords and one example each) for a trade nobody else wrote for. */
export const TEAM_MINIMAL = path.join(FIXTURES, 'team-minimal');

export async function teamMinimalBundle(options: { base?: boolean } = {}): Promise<Bundle> {
  return bundleOf([TEAM_MINIMAL], options);
}

async function bundleOf(paths: string[], { base = true }: { base?: boolean }): Promise<Bundle> {
  const files = await loadPlaybookFiles(paths);
  const errors = lintPlaybooks(files).filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`${paths.join(', ')}: ${errors.length} error(s); run npx closer lint`);
  return buildBundle(files, base ? { base: loadBaseCorpus() } : {});
}

export interface IntentReport {
  total: number;
  accuracy: number;
  macroF1: number;
  perIntent: Record<Intent, { support: number; recall: number; precision: number; f1: number }>;
  /** confusion[expected][predicted] = count */
  confusion: Record<Intent, Record<Intent, number>>;
  errors: { label: Intent; predicted: Intent; message: string; line: number }[];
}

export function evaluateIntents(bundle: Bundle, set: LabelledMessage[]): IntentReport {
  const confusion = Object.fromEntries(INTENTS.map((a) => [a, Object.fromEntries(INTENTS.map((b) => [b, 0]))])) as IntentReport['confusion'];
  const errors: IntentReport['errors'] = [];
  for (const { label, message, line } of set) {
    const predicted = classifyMessage(message, bundle).intent;
    confusion[label][predicted]++;
    if (predicted !== label) errors.push({ label, predicted, message, line });
  }
  const perIntent = {} as IntentReport['perIntent'];
  for (const intent of INTENTS) {
    const truePositives = confusion[intent][intent];
    const support = INTENTS.reduce((sum, predicted) => sum + confusion[intent][predicted], 0);
    const predictedCount = INTENTS.reduce((sum, expected) => sum + confusion[expected][intent], 0);
    const recall = support ? truePositives / support : 0;
    const precision = predictedCount ? truePositives / predictedCount : 0;
    perIntent[intent] = { support, recall, precision, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  }
  const present = INTENTS.filter((intent) => perIntent[intent].support > 0);
  return {
    total: set.length,
    accuracy: (set.length - errors.length) / Math.max(1, set.length),
    macroF1: present.reduce((sum, intent) => sum + perIntent[intent].f1, 0) / Math.max(1, present.length),
    perIntent,
    confusion,
    errors,
  };
}

export interface StepReport {
  total: number;
  accuracy: number;
  perStep: Record<GoldenStep, { support: number; recall: number }>;
  /** confusion[expected][predicted] = count */
  confusion: Record<GoldenStep, Record<GoldenStep, number>>;
  errors: { step: GoldenStep; predicted: GoldenStep; line: number }[];
}

/** The chat's step after all its messages, each earlier one classified by the same bundle. */
export function evaluateSteps(bundle: Bundle, chats: LabelledChat[]): StepReport {
  const confusion = Object.fromEntries(GOLDEN_STEPS.map((a) => [a, Object.fromEntries(GOLDEN_STEPS.map((b) => [b, 0]))])) as StepReport['confusion'];
  const errors: StepReport['errors'] = [];
  const intentOf = (message: string): { intent: Intent; score: number } => classifyMessage(message, bundle).intents[0]!;
  for (const { step, messages, line } of chats) {
    const message = messages.at(-1)!;
    const predicted = conversationState(bundle, { customerMessages: messages.slice(0, -1) }, { message, ...intentOf(message) }, intentOf).step;
    confusion[step][predicted]++;
    if (predicted !== step) errors.push({ step, predicted, line });
  }
  const perStep = {} as StepReport['perStep'];
  for (const step of GOLDEN_STEPS) {
    const support = GOLDEN_STEPS.reduce((sum, predicted) => sum + confusion[step][predicted], 0);
    perStep[step] = { support, recall: support ? confusion[step][step] / support : 0 };
  }
  return { total: chats.length, accuracy: (chats.length - errors.length) / Math.max(1, chats.length), perStep, confusion, errors };
}

/** The search evaluation written before the search was reworked (test/fixtures/eval/search.tsv). */
export const SEARCH_EVAL = path.join(FIXTURES, 'eval/search.tsv');
/** The development sets of search queries: the search author's own, and one written from the method's description alone. */
export const SEARCH_DEV = path.join(FIXTURES, 'dev/search-dev.tsv');
export const SEARCH_DEV2 = path.join(FIXTURES, 'dev/search-dev2.tsv');
/** A second held-out set, written after the search was tuned (2026-12-03), and the development sets written beside it. */
export const SEARCH_FRESH = path.join(FIXTURES, 'eval/search-fresh.tsv');
/** A third held-out set, written after five rounds of tuning on development sets (2026-12-03, afternoon). */
export const SEARCH_FRESH2 = path.join(FIXTURES, 'eval/search-fresh2.tsv');
export const SEARCH_DEV3 = path.join(FIXTURES, 'dev/search-dev3.tsv');
export const SEARCH_DEV4 = path.join(FIXTURES, 'dev/search-dev4.tsv');
export const SEARCH_DEV5 = path.join(FIXTURES, 'dev/search-dev5.tsv');
export const SEARCH_DEV6 = path.join(FIXTURES, 'dev/search-dev6.tsv');
export const SEARCH_DEV7 = path.join(FIXTURES, 'dev/search-dev7.tsv');

export interface SearchReport {
  total: number;
  hitAt1: number;
  hitAt3: number;
  /** Mean reciprocal rank of the first accepted result among the first 10. */
  mrr: number;
  misses: { query: string; categories: string[]; got: string[] }[];
}

/** hit@k: a query counts when one of its first k results is in an accepted category. */
export function evaluateSearch(search: (query: string) => { category: string }[], set: SearchQuery[]): SearchReport {
  let hitAt1 = 0;
  let hitAt3 = 0;
  let reciprocal = 0;
  const misses: SearchReport['misses'] = [];
  for (const { query, categories } of set) {
    const ranked = search(query).slice(0, 10).map((result) => result.category);
    const first = ranked.findIndex((category) => categories.includes(category));
    if (first >= 0) reciprocal += 1 / (first + 1);
    const got = ranked.slice(0, 3);
    if (got[0] !== undefined && categories.includes(got[0])) hitAt1++;
    if (got.some((category) => categories.includes(category))) hitAt3++;
    else misses.push({ query, categories, got });
  }
  return { total: set.length, hitAt1: hitAt1 / Math.max(1, set.length), hitAt3: hitAt3 / Math.max(1, set.length), mrr: reciprocal / Math.max(1, set.length), misses };
}

export function searchWithEngine(bundle: Bundle): (query: string) => { category: string }[] {
  return (query) => searchPlaybooks(query, bundle, { limit: 10 });
}

/**
 * Evaluation messages that also appear among the playbooks' triggers (when a bundle is given) or
 * in the base corpus (compared without spaces and punctuation).
 */
export function overlapWithTriggers(bundle: Bundle | undefined, set: { message: string; line: number }[]): { message: string; line: number; file: string }[] {
  const key = (text: string): string => normalizeText(text).replace(/[\s\p{P}\p{S}]/gu, '');
  const triggers = new Map<string, string>();
  for (const { file, playbook } of bundle?.playbooks ?? []) {
    for (const objection of playbook.objections ?? []) {
      for (const trigger of [...(objection.triggers.examples ?? []), ...(objection.triggers.keywords ?? [])]) if (key(trigger)) triggers.set(key(trigger), file);
    }
  }
  for (const row of readBaseCorpusRows().rows) if (key(row.message)) triggers.set(key(row.message), `${row.file}:${row.line}`);
  return set.flatMap(({ message, line }) => {
    const file = triggers.get(key(message));
    return file && key(message) ? [{ message, line, file }] : [];
  });
}
