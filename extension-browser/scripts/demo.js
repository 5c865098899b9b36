// The demo: builds the extension (the test build, dist-test/, whose loopback permission lets its
// content script into the demo page without a prompt), serves a demo chat page on 127.0.0.1 and
// shows the Closer panel beside it. With a display it opens Chromium with the extension and the
// real side panel, and leaves it open for you. Without one (CI) it plays a short chat headless
// and writes screenshots of the panel beside the chat to dist/demo/ at the repository root.
//
//   node extension-browser/scripts/demo.js [--headless] [--no-build] [--docs]
//
// --docs also copies the screenshots to extension-browser/docs/ (the README's pictures).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = resolve(root, '..');
const dist = join(root, 'dist-test');
const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', cwd: repo });
  if (result.status !== 0) {
    console.error(`demo: "${command} ${commandArgs.join(' ')}" failed`);
    process.exit(1);
  }
}

function serveDemoPage() {
  const page = readFileSync(join(root, 'demo/chat.html'));
  const server = createServer((request, response) => {
    if (request.url === '/' || request.url === '/chat.html') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    else response.writeHead(404).end();
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

async function launchBrowser(profile) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless,
    viewport: headless ? { width: 820, height: 720 } : null,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
      `--disable-extensions-except=${dist}`, `--load-extension=${dist}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  return { context, worker, extensionId: new URL(worker.url()).host };
}

async function tabIdOf(worker, url) {
  for (let tries = 0; tries < 100; tries++) {
    const id = await worker.evaluate(async (target) => (await chrome.tabs.query({})).find((tab) => tab.url === target)?.id, url);
    if (id !== undefined) return id;
    await new Promise((wake) => setTimeout(wake, 50));
  }
  throw new Error(`demo: no tab for ${url}`);
}

/** Opens the real side panel: sidePanel.open needs a user gesture, and a click is one. */
async function openSidePanel(context, extensionId, tabId) {
  const opener = await context.newPage();
  await opener.goto(`chrome-extension://${extensionId}/panel.html?tabId=${tabId}`);
  await opener.evaluate((id) => {
    const button = document.createElement('button');
    button.id = 'open-side-panel';
    button.textContent = 'open';
    button.addEventListener('click', () => void chrome.sidePanel.open({ tabId: id }));
    document.body.prepend(button);
  }, tabId);
  await opener.click('#open-side-panel');
  await opener.close();
}

async function waitForSuggestions(panel, message) {
  await panel.locator(`[data-testid=replies][data-for="${message.replaceAll('"', '\\"')}"]`).waitFor({ timeout: 15_000 });
}

/** The chat and the panel side by side in one picture, as the browser shows them. */
async function shootSideBySide(context, chat, panel, file) {
  const [left, right] = [await chat.screenshot(), await panel.screenshot()];
  const frame = await context.newPage();
  await frame.setViewportSize({ width: 820 + 1 + 400, height: 720 });
  await frame.setContent(
    `<body style="margin:0;display:flex;background:#cbd5e1;gap:1px">` +
      `<img src="data:image/png;base64,${left.toString('base64')}"><img src="data:image/png;base64,${right.toString('base64')}"></body>`,
  );
  await frame.screenshot({ path: file });
  await frame.close();
  console.log(`demo: wrote ${file}`);
}

async function playHeadless({ context, extensionId }, chat, tabId) {
  const out = join(repo, 'dist', 'demo');
  mkdirSync(out, { recursive: true });
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 720 });
  await panel.goto(`chrome-extension://${extensionId}/panel.html?tabId=${tabId}`);
  const shots = [];
  const shoot = async (name) => {
    const file = join(out, name);
    await chat.bringToFront();
    await shootSideBySide(context, chat, panel, file);
    shots.push(file);
  };
  const customerSays = async (text) => {
    await chat.evaluate((message) => window.demo.customerSays(message), text);
    await waitForSuggestions(panel, text);
  };

  // Chinese first, whatever the machine's language.
  await panel.locator('#tab-settings').click();
  await panel.locator('select[aria-labelledby=language-heading]').selectOption('zh-CN');
  await panel.getByRole('tab', { name: '建议' }).click();
  await customerSays('这款面霜多少钱？感觉有点贵啊');
  await panel.locator('.variables input[name=customer]').fill('王姐');
  await panel.locator('.variables input[name=product]').fill('修护面霜');
  await panel.locator('.variables button[type=submit]').click();
  await panel.locator('.variables [role=status]').waitFor();
  await panel.evaluate(() => window.scrollTo(0, 0));
  await shoot('1-price-suggestions.png');

  await chat.locator('#box').click();
  await panel.locator('[data-testid=replies] article').first().getByRole('button', { name: '插入' }).click();
  await panel.locator('[data-testid=replies] article').first().getByRole('status').waitFor();
  await panel.evaluate(() => window.scrollTo(0, 0));
  await shoot('2-inserted-not-sent.png');
  await chat.locator('#box').fill('');

  await customerSays('真的有效吗？我怕又是智商税');
  const story = panel.locator('details.story').first();
  if (await story.count()) {
    await story.locator('summary').click();
    await story.scrollIntoViewIfNeeded();
  }
  await shoot('3-doubt-with-story.png');

  await panel.getByRole('tab', { name: '搜索' }).click();
  await panel.getByRole('searchbox').fill('jiage');
  await panel.locator(`[data-testid=hits][data-for='${JSON.stringify(['jiage', '', ''])}'] .hit`).first().waitFor();
  await panel.evaluate(() => window.scrollTo(0, 0));
  await shoot('4-search-pinyin.png');
  await panel.locator('[data-testid=hits] .hit').first().click();
  await shoot('5-search-principle.png');

  await panel.getByRole('tab', { name: '设置' }).click();
  await panel.getByRole('combobox', { name: '界面语言' }).selectOption('en');
  await panel.getByRole('tab', { name: 'Settings' }).waitFor();
  await panel.locator('.settings[data-language=en]').waitFor();
  await panel.evaluate(() => window.scrollTo(0, 0));
  await shoot('6-settings-english.png');
  await panel.getByRole('tab', { name: 'Suggest' }).click();
  await customerSays("Does it really work? I'm worried it's a scam.");
  await shoot('7-english-doubt.png');

  if (args.has('--docs')) {
    const docs = join(root, 'docs');
    mkdirSync(docs, { recursive: true });
    for (const file of shots) copyFileSync(file, join(docs, file.split('/').pop()));
    console.log(`demo: copied ${shots.length} screenshots to ${docs}`);
  }
}

