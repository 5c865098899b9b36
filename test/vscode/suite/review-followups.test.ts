import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { CASE_VERSION, followupFigures, type Case } from '@closer/shared';
import { draftBundle } from '../../../extension-vscode/src/engine.ts';
import type { DashboardModel } from '../../../extension-vscode/src/review/dashboard-model.ts';
import { api, fileUri, waitFor, writeFile } from './helpers.ts';

// Issue 18 in the case review: win rate and repurchase by tag and by source, and the follow-ups
// per salesperson under the workspace playbooks' revisit plan.
const FOLDER = 'review-followups';

const PLAN = `id: review-plan
title: Review plan
replies:
  - id: rf_reply_care
    label: Care
    text: How is it going after the first day?
customerTags:
  - id: source
    label: Source
  - id: rf_source_referral
    parent: source
    label: Referral
  - id: rf_friend
    parent: rf_source_referral
    label: A friend's referral
  - id: rf_budget
    label: Budget
  - id: rf_budget_group
    parent: rf_budget
    label: Means
  - id: rf_careful
    parent: rf_budget_group
    label: Spends carefully
followups:
  rules:
    - id: rf_care_day1
      label: Ask how it feels, the day after the sale
      when: won
      after: { days: 1 }
      send: rf_reply_care
`;

function makeCase(n: number, fields: Partial<Case>): Case {
  return {
    version: CASE_VERSION, id: `00000000-0000-4000-8000-${String(900 + n).padStart(12, '0')}`, conversation: `chat-${n}`, salesperson: 'alice',
    customer: `customer-${n}`, outcome: 'won', notes: '', tags: [], followups: [], timeline: [],
    // Long ago, so each follow-up not handled is overdue whatever today is.
    createdAt: `2020-01-0${n}T01:00:00.000Z`, updatedAt: `2020-01-0${n}T02:00:00.000Z`, closedAt: `2020-01-0${n}T02:00:00.000Z`, ...fields,
  };
}
const handled = (n: number, state: 'done' | 'skipped' | 'declined') => [{ rule: 'rf_care_day1', due: `2020-01-0${n + 1}T02:00:00.000Z`, state, at: `2020-01-0${n + 1}T03:00:00.000Z` }];
const cases = [
  makeCase(1, { customer: '王姐', tags: ['rf_friend'], lifecycle: 'growth', followups: handled(1, 'done') }),
  makeCase(2, { customer: '王姐', tags: ['rf_careful'] }),
  makeCase(3, { salesperson: 'bo', customer: 'Mr Lee', tags: ['rf_careful'], followups: handled(3, 'skipped') }),
  makeCase(4, { salesperson: 'bo', customer: 'Ms Wu', outcome: 'lost', lossReason: 'price', tags: ['rf_careful'] }),
];

describe('case review: tags, sources and follow-ups', () => {
  before(async () => {
    await writeFile(`${FOLDER}/plan.playbook.yaml`, PLAN);
    await writeFile(`${FOLDER}/cases.jsonl`, cases.map((record) => JSON.stringify(record)).join('\n') + '\n');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(fileUri(FOLDER), { recursive: true });
  });

  it('shows win rate and repurchase by tag and by source, and follow-ups done, overdue and skipped per salesperson', async () => {
    // The plan playbook is parsed by the workspace watcher: wait until the workspace has it.
    const { workspace } = await api();
    await waitFor('the workspace to parse the plan', () => workspace.parsed().some((file) => file.playbook?.id === 'review-plan'), 20_000);
    const model = await vscode.commands.executeCommand<DashboardModel>('closer.reviewCases', [fileUri(`${FOLDER}/cases.jsonl`)]);
    assert.deepStrictEqual(model.report.byTag.map((row) => [row.tag, row.cases, row.wins, row.repurchase.cases, row.repurchase.wins]), [
      ['rf_careful', 3, 2, 2, 1], // 王姐 (bought twice, one case tagged), Lee (once), Wu (lost)
      ['rf_friend', 1, 1, 1, 1],
    ]);
    // The tree's source category: 王姐's first case has its source from its tag.
    assert.deepStrictEqual(model.report.bySource.map((row) => [row.source, row.cases]), [['none', 3], ['rf_friend', 1]]);
    // The workspace's plan is every playbook's rules (the invalid fixtures' too): the figures are the core's over it.
    const rows = model.followups!.rows;
    assert.deepStrictEqual(rows, followupFigures(cases, draftBundle(workspace.parsed()), new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone));
    // What was recorded: alice did the day-one care of her first sale, bo skipped Lee's; alice's second sale's care is overdue.
    assert.deepStrictEqual(rows.map((row) => [row.salesperson, row.done, row.skipped, row.declined]), [['alice', 1, 0, 0], ['bo', 0, 1, 0]]);
    assert.ok(rows[0]!.overdue >= 1, `alice has overdue follow-ups: ${JSON.stringify(rows[0])}`);
    assert.match(model.followups!.on, /^\d{4}-\d{2}-\d{2}$/);
    const first = model.cases.find((row) => row.customer === '王姐' && row.tags.includes('rf_friend'));
    assert.deepStrictEqual([first?.tags, first?.lifecycle], [['rf_friend'], 'growth']);
  });

  it('the salesperson filter applies to the follow-up figures too', async () => {
    const filtered = await vscode.commands.executeCommand<DashboardModel>('closer.reviewCases', { filter: { salesperson: 'bo' } });
    assert.deepStrictEqual(filtered.followups!.rows.map((row) => [row.salesperson, row.done, row.skipped]), [['bo', 0, 1]]);
    await vscode.commands.executeCommand<DashboardModel>('closer.reviewCases', { filter: {} });
  });
});
