// A played drill, kept like a case: one JSON object a line in the same export, told apart by
// `kind`, so the team lead's tools read a new hire's practice beside the real chats.
import * as z from 'zod';
import { lazySchema } from '../../playbook/lazy-schema.ts';
import { GOLDEN_STEPS, IntentSchema } from '../../playbook/schema.ts';

export const DRILL_RESULT_VERSION = 1;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Built on first use (lazy-schema.ts). */
export const DrillResultSchema = lazySchema(() => {
  const TIME = z.iso.datetime({ offset: true });
  return z.strictObject({
    kind: z.literal('drill'),
    version: z.literal(DRILL_RESULT_VERSION),
    id: z.string().regex(UUID, 'a drill result id is a UUID'),
    drill: z.string().min(1),
    title: z.string(),
    salesperson: z.string(),
    started: TIME,
    finished: TIME,
    total: z.number().min(0).max(100),
    turns: z.array(
      z.strictObject({
        customer: z.string(),
        reply: z.string(),
        intent: IntentSchema(),
        step: z.enum(GOLDEN_STEPS),
        score: z.number().min(0).max(100),
        seconds: z.number().nonnegative().optional(),
      }),
    ),
  });
});
export type DrillResult = z.infer<ReturnType<typeof DrillResultSchema>>;

/** A line of a JSON Lines file is a drill result (not a case). */
export function isDrillResultLine(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'drill';
}

/** Drill results from JSON Lines text; a bad line is named by its number and the others are kept. Lines that are not drill results (cases) are skipped. */
export function readDrillResults(text: string): { results: DrillResult[]; problems: string[] } {
  const results: DrillResult[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`line ${index + 1}: not JSON`);
      return;
    }
    if (!isDrillResultLine(value)) return;
    const parsed = DrillResultSchema().safeParse(value);
    if (parsed.success) results.push(parsed.data);
    else problems.push(`line ${index + 1}: ${parsed.error.issues[0]!.path.join('.') || 'the record'}: ${parsed.error.issues[0]!.message}`);
  });
  return { results, problems };
}
