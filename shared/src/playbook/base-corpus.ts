// The format of the core's base language of customer intents: labelled chat messages from many
// trades, kept as data (shared/src/engine/base-intents/*.tsv) so they are reviewed like code, and
// compiled into every bundle so that a team's ten-line playbook still understands plain customers.
import * as z from 'zod';
import { lazySchema } from './lazy-schema.ts';
import { INTENTS, IntentSchema, type Intent } from './schema.ts';

/**
 * What the classifier learnt from the messages, compiled by `closer build` so a worker loads it
 * instead of reading every message again: `lines`, a line per feature, "feature<TAB>counts", the
 * feature as its UTF-8 bytes one character a byte and in their order (feature-rows.ts), the counts
 * per intent as "index:count" pairs (counts × 100, intents in
 * INTENTS order); the totals and the size of the vocabulary. One long string rather than arrays
 * of twenty thousand, so reading and checking a bundle stays quick. Bundles built before
 * 2026-12-04 carry the older form instead of `lines`: `features`, one a line, and on the same
 * line of `counts` its counts (feature-rows.ts reads both).
 */
export const BaseModelSchema = lazySchema(() => z.strictObject({
  lines: z.string().optional(),
  features: z.string().optional(),
  counts: z.string().optional(),
  totals: z.array(z.number().nonnegative()),
  vocabulary: z.number().int().nonnegative(),
  /** In the older form: the features are in JavaScript's string order, so a start finds them without a table (line-index.ts). */
  sorted: z.literal(true).optional(),
}).refine((model) => (model.lines !== undefined) !== (model.features !== undefined || model.counts !== undefined) && (model.lines !== undefined || (model.features !== undefined && model.counts !== undefined)), {
  message: 'the base model has either its lines, or its features and counts (an older bundle), not both and not one of the two',
}));
export type BaseModel = z.infer<ReturnType<typeof BaseModelSchema>>;

/** The compact form a bundle carries: the messages of each intent, as written, and what was learnt from them. */
export const BaseCorpusSchema = lazySchema(() => z.strictObject({
  /** Where the messages came from, e.g. "closer-base" (shown as evidence). */
  name: z.string().min(1),
  intents: z.partialRecord(IntentSchema(), z.array(z.string().min(1))),
  model: BaseModelSchema().optional(),
}));
export type BaseCorpus = z.infer<ReturnType<typeof BaseCorpusSchema>>;

export interface CorpusRow {
  intent: Intent;
  /** The other intent the message shows, when it shows two. */
  second?: Intent;
  message: string;
  file: string;
  line: number;
}

export interface CorpusProblem {
  file: string;
  line: number;
  message: string;
}

const HEADER = 'intent\tsecond\tmessage';
const isIntent = (value: string): value is Intent => (INTENTS as readonly string[]).includes(value);

/** Read one corpus TSV (header `intent<TAB>second<TAB>message`). Bad rows become problems, never exceptions. */
export function parseCorpusTsv(text: string, file: string): { rows: CorpusRow[]; problems: CorpusProblem[] } {
  const rows: CorpusRow[] = [];
  const problems: CorpusProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== HEADER) {
    problems.push({ file, line: 1, message: `the first line should be the header "${HEADER.replace(/\t/g, '<TAB>')}"` });
    return { rows, problems };
  }
  lines.forEach((raw, index) => {
    if (index === 0 || raw.trim() === '') return;
    const line = index + 1;
    const columns = raw.split('\t');
    if (columns.length !== 3) return void problems.push({ file, line, message: `expected 3 tab-separated columns (intent, second, message), found ${columns.length}` });
    const [intent, second, message] = columns.map((column) => column.trim()) as [string, string, string];
    if (!isIntent(intent)) return void problems.push({ file, line, message: `"${intent}" is not an intent; use one of ${INTENTS.join(', ')}` });
    if (second && !isIntent(second)) return void problems.push({ file, line, message: `second intent "${second}" is not an intent; use one of ${INTENTS.join(', ')} or leave it empty` });
    if (!message) return void problems.push({ file, line, message: 'the message is empty' });
    rows.push({ intent, ...(isIntent(second) && second !== intent ? { second } : {}), message, file, line });
  });
  return { rows, problems };
}

/** The compact corpus of many rows: each message once, under its intent. */
export function compactCorpus(rows: readonly CorpusRow[], name: string): BaseCorpus {
  const intents: Partial<Record<Intent, string[]>> = {};
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.message)) continue;
    seen.add(row.message);
    (intents[row.intent] ??= []).push(row.message);
  }
  return { name, intents };
}
