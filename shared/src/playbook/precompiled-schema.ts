// The zod schema of a bundle's precompiled part (its shapes are in precompiled.ts): run by the
// full check of a bundle (loadBundle in bundle.ts), which names the path of a mistake.
import * as z from 'zod';
import { lazySchema } from './lazy-schema.ts';
import { PRECOMPILED_VERSION, type Precompiled, type PrecompiledIntent, type PrecompiledParts, type PrecompiledSearch } from './precompiled.ts';

// Each schema is a function that builds it on first use (lazy-schema.ts): PrecompiledPartsSchema().safeParse(…).
export const PrecompiledSearchSchema = lazySchema(() => {
  const ListsSchema = z.strictObject({ keys: z.string(), lists: z.string() });
  return z.strictObject({
    entries: z.number().int().nonnegative(),
    features: z.string(),
    postings: z.string(),
    weights: z.array(z.number()),
    lengthFactor: z.string(),
    words: z.string(),
    wordTrigrams: ListsSchema,
    sounds: z.string(),
    cohesions: z.string(),
    pinyinBigrams: ListsSchema,
    initialsBigrams: ListsSchema,
    sorted: z.literal(true).optional(),
    framed: z.literal(true).optional(),
  });
});

export const PrecompiledIntentSchema = lazySchema(() => {
  const Tuple = z.tuple([z.number().int().nonnegative(), z.string(), z.string(), z.string()]);
  return z.strictObject({
    intents: z.array(z.number().int().nonnegative()),
    examples: z.array(z.tuple([z.number().int().nonnegative(), z.string(), z.string(), z.number()])),
    keywords: z.array(Tuple),
    triggerText: z.record(z.string(), z.string()),
    lines: z.string().optional(),
    features: z.string().optional(),
    rows: z.string().optional(),
    logDenominators: z.array(z.number()),
    defaultIdf: z.number(),
    sorted: z.literal(true).optional(),
  }).refine((intent) => (intent.lines !== undefined ? intent.features === undefined && intent.rows === undefined : intent.features !== undefined && intent.rows !== undefined), {
    message: 'the intent model has either its lines, or its features and rows (an older bundle), not both and not one of the two',
  });
});

export const PrecompiledPartsSchema = lazySchema(() => z.strictObject({
  version: z.literal(PRECOMPILED_VERSION),
  source: z.string(),
  search: PrecompiledSearchSchema().optional(),
  intent: PrecompiledIntentSchema().optional(),
}));

export const PrecompiledSchema = lazySchema(() => z.looseObject({ version: z.number().int().nonnegative(), source: z.string() }));

// The shapes written out in precompiled.ts and the schema must agree: a difference fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree: [
  Same<z.infer<ReturnType<typeof PrecompiledSearchSchema>>, PrecompiledSearch>,
  Same<z.infer<ReturnType<typeof PrecompiledIntentSchema>>, PrecompiledIntent>,
  Same<z.infer<ReturnType<typeof PrecompiledPartsSchema>>, PrecompiledParts>,
  Same<z.infer<ReturnType<typeof PrecompiledSchema>>, Precompiled>,
] = [true, true, true, true];
void agree;
