// Per-reply outcomes for a bundle (`closer build --cases`): the engine lifts replies that close.
import type { ReplyStats } from '../playbook/bundle.ts';
import type { Case } from './case.ts';

/** For each reply inserted in a won or lost case: in how many such cases it was used, and how many were won. */
export function replyStatsOf(cases: readonly Case[]): ReplyStats {
  const stats: ReplyStats = {};
  for (const record of cases) {
    if (record.outcome === 'open') continue;
    const used = new Set<string>();
    for (const event of record.timeline) if (event.type === 'inserted') used.add(event.reply);
    for (const reply of used) {
      const entry = (stats[reply] ??= { uses: 0, wins: 0 });
      entry.uses++;
      if (record.outcome === 'won') entry.wins++;
    }
  }
  // Sorted keys keep the bundle's hash the same for the same cases, whatever their order.
  return Object.fromEntries(Object.entries(stats).sort(([a], [b]) => (a < b ? -1 : 1)));
}
