// "Review cases" from the team's CouchDB database, in the real extension host: the database is a
// real CouchDB-protocol server that extension-host.test.ts starts (test/vscode/team-server.ts),
// filled by two salespeople's replicated cases. The dashboard must show the same figures as the
// core over the same cases exported as JSON Lines, with the password taken from VS Code's secret
// storage, never from settings.
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { caseReport, readCases } from '@closer/shared';
import type { DashboardModel } from '../../../extension-vscode/src/review/dashboard-model.ts';

const url = process.env.CLOSER_TEST_TEAM_URL ?? '';
const user = process.env.CLOSER_TEST_TEAM_USER ?? '';
const password = process.env.CLOSER_TEST_TEAM_PASSWORD ?? '';

describe('case review from the team database', () => {
  const settings = () => vscode.workspace.getConfiguration('closer.team');

  before(async () => {
    assert.ok(url, 'extension-host.test.ts starts a CouchDB-protocol server and sets CLOSER_TEST_TEAM_URL');
    await settings().update('url', url, vscode.ConfigurationTarget.Workspace);
    await settings().update('user', user, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await vscode.commands.executeCommand('closer.setTeamPassword', '');
    await settings().update('url', undefined, vscode.ConfigurationTarget.Workspace);
    await settings().update('user', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('without a password, and with a wrong one, says so in plain words', async () => {
    await vscode.commands.executeCommand('closer.setTeamPassword', '');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('closer.reviewTeamCases')), /wants a user name and password \(401\)/);
    await vscode.commands.executeCommand('closer.setTeamPassword', 'not-the-password');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('closer.reviewTeamCases')), new RegExp(`refused the user name or password of "${user}" \\(401\\)`));
  });

  it('shows the same figures as for the exported files, names the bad document, and keeps the password out of settings', async () => {
    await vscode.commands.executeCommand('closer.setTeamPassword', password);
    const model = await vscode.commands.executeCommand<DashboardModel>('closer.reviewTeamCases');
    const exported = readCases(readFileSync(process.env.CLOSER_TEST_TEAM_CASES!, 'utf8'), 'exported.jsonl').cases;
    assert.strictEqual(model.source, url);
    assert.strictEqual(model.total, 4);
    assert.deepStrictEqual(model.report, caseReport(exported));
    assert.deepStrictEqual(model.report.lossReasons, [{ reason: 'rival', cases: 1, share: 1 }]);
    assert.deepStrictEqual(model.facets.salespeople, ['alice', 'bo']);
    assert.strictEqual(model.problems.length, 1);
    assert.match(model.problems[0]!, /^closer-team\/not-a-case: error not a valid case .*the document is skipped$/);
    const stored = JSON.stringify(vscode.workspace.getConfiguration('closer').inspect('team'));
    assert.ok(!stored.includes(password), 'the password is not in the settings');
  });

  it('filters the team database as it filters files', async () => {
    await vscode.commands.executeCommand('closer.setTeamPassword', password);
    await vscode.commands.executeCommand('closer.reviewTeamCases');
    const model = await vscode.commands.executeCommand<DashboardModel>('closer.reviewCases', { filter: { salesperson: 'bo' } });
    assert.strictEqual(model.source, url);
    assert.strictEqual(model.shown, 2);
    assert.deepStrictEqual(model.report.totals.won, 1);
  });
});
