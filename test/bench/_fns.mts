import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
const ext = '/tmp/timed';
const kind = process.argv[2] ?? 'suggest';
const context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'fns-')), {
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
});
while (context.serviceWorkers().length < 1) await new Promise((r) => setTimeout(r, 100));
const id = new URL(context.serviceWorkers()[0]!.url()).host;
const page = await context.newPage();
await page.goto(`chrome-extension://${id}/panel.html`);
await page.evaluate(() => chrome.runtime.sendMessage({ type: 'settings-get' }));
await new Promise((r) => setTimeout(r, 2500));
const cdp = await context.newCDPSession(page);
await cdp.send('ServiceWorker.enable');
const all = new Map<string, number[]>();
for (let round = 0; round < 9; round++) {
  await cdp.send('ServiceWorker.stopAllWorkers');
  await new Promise((r) => setTimeout(r, 400));
  const t = Date.now();
  await page.evaluate(([round, kind]) => chrome.runtime.sendMessage(kind === 'search' ? { type: 'search', query: ['价格太贵怎么回', '客户犹豫', 'jiage'][round % 3] } : { type: 'suggest', text: `太贵了 ${round}`, conversationKey: `r-${round}` }), [round, kind] as const);
  const wall = Date.now() - t;
  const worker = context.serviceWorkers().at(-1)!;
  const times = (await worker.evaluate('globalThis.__fn')) as Record<string, number>;
  for (const [name, ms] of Object.entries({ ...times, 'page wall': wall })) (all.get(name) ?? all.set(name, []).get(name)!).push(ms);
  await new Promise((r) => setTimeout(r, 1500));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
for (const [name, values] of [...all].sort((a, b) => median(b[1]) - median(a[1]))) console.log(median(values).toFixed(1).padStart(6), name);
await context.close();
