// The engine's evaluation: intent accuracy on test/fixtures/intents.tsv and search hit@k on
// test/fixtures/search-queries.tsv. Shared by `npm run eval` and the unit test that guards it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle, classifyMessage, INTENTS, lintPlaybooks, normalizeText, searchPlaybooks, type Bundle, type Intent } from '@closer/shared';
import { defaultPlaybooksDir, loadPlaybookFiles } from '@closer/shared/node';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

export interface LabelledMessage {
  label: Intent;
  message: string;
  line: number;
}

export interface SearchQuery {
  query: string;
  categories: string[];
  line: number;
}

/** Rows of a TSV file with a header line; a malformed row is an error naming its line. */
function readTsv(file: string): { cells: string[]; line: number }[] {
  const rows = readFileSync(file, 'utf8').split('\n');
  return rows
    .map((row, index) => ({ cells: row.split('\t'), line: index + 1 }))
    .slice(1)
    .filter(({ cells }) => cells.join('').trim() !== '')
    .map((row) => {
      if (row.cells.length !== 2) throw new Error(`${file}:${row.line}: expected two tab-separated columns`);
      return row;
    });
}

export function readIntentSet(file = path.join(FIXTURES, 'intents.tsv')): LabelledMessage[] {
  return readTsv(file).map(({ cells: [label, message], line }) => {
    if (!(INTENTS as readonly string[]).includes(label!)) throw new Error(`${file}:${line}: unknown intent "${label}"`);
    return { label: label as Intent, message: message!, line };
  });
}

export function readSearchSet(file = path.join(FIXTURES, 'search-queries.tsv')): SearchQuery[] {
  return readTsv(file).map(({ cells: [query, categories], line }) => ({ query: query!, categories: categories!.split('|').map((c) => c.trim()), line }));
}

/** The repository's default playbooks as a bundle. */
export async function defaultBundle(): Promise<Bundle> {
  const files = await loadPlaybookFiles([defaultPlaybooksDir()]);
  const errors = lintPlaybooks(files).filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`the default playbooks have ${errors.length} error(s); run npx closer lint`);
  return buildBundle(files);
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

export interface SearchReport {
  total: number;
  hitAt1: number;
  hitAt3: number;
  misses: { query: string; categories: string[]; got: string[] }[];
}

/** hit@k: a query counts when one of its first k results is in an accepted category. */
export function evaluateSearch(search: (query: string) => { category: string }[], set: SearchQuery[]): SearchReport {
  let hitAt1 = 0;
  let hitAt3 = 0;
  const misses: SearchReport['misses'] = [];
  for (const { query, categories } of set) {
    const got = search(query).slice(0, 3).map((result) => result.category);
    if (got[0] !== undefined && categories.includes(got[0])) hitAt1++;
    if (got.some((category) => categories.includes(category))) hitAt3++;
    else misses.push({ query, categories, got });
  }
  return { total: set.length, hitAt1: hitAt1 / Math.max(1, set.length), hitAt3: hitAt3 / Math.max(1, set.length), misses };
}

export function searchWithEngine(bundle: Bundle): (query: string) => { category: string }[] {
  return (query) => searchPlaybooks(query, bundle, { limit: 3 });
}

/** Evaluation messages that also appear among the playbooks' triggers (compared without spaces and punctuation). */
export function overlapWithTriggers(bundle: Bundle, set: LabelledMessage[]): { message: string; line: number; file: string }[] {
  const key = (text: string): string => normalizeText(text).replace(/[\s\p{P}\p{S}]/gu, '');
  const triggers = new Map<string, string>();
  for (const { file, playbook } of bundle.playbooks) {
    for (const objection of playbook.objections ?? []) {
      for (const trigger of [...(objection.triggers.examples ?? []), ...(objection.triggers.keywords ?? [])]) if (key(trigger)) triggers.set(key(trigger), file);
    }
  }
  return set.flatMap(({ message, line }) => {
    const file = triggers.get(key(message));
    return file && key(message) ? [{ message, line, file }] : [];
  });
}
