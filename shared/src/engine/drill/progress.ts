// What a team lead reads of a new hire's practice: each person's drill totals over time and the
// intents they answer worst, so the next drill and the next coaching talk pick those.
import type { Intent } from '../../playbook/schema.ts';
import type { DrillResult } from './result.ts';

export interface PersonProgress {
  salesperson: string;
  /** Oldest first. */
  runs: { finished: string; drill: string; total: number }[];
  /** Mean turn score per intent met, weakest first. */
  intents: { intent: Intent; mean: number; turns: number }[];
}

export function drillProgress(results: readonly DrillResult[]): PersonProgress[] {
  const people = new Map<string, DrillResult[]>();
  for (const result of results) people.set(result.salesperson, [...(people.get(result.salesperson) ?? []), result]);
  return [...people.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([salesperson, own]) => {
      const runs = [...own].sort((a, b) => a.finished.localeCompare(b.finished)).map(({ finished, drill, total }) => ({ finished, drill, total }));
      const byIntent = new Map<Intent, number[]>();
      for (const result of own) for (const turn of result.turns) byIntent.set(turn.intent, [...(byIntent.get(turn.intent) ?? []), turn.score]);
      const intents = [...byIntent.entries()]
        .map(([intent, scores]) => ({ intent, mean: Math.round(scores.reduce((sum, score) => sum + score, 0) / scores.length), turns: scores.length }))
        .sort((a, b) => a.mean - b.mean || a.intent.localeCompare(b.intent));
      return { salesperson, runs, intents };
    });
}
