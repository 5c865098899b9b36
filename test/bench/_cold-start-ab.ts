// Two builds of the extension compared at a worker restart (issue 12): a tool, not a bench. On a
// busy machine two runs of cold-start-browser.ts minutes apart differ more than most changes do,
// so both builds are loaded into one Chromium and measured in turns, round by round (which goes
// first alternates): the same load falls on both. Each round stops every worker through CDP and
// sends one request to one build's worker; printed per request kind are the median and quartiles
// of the answer, in ms after sending, and of the worker's script run (its closer:listening mark), in
// ms after the worker's start.
//   A=<extension dir> B=<extension dir> [ROUNDS=15] npx tsx test/bench/_cold-start-ab.ts
// Keep a build aside for A first (cp -r extension-browser/dist-test /tmp/before), since the test
// build is rebuilt whenever a source changes.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

const builds = { A: process.env.A, B: process.env.B };
if (!builds.A || !builds.B) throw new Error('give the two extension folders as A=… B=…');
const ROUNDS = Number(process.env.ROUNDS ?? 15);
// How long a worker is left after its answer before it is stopped: long enough for the writes that follow it.
const IDLE_MS = 1500;
const REQUESTS: Record<string, (round: number) => object> = {
  'no bundle (pending-take)': () => ({ type: 'pending-take' }),
  suggestion: (round) => ({ type: 'suggest', text: `太贵了，能不能便宜点 ${round}`, conversationKey: `ab-cold-${round}` }),
  search: (round) => ({ type: 'search', query: ['价格太贵怎么回', '客户犹豫', 'jiage', '优惠', '怎么开场'][round % 5]! }),
};

const profile = mkdtempSync(path.join(tmpdir(), 'closer-ab-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
    `--disable-extensions-except=${builds.A},${builds.B}`, `--load-extension=${builds.A},${builds.B}`],
});
try {
  const deadline = Date.now() + 60_000;
  while (context.serviceWorkers().length < 2 && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 200));
  // Which worker is which build: each extension page reads its own worker scripts (worker.js, where
  // the build has one: its code since start.ts), compared with the folders'.
  const scriptsOf = (dir: string): string => ['background.js', 'worker.js'].map((name) => (existsSync(path.join(dir, name)) ? readFileSync(path.join(dir, name), 'utf8') : '')).join('\n');
  const pages: Partial<Record<'A' | 'B', Page>> = {};
  for (const worker of context.serviceWorkers()) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${new URL(worker.url()).host}/panel.html`);
    const script = await page.evaluate(async () => (await Promise.all(['/background.js', '/worker.js'].map(async (name) => { const answer = await fetch(name).catch(() => undefined); return answer?.ok ? answer.text() : ''; }))).join('\n'));
    const which = script === scriptsOf(builds.A) ? 'A' : 'B';
    if (pages[which]) throw new Error('the two builds have the same worker scripts');
    pages[which] = page;
  }
  // The default bundle's copy is written a second after the first answers (bundles.ts).
  for (const page of Object.values(pages)) await page.evaluate(() => chrome.runtime.sendMessage({ type: 'settings-get' }));
  await new Promise((wait) => setTimeout(wait, 2500));
  const cdp = await context.newCDPSession(pages.A!);
  await cdp.send('ServiceWorker.enable');
  console.log(`A ${builds.A}, B ${builds.B}: ${ROUNDS} rounds each, in turns (load average ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]})`);
  for (const [kind, request] of Object.entries(REQUESTS)) {
    const answers = { A: [] as number[], B: [] as number[] };
    const scripts = { A: [] as number[], B: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const which of round % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const)) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        await new Promise((wait) => setTimeout(wait, 400));
        const page = pages[which]!;
        const ms = await page.evaluate(async (body) => {
          const start = performance.now();
          await chrome.runtime.sendMessage(body);
          return performance.now() - start;
        }, request(round));
        answers[which].push(ms);
        // Chrome stops a worker after 30 s idle, never in the middle of the writes that follow an answer.
        await new Promise((wait) => setTimeout(wait, IDLE_MS));
        const worker = context.serviceWorkers().find((candidate) => new URL(candidate.url()).host === new URL(page.url()).host);
        // From the worker's own start (its time origin), so that how soon Chromium starts it is left out.
        const listening = await worker?.evaluate(() => performance.getEntriesByName('closer:listening')[0]?.startTime ?? Number.NaN).catch(() => Number.NaN);
        scripts[which].push(listening ?? Number.NaN);
      }
    }
    const quartiles = (values: number[]) => {
      const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
      const at = (share: number) => sorted[Math.floor((sorted.length - 1) * share)]?.toFixed(0) ?? '–';
      return `${at(0.5).padStart(4)} (${at(0.25)}–${at(0.75)})`;
    };
    for (const which of ['A', 'B'] as const) console.log(`  ${kind.padEnd(24)} ${which}: answer ${quartiles(answers[which])} ms, script run ${quartiles(scripts[which])} ms`);
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
