// The case schema's verdict on a line the quick checks could not decide (case-line.ts): the only
// place a case file's reader needs zod, so a reader may load this module only when a line asks.
import { CaseSchema, type Case } from './case.ts';

/** The record as the schema reads it, or a message naming the first thing wrong with it. */
export function schemaVerdict(data: object): Case | string {
  const parsed = CaseSchema().safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.map(String).join('.') || 'the top level';
  const id = typeof (data as { id?: unknown }).id === 'string' ? ` (case ${(data as { id: string }).id})` : '';
  return `not a valid case${id}: at ${where}: ${issue.message}; the line is skipped`;
}
