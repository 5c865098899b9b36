// Where the worker script's run goes at a restart, module by module, in Chromium (issue 12): a
// tool, not a bench. It takes a build made readable (CLOSER_UNMINIFIED=1 npm run build:browser --
// --test), whose worker.js (the worker's code, which start.ts loads) names each module in a
// comment where its code starts, puts a timestamp before each of those comments in a copy, stops
// the copy's worker, wakes it with a request that reads no bundle, and prints the median time per module over the rounds (a
// dependency's modules together, by package), with how many zod schema pieces each built.
// performance.now() in a worker is coarse (0.1 ms), so read the larger figures only.
//   npx tsx test/bench/_module-times.ts [readable extension dir]
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch } from '../browser/harness.ts';
import { stopWorker } from '../browser/stop-worker.ts';

const [source = 'extension-browser/dist-test'] = process.argv.slice(2);
const ROUNDS = 7;

const dir = mkdtempSync(path.join(tmpdir(), 'closer-module-times-'));
cpSync(source, dir, { recursive: true });
const script = readFileSync(path.join(dir, 'worker.js'), 'utf8');
// Module comments sit alone on a line, one tab in: "// ../node_modules/zod/v4/core/core.js" or "// shared/src/playbook/schema.ts".
const marked = script.split('\n').map((line) => {
  const module = /^\t\/\/ ((?:\.\.\/)*[\w@.+-]+(?:\/[\w@.+-]+)+\.[cm]?[jt]s)$/.exec(line)?.[1];
  return module ? `\t__closerTimes.push([${JSON.stringify(module)}, performance.now(), globalThis.__closerZod ?? 0]);\n${line}` : line;
});
if (!marked.some((line) => line.includes('__closerTimes.push'))) throw new Error(`${source}/worker.js names no module: build it with CLOSER_UNMINIFIED=1`);
// zod's constructors all go through one init(inst, def); counting its calls counts the pieces built.
const counted = marked.join('\n').replace('function init(inst, def) {', 'function init(inst, def) { globalThis.__closerZod = (globalThis.__closerZod ?? 0) + 1;');
writeFileSync(path.join(dir, 'worker.js'), `globalThis.__closerTimes = [];\n${counted}\n__closerTimes.push(['end', performance.now(), globalThis.__closerZod ?? 0]);\n`);

const session = await launch({ extension: dir, cdp: true, chatPages: false });
try {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/panel.html`);
  await page.waitForTimeout(2500);
  const rounds: Map<string, [ms: number, pieces: number]>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await stopWorker(session, page);
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'pending-take' }));
    const worker = session.context.serviceWorkers().find((candidate) => candidate.url().includes(session.extensionId))!;
    const times = await worker.evaluate(() => (globalThis as unknown as { __closerTimes: [string, number, number][] }).__closerTimes);
    const byModule = new Map<string, [number, number]>();
    for (let at = 0; at + 1 < times.length; at++) {
      const [name, start, pieces] = times[at]!;
      const [, end, piecesAfter] = times[at + 1]!;
      const inPackage = name.split('node_modules/')[1];
      const key = inPackage ? inPackage.split('/').slice(0, inPackage.startsWith('@') ? 2 : 1).join('/') : name.replace(/^(\.\.\/)+/, '');
      const [ms, built] = byModule.get(key) ?? [0, 0];
      byModule.set(key, [ms + end - start, built + piecesAfter - pieces]);
    }
    byModule.set('(the whole script)', [times.at(-1)![1] - times[0]![1], times.at(-1)![2]]);
    rounds.push(byModule);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const rows = [...rounds[0]!.keys()].map((key) => [key, median(rounds.map((round) => round.get(key)?.[0] ?? 0)), rounds[0]!.get(key)![1]] as const);
  console.log(`worker script run at a restart, median of ${ROUNDS} (load average ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}): ms, zod pieces built, module`);
  for (const [key, ms, pieces] of rows.sort((a, b) => b[1] - a[1]).filter(([, ms]) => ms >= 0.2)) console.log(`${ms.toFixed(1).padStart(7)} ${String(pieces).padStart(6)}  ${key}`);
} finally {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
}
