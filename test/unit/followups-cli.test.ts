// closer followups: what is due on a day over case files, as JSON and as a table; bad input named.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCases } from '@closer/shared';
import { runCli } from '@closer/shared/node';
import { makeCase } from './cases-fixtures.ts';
import { planBundle } from './followups-fixture.ts';

async function closer(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text), lines: async function* () {}, cwd };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

const sale = makeCase({ customer: '王姐', outcome: 'won', closedAt: '2026-11-02T01:00:00.000Z', updatedAt: '2026-11-02T01:00:00.000Z' });
const visit = makeCase({ customer: 'ACME', salesperson: 'bo', timeline: [{ type: 'meeting', at: '2026-11-01T02:00:00.000Z' }] });

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'closer-followups-'));
  writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify(planBundle()));
  mkdirSync(path.join(dir, 'team'));
  writeFileSync(path.join(dir, 'team/alice.jsonl'), writeCases([sale]));
  writeFileSync(path.join(dir, 'team/bo.jsonl'), writeCases([visit]).replace('\n', '\n{"id": oops\n'));
  return dir;
}

describe('closer followups', () => {
  it('--json lists what is due on the day in the zone, with the contract\'s fields, and names a corrupt line', async () => {
    const dir = workspace();
    const result = await closer(['followups', '--json', '--on', '2026-11-03', '--tz', 'Asia/Shanghai', '--bundle', 'bundle.json', 'team'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.join('team', 'bo.jsonl')}:2: error not valid JSON`);
    expect(result.stderr).toContain('2 file(s), 2 case(s), 1 bad line(s) or file(s); 2 follow-up(s) due on 2026-11-03 (Asia/Shanghai)');
    expect(JSON.parse(result.stdout)).toEqual([
      { case: sale.id, customer: '王姐', rule: 'care_day1', due: '2026-11-03T01:00:00.000Z', reason: '成交后第一天问感受 — 2026-11-02 成交', reply: 'reply_care', text: '您好，用了一天感觉怎么样？' },
      { case: visit.id, customer: 'ACME', rule: 'visit_feedback', due: '2026-11-03T02:00:00.000Z', reason: '拜访后两天内反馈进展 — 2026-11-01 拜访', reply: 'reply_visit', text: '感谢昨天的时间，这是我们整理的方案要点。' },
    ]);
  });

  it('prints a readable list without --json, in English with --lang en, the times on the zone\'s clock', async () => {
    const dir = workspace();
    const result = await closer(['followups', '--on', '2026-11-02', '--tz', 'America/New_York', '--lang', 'en', '--bundle', 'bundle.json', 'team/alice.jsonl'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe([
      '2026-11-02 20:00  due  王姐  alice  care_day1  reply_care',
      '    Ask how it feels, the day after the sale — won on 2026-11-01',
      '    您好，用了一天感觉怎么样？',
      `    case ${sale.id}`,
      '',
    ].join('\n'));
    const none = await closer(['followups', '--on', '2026-11-01', '--tz', 'America/New_York', '--bundle', 'bundle.json', 'team/alice.jsonl'], dir);
    expect(none.stdout).toBe('nothing due\n');
  });

  it('an unreadable or missing file is named and the other files are still read', async () => {
    const dir = workspace();
    const locked = path.join(dir, 'team/locked.jsonl');
    writeFileSync(locked, writeCases([visit]));
    chmodSync(locked, 0o000);
    const result = await closer(['followups', '--json', '--on', '2026-11-03', '--tz', 'Asia/Shanghai', '--bundle', 'bundle.json', 'team/alice.jsonl', 'team/locked.jsonl', 'team/missing.jsonl'], dir);
    chmodSync(locked, 0o600);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.join('team', 'missing.jsonl')}:1: error cannot be read: no such file or folder (ENOENT); skipped`);
    // Root reads any file: the permission check is meaningful only for other users.
    if (process.getuid?.() !== 0) expect(result.stderr).toContain(`${path.join('team', 'locked.jsonl')}:1: error cannot be read: permission denied (EACCES); skipped`);
    expect(JSON.parse(result.stdout).map((item: { rule: string }) => item.rule)).toContain('care_day1');
  });

  it('a bad date, an unknown time zone, a bad language and no files are usage errors (exit 2) that say what to write', async () => {
    const dir = workspace();
    const cases: [string[], RegExp][] = [
      [['--on', '2026-02-30'], /--on "2026-02-30" is not a date; write it as YYYY-MM-DD/],
      [['--on', 'tomorrow'], /--on "tomorrow" is not a date/],
      [['--tz', 'Mars/Olympus'], /--tz "Mars\/Olympus" is not a time zone; write an IANA name such as Asia\/Shanghai/],
      [['--lang', 'fr'], /--lang must be one of zh-CN, en, not "fr"/],
    ];
    for (const [options, message] of cases) {
      const result = await closer(['followups', ...options, '--bundle', 'bundle.json', 'team'], dir);
      expect(result.code, options.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    const noFiles = await closer(['followups', '--bundle', 'bundle.json'], dir);
    expect(noFiles.code).toBe(2);
    expect(noFiles.stderr).toMatch(/give one or more case files/);
  });

  it('a file with a BOM and Chinese lines is read line by line like any other; a file that is not UTF-8 is named and skipped', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'team/bom.jsonl'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(writeCases([visit]))]));
    writeFileSync(path.join(dir, 'team/latin1.jsonl'), Buffer.from(writeCases([sale]).replace('王姐', 'Andr\u00e9'), 'latin1'));
    const result = await closer(['followups', '--json', '--on', '2026-11-03', '--tz', 'Asia/Shanghai', '--bundle', 'bundle.json', 'team/alice.jsonl', 'team/bom.jsonl', 'team/latin1.jsonl'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.join('team', 'latin1.jsonl')}:1: error the file is not UTF-8 text`);
    expect(result.stderr).toContain('3 file(s), 2 case(s), 1 bad line(s) or file(s); 2 follow-up(s) due on 2026-11-03 (Asia/Shanghai)');
    expect(JSON.parse(result.stdout).map((item: { customer: string }) => item.customer)).toEqual(['王姐', 'ACME']);
  });

  it('a bundle that cannot be read is exit 1 with its reason', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'broken.json'), '{"format": "closer-bundle"');
    const result = await closer(['followups', '--bundle', 'broken.json', 'team'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^closer followups: broken\.json: /);
  });

  it('without --bundle, the default playbooks\' plan applies', async () => {
    const dir = workspace();
    const result = await closer(['followups', '--json', '--on', '2026-11-03', '--tz', 'Asia/Shanghai', 'team/alice.jsonl'], dir);
    expect(result.code).toBe(0);
    const due = JSON.parse(result.stdout) as { rule: string; text: string }[];
    expect(due.length).toBeGreaterThan(0);
    for (const item of due) expect(item.text).not.toBe('');
  });

  it('--help says what the command does and its options', async () => {
    const result = await closer(['followups', '--help'], process.cwd());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/closer followups \[--json\] \[--on DATE\] \[--tz ZONE\]/);
    const help = await closer(['--help'], process.cwd());
    expect(help.stdout).toMatch(/followups\s+list the follow-ups of the revisit plan/);
  });
});

describe('closer followups --tz in its own process', () => {
  // The binary reads the zone from the machine's Date (shared/node/machine-zone.ts); runCli from Intl.
  it('lists the same follow-ups as in-process, across New York leaving daylight saving', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'closer-machine-zone-'));
    writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify(planBundle()));
    // Sales closed around New York's change back on 2026-11-01, so a day's count crosses it.
    const cases = ['2026-10-31T03:30:00.000Z', '2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z', '2026-11-02T04:59:00.000Z']
      .map((closedAt, index) => makeCase({ customer: `customer ${index}`, outcome: 'won', closedAt, updatedAt: closedAt }));
    writeFileSync(path.join(dir, 'cases.jsonl'), writeCases(cases));
    for (const on of ['2026-11-01', '2026-11-02', '2026-11-03']) {
      const args = ['followups', '--json', '--on', on, '--tz', 'America/New_York', '--bundle', 'bundle.json', 'cases.jsonl'];
      let inProcess = '';
      await runCli(args, { stdout: (text) => void (inProcess += text), stderr: () => {}, lines: async function* () {}, cwd: dir });
      const binary = spawnSync(path.resolve('node_modules/.bin/closer'), args, { cwd: dir, encoding: 'utf8', timeout: 30_000 });
      expect(binary.status, binary.stderr).toBe(0);
      expect(JSON.parse(binary.stdout)).toEqual(JSON.parse(inProcess));
      expect(JSON.parse(inProcess).length, on).toBeGreaterThan(0);
    }
  });
});
