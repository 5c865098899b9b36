// Drives the real workbench as a team lead would: "Closer: Review cases" on a case file, the
// dashboard's tables and bar charts, a filter, a case's timeline, and Promote to story into a
// playbook picked from the list. Case text that looks like HTML must stay text.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CASE_VERSION, parsePlaybook, type Case } from '@closer/shared';
// @ts-expect-error: a plain ES module shared with the stand-in executable, without typings.
import { launchChromium, startCodeServer, workbenchUrl } from './host/code-server.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const EXTENSION = join(ROOT, 'extension-vscode');
let temp: string;
let workspace: string;
let server: { url: string; port: number; stop(): Promise<void> } | undefined;
let browser: Browser | undefined;

function makeCase(n: number, fields: Partial<Case>): Case {
  return {
    version: CASE_VERSION, id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, conversation: `chat-${n}`, salesperson: n % 2 ? 'alice' : 'bo',
    customer: `customer-0000000${n}`, product: 'tea', outcome: 'open', notes: '', tags: [], followups: [], timeline: [],
    createdAt: `2026-11-0${n}T09:00:00.000Z`, updatedAt: `2026-11-0${n}T11:00:00.000Z`, ...fields,
  };
}

beforeAll(() => {
  execFileSync('sh', [join(ROOT, 'test/scripts/ensure-code-server.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('sh', [join(ROOT, 'test/scripts/ensure-chromium.sh')], { stdio: 'inherit' });
  execFileSync(process.execPath, [join(EXTENSION, 'scripts/build.js')], { stdio: 'inherit' });
  temp = mkdtempSync(join(tmpdir(), 'closer-vscode-review-'));
  workspace = join(temp, 'workspace');
  mkdirSync(workspace);
  cpSync(join(ROOT, 'test/fixtures/vscode-workspace/authoring.playbook.yaml'), join(workspace, 'tea.playbook.yaml'));
  const at = (day: number, hour: number) => `2026-11-0${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  const cases = [
    makeCase(1, { outcome: 'won', amount: 680, closedAt: at(1, 11), notes: '<b>茶馆老板</b>\nproblem: regulars said the tea was stale',
      timeline: [{ type: 'message', at: at(1, 9), intent: 'price' }, { type: 'step', at: at(1, 9), step: 'consider' }, { type: 'inserted', at: at(1, 10), reply: 'tea-value' }] }),
    makeCase(2, { outcome: 'lost', lossReason: 'rival', closedAt: at(2, 11), timeline: [{ type: 'message', at: at(2, 9), intent: 'comparison' }, { type: 'inserted', at: at(2, 10), reply: 'tea-value' }] }),
    makeCase(3, { outcome: 'won', amount: 120, closedAt: at(3, 11), timeline: [{ type: 'message', at: at(3, 9), intent: 'doubt' }, { type: 'inserted', at: at(3, 10), reply: 'tea-proof' }] }),
    makeCase(4, { outcome: 'lost', lossReason: 'price', closedAt: at(4, 11), timeline: [{ type: 'message', at: at(4, 9), intent: 'price' }] }),
  ];
  writeFileSync(join(workspace, 'team.jsonl'), cases.map((record) => JSON.stringify(record)).join('\n') + '\n');
});

afterAll(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/** Run a command from the palette; the extension's commands appear once its host has started, so retry until then. */
async function runCommand(page: Page, title: string): Promise<void> {
  const until = Date.now() + 90_000;
  for (;;) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    try {
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

test('a team lead reviews cases in the dashboard and promotes a won case to a story', async () => {
  server = await startCodeServer();
  const opened = await launchChromium({ viewport: { width: 1500, height: 1000 } });
  browser = opened.browser;
  const page: Page = await opened.context.newPage();
  await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: EXTENSION }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'team.jsonl' }).waitFor({ timeout: 60_000 });

  // The command asks for files in the workbench's own open dialog: type the file's path.
  await runCommand(page, 'Closer: Review cases');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(join(workspace, 'team.jsonl'));
  await page.keyboard.press('Enter');

  const dashboard = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await dashboard.locator('h1', { hasText: 'Case review' }).waitFor({ timeout: 30_000 });
  await expect(dashboard.locator('.summary').textContent()).resolves.toMatch(/^4 cases \(4 shown\): 2 won, 2 lost, 0 open · win rate 50\.0%/);
  // Tables with a bar chart in each row: intent, step, reply, loss reasons.
  const intentRows = dashboard.locator('section.chart').first().locator('tbody tr');
  await expect(intentRows.count()).resolves.toBe(3);
  await expect(intentRows.first().textContent()).resolves.toMatch(/^price21/);
  await expect(dashboard.locator('section.chart svg.bar rect.fill').count()).resolves.toBeGreaterThanOrEqual(8);

  // Filter to bo's cases.
  await dashboard.locator('select[name=salesperson]').selectOption('bo');
  await dashboard.locator('.summary', { hasText: '(2 shown)' }).waitFor();
  await dashboard.locator('select[name=salesperson]').selectOption('');
  await dashboard.locator('.summary', { hasText: '(4 shown)' }).waitFor();

  // Open the first won case: its notes stay text, its timeline is listed.
  const won = dashboard.locator('details.case', { hasText: 'customer-00000001' });
  await won.locator('summary').click();
  await expect(won.locator('.notes').textContent()).resolves.toContain('<b>茶馆老板</b>');
  await expect(won.locator('.notes b').count()).resolves.toBe(0);
  await expect(won.locator('ol.timeline li').count()).resolves.toBe(3);
  await page.screenshot({ path: join(temp, 'dashboard.png') });
  if (process.env.CLOSER_SCREENSHOT_DIR) cpSync(join(temp, 'dashboard.png'), join(process.env.CLOSER_SCREENSHOT_DIR, 'case-review.png'));

  // Promote to story: pick the playbook, land on the new story in the editor.
  await won.locator('button.promote').click();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'tea.playbook.yaml' }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: 'won-00000000' }).waitFor({ timeout: 30_000 });
  await dashboard.locator('.promoted', { hasText: 'won-00000000' }).waitFor({ timeout: 30_000 });
  const text = readFileSync(join(workspace, 'tea.playbook.yaml'), 'utf8');
  const story = parsePlaybook(text, 'tea.playbook.yaml').playbook?.stories?.find((entry) => entry.id === 'won-00000000');
  expect(story).toBeDefined();
  expect(JSON.stringify(story!.problem)).toContain('regulars said the tea was stale');
  expect(JSON.stringify(story!.solution)).toContain('Value first');
});
