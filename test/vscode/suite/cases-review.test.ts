import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { CASE_VERSION, caseReport, drillProgress, parsePlaybook, readCases, type Case, type CaseEvent, type DrillResult } from '@closer/shared';
import type { DashboardModel } from '../../../extension-vscode/src/review/dashboard-model.ts';
import type { PromotedStory } from '../../../extension-vscode/src/review/promote-story.ts';
import { closerDiagnostics, fileUri, waitFor, writeFile } from './helpers.ts';

const FOLDER = 'cases-review';

function makeCase(n: number, fields: Partial<Case>): Case {
  return {
    version: CASE_VERSION,
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    conversation: `chat-${n}`,
    salesperson: 'alice',
    customer: `customer-0000000${n}`,
    outcome: 'open',
    notes: '',
    tags: [],
    followups: [],
    timeline: [],
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...fields,
  };
}
const event = {
  message: (intent: 'price' | 'doubt' | 'comparison'): CaseEvent => ({ type: 'message', at: '2026-11-01T09:05:00.000Z', intent }),
  inserted: (reply: string): CaseEvent => ({ type: 'inserted', at: '2026-11-01T09:06:00.000Z', reply }),
};
const alice = [
  makeCase(1, { outcome: 'won', amount: 680, product: 'tea', notes: '开茶馆的老板\n问题：老顾客嫌茶叶不新鲜', closedAt: '2026-11-01T10:00:00.000Z', timeline: [event.message('price'), event.inserted('tea-value')] }),
  makeCase(2, { outcome: 'lost', lossReason: 'rival', product: 'tea', closedAt: '2026-11-01T10:00:00.000Z', timeline: [event.message('comparison')] }),
];
const bo = [
  makeCase(3, { salesperson: 'bo', outcome: 'won', amount: 120, product: 'cups', createdAt: '2026-11-03T09:00:00.000Z', updatedAt: '2026-11-03T12:00:00.000Z', closedAt: '2026-11-03T12:00:00.000Z', timeline: [event.message('doubt'), event.inserted('tea-proof')] }),
  makeCase(4, { salesperson: 'bo', outcome: 'open', createdAt: '2026-11-04T09:00:00.000Z', updatedAt: '2026-11-04T09:00:00.000Z' }),
];
const lines = (cases: Case[]) => cases.map((record) => JSON.stringify(record)).join('\n') + '\n';
function drillRun(n: number, salesperson: string, finished: string, turns: [DrillResult['turns'][number]['intent'], number][]): DrillResult {
  const total = Math.round(turns.reduce((sum, [, score]) => sum + score, 0) / turns.length);
  return {
    kind: 'drill', version: 1, id: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`, drill: 'careful-parent', title: 'The careful parent',
    salesperson, started: finished, finished, total,
    turns: turns.map(([intent, score]) => ({ customer: '<b>太贵了</b>', reply: 'r', intent, step: 'consider', score })),
  };
}
// Exported by the browser after the cases in the same file; the newer run comes first on purpose.
const drills = [
  drillRun(2, 'li', '2026-11-05T10:00:00.000Z', [['price', 80], ['doubt', 70]]),
  drillRun(1, 'li', '2026-11-01T10:00:00.000Z', [['price', 60], ['doubt', 20]]),
  drillRun(3, 'alice', '2026-11-02T10:00:00.000Z', [['price', 90]]),
];

describe('case review', () => {
  before(async () => {
    await writeFile(`${FOLDER}/alice.jsonl`, lines(alice) + drills.map((result) => JSON.stringify(result) + '\n').join(''));
    // A corrupt second line: reported with its number, the rest still read.
    await writeFile(`${FOLDER}/team/bo.jsonl`, JSON.stringify(bo[0]) + '\n{"id": "cut off\n' + JSON.stringify(bo[1]) + '\n');
    await writeFile(`${FOLDER}/stories.playbook.yaml`, 'id: review-stories\ntitle: Stories from won cases\n');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(fileUri(FOLDER), { recursive: true });
  });

  it('opens a folder of case files as a dashboard with the same figures as the core', async () => {
    const model = await vscode.commands.executeCommand<DashboardModel>('closer.reviewCases', [fileUri(FOLDER)]);
    assert.strictEqual(model.files, 2);
    assert.strictEqual(model.total, 4);
    assert.strictEqual(model.problems.length, 1);
    assert.match(model.problems[0]!, new RegExp(`^${FOLDER}/team/bo\\.jsonl:2: error not valid JSON \\(.*\\); the line is skipped$`));
    const expected = caseReport(readCases(lines([...alice, ...bo]), 'x').cases);
    assert.deepStrictEqual(model.report, expected);
    assert.deepStrictEqual(model.report.byIntent.map((row) => [row.intent, row.cases, row.wins]), [['price', 1, 1], ['comparison', 1, 0], ['doubt', 1, 1]]);
    assert.deepStrictEqual(model.report.lossReasons, [{ reason: 'rival', cases: 1, share: 1 }]);
    // li has only drill results in these files, and can still be picked.
    assert.deepStrictEqual(model.facets, { salespeople: ['alice', 'bo', 'li'], products: ['cups', 'tea'], intents: ['comparison', 'doubt', 'price'] });
    // Newest first, each with its timeline.
    assert.deepStrictEqual(model.cases.map((row) => row.id.slice(-1)), ['4', '3', '1', '2']);
    assert.deepStrictEqual(model.cases[1]!.timeline, bo[0]!.timeline);
    const tab = await waitFor('the dashboard tab', () =>
      vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((candidate) => candidate.input instanceof vscode.TabInputWebview && candidate.input.viewType.endsWith('closer.review')),
    );
    assert.strictEqual(tab.label, 'Closer: case review');
  });

  it('shows the drill results of the same files per person: scores over time and weakest intents, none counted as a case', async () => {
    const model = await vscode.commands.executeCommand<DashboardModel>('closer.reviewCases', [fileUri(FOLDER)]);
    // The drill lines are neither cases nor bad lines: the one problem is bo's corrupt line.
    assert.strictEqual(model.total, 4);
    assert.strictEqual(model.problems.length, 1);
    assert.deepStrictEqual(model.drills, drillProgress(drills));
    assert.deepStrictEqual(model.drills.map((person) => person.salesperson), ['alice', 'li']);
    const li = model.drills[1]!;
    assert.deepStrictEqual(li.runs.map((run) => [run.finished.slice(0, 10), run.total]), [['2026-11-01', 40], ['2026-11-05', 75]]);
    assert.deepStrictEqual(li.intents, [{ intent: 'doubt', mean: 45, turns: 2 }, { intent: 'price', mean: 70, turns: 2 }]);
    // A person who only practised can be picked in the salesperson filter, and then only their practice shows.
    assert.ok(model.facets.salespeople.includes('li'));
    const filtered = await vscode.commands.executeCommand<DashboardModel>('closer.reviewCases', { filter: { salesperson: 'li' } });
    assert.strictEqual(filtered.shown, 0);
    assert.deepStrictEqual(filtered.drills.map((person) => person.salesperson), ['li']);
    await vscode.commands.executeCommand<DashboardModel>('closer.reviewCases', { filter: {} });
  });

  it('filters by salesperson, product, intent and date range', async () => {
    const filter = (value: object) => vscode.commands.executeCommand<DashboardModel>('closer.reviewCases', { filter: value });
    let model = await filter({ salesperson: 'bo' });
    assert.strictEqual(model.shown, 2);
    assert.deepStrictEqual(model.report.totals, { ...model.report.totals, won: 1, lost: 0, open: 1 });
    model = await filter({ product: 'tea', intent: 'comparison' });
    assert.deepStrictEqual(model.cases.map((row) => row.id.slice(-1)), ['2']);
    model = await filter({ from: '2026-11-02', to: '2026-11-03' });
    assert.deepStrictEqual(model.cases.map((row) => row.id.slice(-1)), ['3']);
    model = await filter({});
    assert.strictEqual(model.shown, 4);
  });

  it('Promote to story writes a draft story into the chosen playbook and shows it', async () => {
    const target = fileUri(`${FOLDER}/stories.playbook.yaml`);
    const promoted = await vscode.commands.executeCommand<PromotedStory>('closer.promoteToStory', alice[0]!.id, target);
    assert.strictEqual(promoted.id, 'won-00000000');
    const document = await vscode.workspace.openTextDocument(target);
    assert.strictEqual(document.isDirty, false, 'the story is saved to the file');
    assert.strictEqual(document.lineAt(promoted.line - 1).text, '  - id: won-00000000');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
    assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, promoted.line - 1);
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    const story = parsePlaybook(written, 'stories.playbook.yaml').playbook?.stories?.[0];
    assert.ok(story, 'the file holds the story');
    assert.match(JSON.stringify(story.background), /开茶馆的老板/);
    assert.match(JSON.stringify(story.problem), /老顾客嫌茶叶不新鲜/);
    // The reply is named by its label from the workspace's playbooks.
    assert.match(JSON.stringify(story.solution), /Value first/);
    await waitFor('the playbook to be linted', () => closerDiagnostics(target).every((d) => d.severity !== vscode.DiagnosticSeverity.Error) || undefined);
  });

  it('drafts the promoted story in the playbook\'s language, not the editor\'s display language', async () => {
    // The host speaks English: a Chinese draft can only come from the playbook.
    assert.ok(!vscode.env.language.startsWith('zh'), `the host's display language is ${vscode.env.language}`);
    const reply = (id: string, text: string) => `  - id: ${id}\n    label: L\n    text: ${text}\n`;
    const chinese = await writeFile(`${FOLDER}/zh.playbook.yaml`, `id: review-zh\ntitle: 茶叶店\nreplies:\n${reply('zh-one', '这款茶很新鲜')}${reply('zh-two', '今天下单送茶具')}`);
    // A bilingual title, but the replies are English: the story joins English text.
    const english = await writeFile(`${FOLDER}/en.playbook.yaml`, `id: review-en\ntitle: { zh-CN: 茶叶店, en: Tea shop }\nreplies:\n${reply('en-one', 'Fresh from the garden')}${reply('en-two', 'A gift with every order')}${reply('en-three', '新茶到了')}`);
    await vscode.commands.executeCommand('closer.reviewCases', [fileUri(FOLDER)]);
    const storyIn = async (target: vscode.Uri, file: string) => {
      await vscode.commands.executeCommand<PromotedStory>('closer.promoteToStory', bo[0]!.id, target);
      const story = parsePlaybook(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), file).playbook?.stories?.[0];
      assert.ok(story, `${file} holds the story`);
      return story;
    };
    const zh = await storyIn(chinese, 'zh.playbook.yaml');
    assert.strictEqual(zh.title, 'customer-00000003的故事：cups');
    assert.strictEqual(zh.problem, '对话中客户对效果有疑虑。 （待补充）');
    assert.match(JSON.stringify(zh.background), /（待补充）/);
    const en = await storyIn(english, 'en.playbook.yaml');
    assert.strictEqual(en.title, "customer-00000003's story: cups");
    assert.strictEqual(en.problem, 'In the chat the customer doubted it would work. (to finish)');
    assert.match(JSON.stringify(en.background), /\(to finish\)/);
  });

  it("knows the team's own loss reasons from the closer.lossReasons setting", async () => {
    const record = makeCase(5, { outcome: 'lost', lossReason: 'budget_freeze', closedAt: '2026-11-01T10:00:00.000Z' });
    await writeFile(`${FOLDER}/extra/reasons.jsonl`, lines([record]));
    const extra = fileUri(`${FOLDER}/extra`);
    let model = await vscode.commands.executeCommand<DashboardModel>('closer.reviewCases', [extra]);
    assert.deepStrictEqual(model.problems.map((problem) => problem.replace(/\(.*\)/, '(…)')), [
      `${FOLDER}/extra/reasons.jsonl:1: warning loss reason "budget_freeze" is not in the team's list (…); the case is kept`,
    ]);
    assert.deepStrictEqual(model.report.lossReasons, [{ reason: 'budget_freeze', cases: 1, share: 1 }]);
    const settings = vscode.workspace.getConfiguration('closer');
    await settings.update('lossReasons', ['budget_freeze'], vscode.ConfigurationTarget.Workspace);
    try {
      model = await vscode.commands.executeCommand<DashboardModel>('closer.reviewCases', [extra]);
      assert.deepStrictEqual(model.problems, []);
    } finally {
      await settings.update('lossReasons', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('refuses to promote a lost case, with a message', async () => {
    await vscode.commands.executeCommand('closer.reviewCases', [fileUri(FOLDER)]);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('closer.promoteToStory', alice[1]!.id, fileUri(`${FOLDER}/stories.playbook.yaml`))),
      /only a won case can become a story/,
    );
  });
});
