import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle, suggestReplies, writeCases } from '@closer/shared';
import { runCli } from '@closer/shared/node';
import { at, inserted, makeCase, message, step } from './cases-fixtures.ts';

// The first test runs the real `closer` binary, as a user would through `npx closer`; the
// others run the same CLI in-process, which is quicker on a busy machine.
const bin = path.resolve('node_modules/.bin/closer');
function closerBinary(args: string[], cwd: string) {
  const result = spawnSync(bin, args, { cwd, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
async function closer(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text), lines: async function* () {}, cwd };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

const alice = [
  makeCase({ salesperson: 'alice', outcome: 'won', amount: 800, closedAt: at(120), updatedAt: at(120), timeline: [message(1, 'price'), step(1, 'consider'), inserted(2, 'shop-price-value')] }),
  makeCase({ salesperson: 'alice', outcome: 'lost', lossReason: 'rival', closedAt: at(60), updatedAt: at(60), timeline: [message(1, 'comparison'), inserted(2, 'shop-hello')] }),
];
const bo = [
  makeCase({ salesperson: 'bo', outcome: 'won', amount: 200, closedAt: at(30), updatedAt: at(30), timeline: [message(1, 'price'), inserted(2, 'shop-price-value')] }),
  { ...alice[1]!, notes: 'older copy', updatedAt: at(10) },
];

function team(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'closer-cases-'));
  mkdirSync(path.join(dir, 'team'));
  writeFileSync(path.join(dir, 'team/alice.jsonl'), writeCases(alice));
  writeFileSync(path.join(dir, 'team/bo.jsonl'), writeCases(bo).replace('\n', '\n{"id": oops\n'));
  return dir;
}

