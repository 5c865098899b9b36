import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseReport } from '@closer/shared';
import { runCli } from '@closer/shared/node';
import { at, makeCase } from './cases-fixtures.ts';

const good = (minutes: number) => makeCase({ outcome: 'won', amount: 100, createdAt: at(0), updatedAt: at(minutes), closedAt: at(minutes) });
const backwards = makeCase({ outcome: 'lost', lossReason: 'price', createdAt: at(600), updatedAt: at(600), closedAt: at(60) });
const epoch = makeCase({ outcome: 'won', amount: 100, createdAt: '1970-01-01T00:00:00.000Z', updatedAt: '9999-12-31T00:00:00.000Z', closedAt: '9999-12-31T00:00:00.000Z' });

describe('cases with times they cannot have', () => {
  it('are left out of the time to close, and counted', () => {
    const report = caseReport([good(60), good(120), backwards, epoch]);
    expect(report.timeToClose.won).toMatchObject({ cases: 2, mean: 90 * 60_000 });
    expect(report.timeToClose.lost).toBeNull();
    expect(report.timeToClose.leftOut).toBe(2);
    // Still counted as cases, wins and losses.
    expect(report.totals).toMatchObject({ cases: 4, won: 3, lost: 1 });
  });

  it('closer report names each by line as suspect and says how many were left out', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'closer-suspect-'));
    writeFileSync(path.join(dir, 'cases.jsonl'), [good(60), backwards, epoch].map((record) => JSON.stringify(record)).join('\n') + '\n');
    let stdout = '';
    let stderr = '';
    const code = await runCli(['report', 'cases.jsonl'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), lines: async function* () {}, cwd: dir });
    expect(code).toBe(0);
    expect(stderr).toMatch(/cases\.jsonl:2: warning case "[^"]+" looks wrong: it closes \(.+\) before it starts \(.+\); it is counted, but left out of the time to close/);
    expect(stderr).toMatch(/cases\.jsonl:3: warning case "[^"]+" looks wrong: it was created 1970-01-01, a date outside 2000–2099/);
    expect(stdout).toContain('2 closed case(s) left out: their dates are out of order or out of range');
    expect(stdout).not.toMatch(/\d{4,}\.\d d/);
  });
});
