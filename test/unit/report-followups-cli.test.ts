// closer report: the tag and source tables, and with --bundle the follow-ups per salesperson under the plan.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundle, parsePlaybook, writeCases, type Case } from '@closer/shared';
import { runCli } from '@closer/shared/node';
import { makeCase } from './cases-fixtures.ts';
import { PLAN_PLAYBOOK } from './followups-fixture.ts';

async function closer(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text), lines: async function* () {}, cwd };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

// The plan's playbook with a source category, so a case tagged referral_friend has that source.
const SOURCES = `id: sources
title: 来源
customerTags:
  - id: source
    label: 客户来源
  - id: source_referral
    parent: source
    label: 转介绍
  - id: referral_friend
    parent: source_referral
    label: 朋友介绍
`;

// Far in the past, so every follow-up of the plan for these sales is long overdue whatever today is.
const closed = (day: string): Partial<Case> => ({ closedAt: `2020-01-${day}T02:00:00.000Z`, createdAt: `2020-01-${day}T01:00:00.000Z`, updatedAt: `2020-01-${day}T02:00:00.000Z` });
const cases = [
  makeCase({ salesperson: 'alice', customer: '王姐', outcome: 'won', tags: ['referral_friend'], ...closed('01'), followups: [{ rule: 'care_day1', due: '2020-01-02T02:00:00.000Z', state: 'done', at: '2020-01-02T03:00:00.000Z' }] }),
  makeCase({ salesperson: 'alice', customer: '王姐', outcome: 'won', ...closed('10') }),
  makeCase({ salesperson: 'bo', customer: 'Mr Lee', outcome: 'won', tags: ['budget_low'], ...closed('05'), followups: [{ rule: 'care_day1', due: '2020-01-06T02:00:00.000Z', state: 'skipped', at: '2020-01-06T03:00:00.000Z' }] }),
  makeCase({ salesperson: 'bo', customer: 'Ms Wu', outcome: 'lost', lossReason: 'price', tags: ['budget_low'], ...closed('07') }),
];

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'closer-report-followups-'));
  const bundle = buildBundle([parsePlaybook(PLAN_PLAYBOOK, 'plan.playbook.yaml'), parsePlaybook(SOURCES, 'sources.playbook.yaml')]);
  writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify(bundle));
  writeFileSync(path.join(dir, 'cases.jsonl'), writeCases(cases));
  return dir;
}

describe('closer report: tags, sources and follow-ups', () => {
  it('prints win rate and repurchase by tag and by source, without a bundle too', async () => {
    const dir = workspace();
    const result = await closer(['report', 'cases.jsonl'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Win rate and repurchase by customer tag\n\s+tag\s+cases\s+won\s+rate\s+buyers\s+again\s+repurchase\n\s+budget_low\s+2\s+1\s+50\.0%\s+1\s+0\s+0\.0%\n\s+referral_friend\s+1\s+1\s+100\.0%\s+1\s+1\s+100\.0%/);
    // Without the tree, the report cannot tell a source tag: every case is under none.
    expect(result.stdout).toMatch(/Win rate and repurchase by source\n.*\n\s+none\s+4\s+3\s+75\.0%\s+2\s+1\s+50\.0%/);
    expect(result.stdout).not.toMatch(/Follow-ups per salesperson/);
  });

  it('with --bundle: the source from the tree, and done, overdue, skipped and declined per salesperson', async () => {
    const dir = workspace();
    const result = await closer(['report', '--bundle', 'bundle.json', '--tz', 'Asia/Shanghai', 'cases.jsonl'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/by source\n.*\n\s+none\s+3\s+2\s+66\.7%\s+1\s+0\s+0\.0%\n\s+referral_friend\s+1\s+1\s+100\.0%\s+1\s+1\s+100\.0%/);
    // alice: care_day1 done for the first sale; story_day3 of both and care_day1 of the second overdue (the idle rule too, once for 王姐).
    // bo: care_day1 skipped for Lee; his story_day3, Wu's timing rule does not apply (lost on price), Lee's and Wu's idle rules overdue.
    expect(result.stdout).toMatch(/Follow-ups per salesperson, to the end of \d{4}-\d{2}-\d{2} \(Asia\/Shanghai\)\n\s+salesperson\s+done\s+overdue\s+skipped\s+declined\n\s+alice\s+1\s+4\s+0\s+0\n\s+bo\s+0\s+3\s+1\s+0\n/);
    const json = await closer(['report', '--json', '--bundle', 'bundle.json', '--tz', 'Asia/Shanghai', 'cases.jsonl'], dir);
    const figures = JSON.parse(json.stdout);
    expect(figures.followups).toEqual([
      { salesperson: 'alice', done: 1, overdue: 4, skipped: 0, declined: 0 },
      { salesperson: 'bo', done: 0, overdue: 3, skipped: 1, declined: 0 },
    ]);
    expect(figures.bySource.map((row: { source: string }) => row.source)).toEqual(['none', 'referral_friend']);
  });

  it('with --bundle: a tag the tree no longer has is named on stderr with its cases, and listed in --json', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'closer-report-tags-'));
    const bundle = path.join(dir, 'bundle.json');
    writeFileSync(bundle, JSON.stringify(buildBundle([parsePlaybook(PLAN_PLAYBOOK, 'plan.playbook.yaml'), parsePlaybook(SOURCES, 'sources.playbook.yaml')])));
    const renamed = [...cases, makeCase({ customer: 'Ms Chen', outcome: 'won', tags: ['old_vip'], ...closed('12') }), makeCase({ customer: 'Mr Ho', outcome: 'open', tags: ['old_vip', 'budget_low'] })];
    writeFileSync(path.join(dir, 'cases.jsonl'), writeCases(renamed));
    const text = await closer(['report', '--bundle', bundle, 'cases.jsonl'], dir);
    expect(text.stderr).toContain('tag "old_vip" (2 case(s)) is not in the tag tree of the playbooks');
    // Tags of the tree are not named; the report still counts the unknown one.
    expect(text.stderr).not.toContain('"budget_low"');
    expect(text.stdout).toContain('old_vip');
    const json = await closer(['report', '--json', '--bundle', bundle, 'cases.jsonl'], dir);
    expect(JSON.parse(json.stdout).unknownTags).toEqual([{ tag: 'old_vip', cases: 2 }]);
    expect(json.code).toBe(0);
  });

  it('a bad zone is a usage error; a bundle that cannot be read is exit 1 with its reason', async () => {
    const dir = workspace();
    const zone = await closer(['report', '--bundle', 'bundle.json', '--tz', 'Nowhere/Else', 'cases.jsonl'], dir);
    expect(zone.code).toBe(2);
    expect(zone.stderr).toMatch(/--tz "Nowhere\/Else" is not a time zone/);
    writeFileSync(path.join(dir, 'broken.json'), 'not json');
    const broken = await closer(['report', '--bundle', 'broken.json', 'cases.jsonl'], dir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^closer report: broken\.json: /);
  });
});
