// Drives the real workbench as an author would: open a playbook with a mistake, see it in the
// Problems panel, open the preview from the command palette, try a customer message in it.
// The screenshot goes to test-results/; with CLOSER_UPDATE_SCREENSHOT=1 it replaces the README's
// extension-vscode/docs/screenshot.png.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
// @ts-expect-error: a plain ES module shared with the stand-in executable, without typings.
import { launchChromium, startCodeServer, workbenchUrl } from './host/code-server.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const EXTENSION = join(ROOT, 'extension-vscode');
// The README's copy is refreshed only on request, so a test run leaves the checkout clean.
const SCREENSHOT = process.env.CLOSER_UPDATE_SCREENSHOT === '1' ? join(EXTENSION, 'docs/screenshot.png') : join(resolve(import.meta.dirname, '../..'), 'test-results/vscode-workbench.png');
let temp: string;
let server: { url: string; port: number; stop(): Promise<void> } | undefined;
let browser: Browser | undefined;

beforeAll(() => {
  execFileSync(process.execPath, [join(EXTENSION, 'scripts/build.js')], { stdio: 'inherit' });
  temp = mkdtempSync(join(tmpdir(), 'closer-vscode-ui-'));
  cpSync(join(ROOT, 'test/fixtures/vscode-workspace/authoring.playbook.yaml'), join(temp, 'workspace/tea.playbook.yaml'));
  // One misspelt variable, so the editor and the Problems panel have something to show.
  const file = join(temp, 'workspace/tea.playbook.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('{{weight}} g tins', '{{wieght}} g tins'));
});

afterAll(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

test('an author sees the problem, the preview and a tried message in the workbench', async () => {
  server = await startCodeServer();
  const opened = await launchChromium({ viewport: { width: 1500, height: 920 } });
  browser = opened.browser;
  const page: Page = await opened.context.newPage();
  await page.goto(workbenchUrl(server, { folder: join(temp, 'workspace'), extensionDevelopmentPath: EXTENSION }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

  // Quick Open the playbook.
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'tea.playbook.yaml' }).click({ timeout: 60_000 });
  await page.locator('.monaco-editor .view-lines', { hasText: 'tea-price' }).waitFor();

  // The squiggle's problem, listed in the Problems panel.
  await runCommand(page, 'Focus Problems');
  const problem = page.locator('.markers-panel .monaco-list-row', { hasText: '{{wieght}}' }).first();
  await problem.waitFor({ timeout: 30_000 });
  await expect(problem.textContent()).resolves.toContain('did you mean {{weight}}');

  // Back to the editor, then the preview beside it.
  await page.locator('.monaco-editor .view-lines', { hasText: 'tea-price' }).click();
  await runCommand(page, 'Closer: Show playbook preview');
  const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await preview.locator('h1', { hasText: '茶叶店' }).waitFor({ timeout: 30_000 });
  await expect(preview.locator('.reply .text', { hasText: '明前龙井 comes in' }).first().textContent()).resolves.toContain('明前龙井');

  // Try a customer message in the preview's playground.
  await preview.locator('#playground textarea').fill('这茶叶也太贵了，能便宜点吗');
  await preview.locator('#playground button').click();
  await preview.locator('#playground .intent', { hasText: 'price' }).waitFor();
  await preview.locator('#playground').scrollIntoViewIfNeeded();

  // Put the misspelt variable, with its squiggle, in view.
  await page.locator('.monaco-editor .view-lines', { hasText: 'tea-price' }).click();
  await runCommand(page, 'Go to Line/Column');
  await page.keyboard.type('29:20');
  await page.keyboard.press('Enter');
  mkdirSync(dirname(SCREENSHOT), { recursive: true });
  await page.waitForTimeout(500);
  await page.screenshot({ path: SCREENSHOT });
  console.log(`screenshot: ${SCREENSHOT}`);

  // A suggested reply links to its line.
  // On a loaded machine the webview's first click can land before the link's handler is ready:
  // click again, up to three times, until the editor shows the line.
  const atLine = page.locator('.statusbar-item', { hasText: 'Ln 27, Col 1' });
  for (let attempt = 0; attempt < 3 && !(await atLine.isVisible()); attempt++) {
    await preview.locator('#playground .replies a.line-link', { hasText: 'Value first' }).click();
    await atLine.waitFor({ timeout: 6_000 }).catch(() => undefined);
  }
  await atLine.waitFor({ timeout: 5_000 });

  // Playbook text that looks like HTML is shown as text: no element is made from it.
  writeFileSync(
    join(temp, 'workspace/markup.playbook.yaml'),
    [
      'id: markup',
      `title: "<img src=x onerror=\\"document.title='owned'\\"><b>Bold</b>"`,
      'replies:',
      '  - id: markup-reply',
      '    label: "<i>label</i>"',
      '    text: "<script>document.title=\'owned\'</script>hello"',
      '',
    ].join('\n'),
  );
  await runCommand(page, 'Go to File');
  await page.locator('.quick-input-widget input').fill('markup.playbook.yaml');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'markup.playbook.yaml' }).first().waitFor();
  await page.keyboard.press('Enter');
  const heading = preview.locator('h1', { hasText: 'Bold' });
  await heading.waitFor({ timeout: 30_000 });
  await expect(heading.textContent()).resolves.toBe(`<img src=x onerror="document.title='owned'"><b>Bold</b>`);
  await expect(preview.locator('.reply .text').first().textContent()).resolves.toBe(`<script>document.title='owned'</script>hello`);
  await expect(preview.locator('img, b, i, main script').count()).resolves.toBe(0);
});