describe('closer report', () => {
  it('prints the figures as text tables, merging the files, and names a corrupt line', () => {
    const dir = team();
    const result = closerBinary(['report', 'team'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.join('team', 'bo.jsonl')}:2: error not valid JSON`);
    expect(result.stderr).toContain('2 file(s), 3 case(s), 1 bad line(s)');
    expect(result.stdout).toContain('3 case(s) created 2026-11-01 to 2026-11-01: 2 won, 1 lost, 0 open');
    expect(result.stdout).toMatch(/Win rate by intent met\n\s+intent\s+cases\s+won\s+rate\s+95% interval\n\s+price\s+2\s+2\s+100\.0%\s+34\.2%–100\.0%/);
    expect(result.stdout).toMatch(/shop-price-value\s+2\s+2\s+100\.0%/);
    expect(result.stdout).toMatch(/Top loss reasons\n.*\n\s+rival\s+1\s+100\.0%/);
    expect(result.stdout).toMatch(/won\s+2\s+1\.3 h/);
  });

  it('--json prints one object with every table and the problems', async () => {
    const dir = team();
    const result = await closer(['report', '--json', 'team/alice.jsonl', 'team/bo.jsonl'], dir);
    expect(result.code).toBe(1);
    const figures = JSON.parse(result.stdout);
    expect(figures.totals).toMatchObject({ cases: 3, won: 2, lost: 1, amountWon: 1000 });
    expect(figures.byReply).toEqual([
      expect.objectContaining({ reply: 'shop-price-value', cases: 2, wins: 2 }),
      expect.objectContaining({ reply: 'shop-hello', cases: 1, wins: 0 }),
    ]);
    expect(figures.byStep.map((row: { step: string }) => row.step)).toEqual(['none', 'consider']);
    expect(figures.lossReasons).toEqual([{ reason: 'rival', cases: 1, share: 1 }]);
    expect(figures.problems).toEqual([expect.objectContaining({ file: path.join('team', 'bo.jsonl'), line: 2, severity: 'error' })]);
  });

  it('filters by salesperson; clean files exit 0', async () => {
    const dir = team();
    const result = await closer(['report', '--json', '--salesperson', 'alice', 'team/alice.jsonl'], dir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).totals).toMatchObject({ cases: 2, won: 1, lost: 1 });
  });

  it('a case file with drill results counts the cases only and does not flag the drill lines', async () => {
    const dir = team();
    const drill = {
      kind: 'drill', version: 1, id: '00000000-0000-4000-8000-000000000002', drill: 'careful-parent', title: 'The careful parent', salesperson: 'alice',
      started: '2026-11-02T10:00:00.000Z', finished: '2026-11-02T10:05:00.000Z', total: 55,
      turns: [{ customer: 'Too expensive.', reply: 'It is cheap.', intent: 'price', step: 'consider', score: 55 }],
    };
    const drills = [drill, { ...drill, id: '00000000-0000-4000-8000-000000000003' }].map((line) => JSON.stringify(line) + '\n').join('');
    writeFileSync(path.join(dir, 'team/alice.jsonl'), writeCases(alice) + drills);
    // Both ways of reading: counted as the file is read, and loaded whole for a filter.
    for (const filter of [[], ['--salesperson', 'alice']]) {
      const result = await closer(['report', '--json', ...filter, 'team/alice.jsonl'], dir);
      expect(result.code).toBe(0);
      const figures = JSON.parse(result.stdout);
      expect(figures.totals).toMatchObject({ cases: 2, won: 1, lost: 1 });
      expect(figures.problems).toEqual([]);
      expect(figures.drillResults).toBe(2);
      expect(result.stderr).toBe('1 file(s), 2 case(s)' + (filter.length ? ', 2 after filters' : '') + ', 0 bad line(s), 2 drill result(s) skipped\n');
    }
  });

  it('usage errors exit 2 with a message', async () => {
    const dir = team();
    expect(await closer(['report'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('give one or more case files') });
    expect(await closer(['report', '--intent', 'angry', 'team'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('"angry" is not an intent') });
    expect(await closer(['report', 'no-such.jsonl'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read') });
  });

  it('reads a file with a byte-order mark, Windows line ends and Chinese text, and counts its lines right', async () => {
    const dir = team();
    const chinese = { ...alice[0]!, notes: '王姐开了两家奶茶店' };
    const text = '\uFEFF' + JSON.stringify(chinese) + '\r\n\r\n' + JSON.stringify(bo[0]) + '\r\nnot json\r\n';
    writeFileSync(path.join(dir, 'windows.jsonl'), text);
    const result = await closer(['report', '--json', 'windows.jsonl'], dir);
    expect(result.stderr).toContain('windows.jsonl:4: error not valid JSON');
    expect(JSON.parse(result.stdout).totals).toMatchObject({ cases: 2, won: 2 });
  });

  it('a file that is not UTF-8 is reported, not read as garbage', async () => {
    const dir = team();
    writeFileSync(path.join(dir, 'team/latin1.jsonl'), Buffer.from([0x7b, 0xe9, 0xff, 0x7d, 0x0a]));
    const result = await closer(['report', 'team'], dir);
    expect(result.stderr).toContain(`${path.join('team', 'latin1.jsonl')}:1: error the file is not UTF-8 text`);
    expect(result.stdout).toContain('3 case(s)');
  });
});

describe('closer build --cases', () => {
  it('writes per-reply wins and uses into the bundle', async () => {
    const dir = team();
    const out = path.join(dir, 'bundle.json');
    const playbooks = path.resolve('test/fixtures/playbooks/valid');
    const result = await closer(['build', playbooks, '--cases', 'team/alice.jsonl', 'team/bo.jsonl', '-o', out], dir);
    expect(result.stderr).toContain('bo.jsonl:2: error not valid JSON');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('with the outcomes of 3 case(s) for 2 replies');
    const bundle = loadBundle(readFileSync(out, 'utf8'));
    expect(bundle.stats).toEqual({ 'shop-hello': { uses: 1, wins: 0 }, 'shop-price-value': { uses: 2, wins: 2 } });
    // The engine reads them: the reply says how it fared.
    const reply = suggestReplies('太贵了', {}, bundle).replies.find((entry) => entry.id === 'shop-price-value');
    expect(reply?.why).toContain('赢单 2/2');
    const english = suggestReplies('this is too expensive', {}, bundle, { language: 'en' }).replies.find((entry) => entry.id === 'shop-price-value');
    expect(english?.why).toContain('won 2 of 2');
  });

  it('takes a folder, and --cases=FILE; without --cases the bundle has no stats', async () => {
    const dir = team();
    const playbooks = path.resolve('test/fixtures/playbooks/valid');
    expect((await closer(['build', '--cases', 'team', playbooks, '-o', 'a.json'], dir)).code).toBe(1);
    expect(loadBundle(readFileSync(path.join(dir, 'a.json'), 'utf8')).stats).toBeDefined();
    expect((await closer(['build', playbooks, '--cases=team/alice.jsonl', '-o', 'b.json'], dir)).code).toBe(0);
    expect(loadBundle(readFileSync(path.join(dir, 'b.json'), 'utf8')).stats).toEqual({ 'shop-hello': { uses: 1, wins: 0 }, 'shop-price-value': { uses: 1, wins: 1 } });
    expect((await closer(['build', playbooks, '-o', 'c.json'], dir)).code).toBe(0);
    expect(loadBundle(readFileSync(path.join(dir, 'c.json'), 'utf8')).stats).toBeUndefined();
  });
});
