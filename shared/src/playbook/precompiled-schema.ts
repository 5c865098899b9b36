// The zod schema of a bundle's precompiled part (its shapes are in precompiled.ts): run by the
// full check of a bundle (loadBundle in bundle.ts), which names the path of a mistake.
import * as z from 'zod';
import { PRECOMPILED_VERSION, type Precompiled, type PrecompiledIntent, type PrecompiledParts, type PrecompiledSearch } from './precompiled.ts';

const ListsSchema = z.strictObject({ keys: z.string(), lists: z.string() });

export const PrecompiledSearchSchema = z.strictObject({
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
});

const Tuple = z.tuple([z.number().int().nonnegative(), z.string(), z.string(), z.string()]);

export const PrecompiledIntentSchema = z.strictObject({
  intents: z.array(z.number().int().nonnegative()),
  examples: z.array(z.tuple([z.number().int().nonnegative(), z.string(), z.string(), z.number()])),
  keywords: z.array(Tuple),
  triggerText: z.record(z.string(), z.string()),
  features: z.string(),
  rows: z.string(),
  logDenominators: z.array(z.number()),
  defaultIdf: z.number(),
});

export const PrecompiledPartsSchema = z.strictObject({
  version: z.literal(PRECOMPILED_VERSION),
  source: z.string(),
  search: PrecompiledSearchSchema.optional(),
  intent: PrecompiledIntentSchema.optional(),
});

export const PrecompiledSchema = z.looseObject({ version: z.number().int().nonnegative(), source: z.string() });

// The shapes written out in precompiled.ts and the schema must agree: a difference fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree: [
  Same<z.infer<typeof PrecompiledSearchSchema>, PrecompiledSearch>,
  Same<z.infer<typeof PrecompiledIntentSchema>, PrecompiledIntent>,
  Same<z.infer<typeof PrecompiledPartsSchema>, PrecompiledParts>,
  Same<z.infer<typeof PrecompiledSchema>, Precompiled>,
] = [true, true, true, true];
void agree;
