// Drill results as kept and exported: read back line by line (cases in the same file skipped,
// a bad line named), and summed up per person for the team lead: totals over time, weakest intents.
import { describe, expect, it } from 'vitest';
import { drillProgress, readDrillResults, type DrillResult } from '@closer/shared';

function result(salesperson: string, finished: string, total: number, turns: [DrillResult['turns'][number]['intent'], number][]): DrillResult {
  return {
    kind: 'drill',
    version: 1,
    id: `00000000-0000-4000-8000-${String(Math.round(Date.parse(finished) / 1000)).padStart(12, '0').slice(-12)}`,
    drill: 'drill-careful-parent',
    title: 'The careful parent',
    salesperson,
    started: finished,
    finished,
    total,
    turns: turns.map(([intent, score]) => ({ customer: 'c', reply: 'r', intent, step: 'consider', score })),
  };
}

describe('drill results', () => {
  it('read back from JSON Lines; case lines are skipped and a bad line is named by its number', () => {
    const one = result('Li', '2026-11-02T10:00:00.000Z', 70, [['price', 60]]);
    const text = [JSON.stringify(one), JSON.stringify({ id: 'a-case', outcome: 'won' }), '{oops', JSON.stringify({ ...one, total: 300 })].join('\n');
    const { results, problems } = readDrillResults(text);
    expect(results).toEqual([one]);
    expect(problems).toEqual(['line 3: not JSON', expect.stringMatching(/^line 4: total: /)]);
  });

  it('per person: runs oldest first and the intents answered worst first', () => {
    const progress = drillProgress([
      result('Wang', '2026-11-03T10:00:00.000Z', 80, [['price', 90], ['doubt', 70]]),
      result('Li', '2026-11-05T10:00:00.000Z', 75, [['price', 80], ['doubt', 70]]),
      result('Li', '2026-11-01T10:00:00.000Z', 40, [['price', 60], ['doubt', 20]]),
    ]);
    expect(progress.map((person) => person.salesperson)).toEqual(['Li', 'Wang']);
    expect(progress[0]!.runs.map((run) => run.total)).toEqual([40, 75]);
    expect(progress[0]!.intents).toEqual([
      { intent: 'doubt', mean: 45, turns: 2 },
      { intent: 'price', mean: 70, turns: 2 },
    ]);
  });
});