async function main() {
  if (!args.has('--no-build')) run('node', [join(root, 'scripts/build.js'), '--test']);
  if (!existsSync('/usr/bin/chromium')) run('sh', ['test/scripts/ensure-chromium.sh']);
  const server = await serveDemoPage();
  const chatUrl = `http://127.0.0.1:${server.address().port}/chat.html`;
  const profile = mkdtempSync(join(tmpdir(), 'closer-demo-'));
  const browser = await launchBrowser(profile);
  try {
    const chat = await browser.context.newPage();
    await chat.goto(chatUrl);
    const tabId = await tabIdOf(browser.worker, chatUrl);
    if (headless) {
      await playHeadless(browser, chat, tabId);
      writeFileSync(join(repo, 'dist', 'demo', 'README.txt'), `Screenshots of the Closer panel beside the demo chat (${new Date().toISOString()}).\n`);
    } else {
      await openSidePanel(browser.context, browser.extensionId, tabId);
      await chat.bringToFront();
      // A short scripted customer, so the panel is seen following the chat live.
      const script = ['这款面霜多少钱？感觉有点贵啊', '真的有效吗？我怕又是智商税', '好吧，那怎么下单？'];
      script.forEach((text, index) => setTimeout(() => void chat.evaluate((message) => window.demo.customerSays(message), text).catch(() => {}), 2000 + index * 8000));
      console.log(`demo: Chromium is open with Closer beside ${chatUrl}.`);
      console.log('demo: type customer messages with the console: demo.customerSays("…"); close the browser to end.');
      await new Promise((done) => browser.context.on('close', done));
    }
  } finally {
    await browser.context.close().catch(() => {});
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
