import { describe, expect, it } from 'vitest';
import { formatCaseProblem, readCases, readDrillResults, writeCases, type DrillResult } from '@closer/shared';
import { inserted, makeCase, message } from './cases-fixtures.ts';

describe('case files (JSON Lines)', () => {
  it('write then read gives the same cases', () => {
    const cases = [makeCase({ timeline: [message(1, 'price'), inserted(2, 'a')] }), makeCase({ outcome: 'lost', lossReason: 'timing' })];
    const text = writeCases(cases);
    expect(text.split('\n')).toHaveLength(3);
    expect(readCases(text, 'a.jsonl')).toEqual({ cases, problems: [], drillResults: 0 });
  });

  it('reports each corrupt line with its line number and still reads every other line', () => {
    const [a, b, c] = [makeCase(), makeCase(), makeCase()];
    const lines = [
      JSON.stringify(a),
      '{"id": "broken',
      '',
      JSON.stringify(b),
      '[1, 2]',
      JSON.stringify({ ...c, outcome: 'maybe' }),
      JSON.stringify({ ...c, version: 3 }),
      JSON.stringify(c),
    ];
    const { cases, problems } = readCases(lines.join('\n'), 'team/alice.jsonl');
    expect(cases.map((record) => record.id)).toEqual([a.id, b.id, c.id]);
    expect(problems.map(formatCaseProblem)).toEqual([
      expect.stringMatching(/^team\/alice\.jsonl:2: error not valid JSON .*; the line is skipped$/),
      'team/alice.jsonl:5: error not a case: expected a JSON object; the line is skipped',
      expect.stringMatching(new RegExp(`^team/alice\\.jsonl:6: error not a valid case \\(case ${c.id}\\): at outcome: .*; the line is skipped$`)),
      'team/alice.jsonl:7: error case format version 3 was written by a newer Closer; this one reads version 2; the line is skipped',
    ]);
  });

  it('reads a file with a byte-order mark, Windows line ends and no final newline', () => {
    const [a, b] = [makeCase(), makeCase()];
    const { cases, problems } = readCases('\uFEFF' + JSON.stringify(a) + '\r\n' + JSON.stringify(b), 'x.jsonl');
    expect(problems).toEqual([]);
    expect(cases).toEqual([a, b]);
  });

  it('keeps a case whose loss reason the team has not listed, with a warning; a listed one is quiet', () => {
    const record = makeCase({ outcome: 'lost', lossReason: 'budget_freeze' });
    const warned = readCases(JSON.stringify(record), 'x.jsonl');
    expect(warned.cases).toEqual([record]);
    expect(warned.problems).toEqual([{ file: 'x.jsonl', line: 1, severity: 'warning', message: expect.stringContaining('"budget_freeze" is not in the team\'s list') }]);
    expect(readCases(JSON.stringify(record), 'x.jsonl', { reasons: ['price', 'budget_freeze'] }).problems).toEqual([]);
  });

  it('an empty file or garbage never throws', () => {
    expect(readCases('', 'x')).toEqual({ cases: [], problems: [], drillResults: 0 });
    const garbage = readCases('\u0000\u0001binary\n{{{{\nnull\n"text"\n', 'x');
    expect(garbage.cases).toEqual([]);
    expect(garbage.problems.map((problem) => problem.line)).toEqual([1, 2, 3, 4]);
  });

  it('a file with drill results among the cases: the drill lines are counted apart, never read as bad cases', () => {
    const [a, b] = [makeCase(), makeCase({ outcome: 'lost', lossReason: 'price' })];
    const drill: DrillResult = {
      kind: 'drill', version: 1, id: '00000000-0000-4000-8000-000000000001', drill: 'careful-parent', title: 'The careful parent', salesperson: 'Li',
      started: '2026-11-02T10:00:00.000Z', finished: '2026-11-02T10:05:00.000Z', total: 70,
      turns: [{ customer: 'Too expensive.', reply: 'Let me show you what it pays for.', intent: 'price', step: 'consider', score: 70 }],
    };
    // A drill line the drill reader rejects is still not a case: its problem is the drill reader's to name.
    const text = [JSON.stringify(a), JSON.stringify(drill), JSON.stringify(b), JSON.stringify({ ...drill, total: 300 }), '{"kind": "case"}'].join('\n');
    const read = readCases(text, 'mixed.jsonl');
    expect(read.cases).toEqual([a, b]);
    expect(read.drillResults).toBe(2);
    expect(read.problems.map(formatCaseProblem)).toEqual([expect.stringMatching(/^mixed\.jsonl:5: error not a valid case: /)]);
    expect(readDrillResults(text).results).toEqual([drill]);
  });
});
