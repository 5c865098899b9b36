// `closer followups` over 10,000 generated cases (issue 18; a plain tsx script, run by `npm run
// bench`). Goal: under 200 ms. Prints the wall time of the real binary on a bundle of the default
// playbooks (median of 9 runs, start-up included), the start-up alone, the machine's load (other
// work on this 2-core machine slows wall time down), and each phase in-process: reading the file,
// loading the bundle, dueFollowups. Figures are printed, never asserted.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { loadBundle, mergeCases, readCases, writeCases, type Case } from '@closer/shared';
import { FollowupCaseReader } from '../../shared/src/cases/followup-cases.ts';
import { dueFollowupsOfCustomers } from '../../shared/src/cases/followups.ts';
import { generateCases, seededRandom } from './_cases-generate.ts';
import { EXTRA_CA_NOTE, withoutExtraCa } from './_extra-ca.ts';

const CASES = 10_000;
const TARGET_MS = 200;
const RUNS = 9;
const ON = '2026-10-20';
const ZONE = 'Asia/Shanghai';

/** The generated team's cases, with returning customers (about three cases each), meetings, hot-lead signals and follow-ups already done. */
function planCases(): Case[] {
  const random = seededRandom(18);
  return generateCases(CASES).map((record, index) => {
    const customer = `customer-${Math.floor(random() * (CASES / 3))}`;
    const last = record.timeline.at(-1)?.at ?? record.createdAt;
    const timeline = [...record.timeline];
    if (random() < 0.1) timeline.push({ type: 'meeting', at: last });
    if (record.outcome === 'open' && random() < 0.2) timeline.push({ type: 'signal', at: last, signal: 'buy_soon' });
    const followups = record.outcome === 'won' && index % 3 === 0 && record.closedAt
      ? [{ rule: 'care_day1', due: new Date(Date.parse(record.closedAt) + 86_400_000).toISOString(), state: 'done' as const, at: new Date(Date.parse(record.closedAt) + 86_400_000).toISOString() }]
      : [];
    return { ...record, customer, timeline, followups };
  });
}

const dir = mkdtempSync(path.join(tmpdir(), 'closer-bench-followups-'));
const file = path.join(dir, 'cases.jsonl');
const bundleFile = path.join(dir, 'bundle.json');
const bin = path.resolve('shared/bin/closer.js');
try {
  writeFileSync(file, writeCases(planCases()));
  const built = spawnSync(process.execPath, [bin, 'build', '-o', bundleFile], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`closer build failed: ${built.stderr}`);
  console.log(`generated ${CASES} cases (${(statSync(file).size / 1e6).toFixed(1)} MB) of about ${Math.round(CASES / 3)} customers; the bundle of the default playbooks`);

  const args = [bin, 'followups', '--json', '--on', ON, '--tz', ZONE, '--bundle', bundleFile, file];
  // The first run compiles the CLI when a source changed, and each command's first run writes
  // its V8 code cache: that run is printed apart, not counted.
  spawnSync(process.execPath, [bin, '--help']);
  const firstStart = performance.now();
  const first = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const firstMs = performance.now() - firstStart;
  if (first.status !== 0) throw new Error(`closer followups failed (${first.status}): ${first.stderr}`);
  const walls: number[] = [];
  const cpus: number[] = [];
  const timeTool = existsSync('/usr/bin/time');
  let listed = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const result = timeTool
      ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
      : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
    walls.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`closer followups failed (${result.status}): ${result.stderr}`);
    listed = (JSON.parse(result.stdout) as unknown[]).length;
    const used = /cpu ([\d.]+) ([\d.]+)/.exec(result.stderr);
    if (used) cpus.push((Number(used[1]) + Number(used[2])) * 1000);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const wall = median(walls);
  console.log(`closer followups --json, ${CASES} cases, ${listed} follow-up(s) due on ${ON}: median ${wall.toFixed(0)} ms wall (runs: ${walls.map((ms) => ms.toFixed(0)).join(', ')} ms)` +
    `; ratio to the ${TARGET_MS} ms goal ${(wall / TARGET_MS).toFixed(2)} (${wall < TARGET_MS ? 'under' : 'OVER'} goal)`);
  console.log(`  the command's first run (writing its code cache), not counted: ${firstMs.toFixed(0)} ms`);
  if (cpus.length > 0) console.log(`  CPU time (user + system): median ${median(cpus).toFixed(0)} ms; ratio to the goal ${(median(cpus) / TARGET_MS).toFixed(2)}`);
  const startUp: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    spawnSync(process.execPath, [bin, '--help']);
    startUp.push(performance.now() - start);
  }
  console.log(`  of which start-up (closer --help): median ${median(startUp).toFixed(0)} ms`);
  const plain = withoutExtraCa();
  if (plain !== undefined) {
    const timed = (command: string[]): number => {
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const start = performance.now();
        const result = spawnSync(process.execPath, command, { encoding: 'utf8', env: plain, maxBuffer: 1 << 26 });
        times.push(performance.now() - start);
        if (result.status !== 0) throw new Error(`${command.join(' ')} failed (${result.status}): ${result.stderr}`);
      }
      return median(times);
    };
    const plainWall = timed(args);
    const plainFloor = timed(['-e', '0']);
    console.log(`  ${EXTRA_CA_NOTE}: median ${plainWall.toFixed(0)} ms wall, ${(plainWall / plainFloor).toFixed(2)}× node -e 0 (${plainFloor.toFixed(0)} ms); ratio to the ${TARGET_MS} ms goal ${(plainWall / TARGET_MS).toFixed(2)} (${plainWall < TARGET_MS ? 'under' : 'OVER'} goal)`);
  }
  // What any Node program pays for this file before it knows a follow-up: starting, reading the
  // file, and looking at each line once (splitting the lines; parsing each as JSON).
  const floors: [string, string][] = [
    ['node -e 0', '0'],
    ['read the file and split its lines', `const t = require('fs').readFileSync(${JSON.stringify(file)}, 'latin1'); let n = 0; for (let i = t.indexOf('\\n'); i !== -1; i = t.indexOf('\\n', i + 1)) n++;`],
    ['read it and JSON.parse each line', `for (const line of require('fs').readFileSync(${JSON.stringify(file)}, 'latin1').split('\\n')) if (line) JSON.parse(line);`],
  ];
  for (const [what, code] of floors) {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const result = spawnSync(process.execPath, ['-e', code]);
      if (result.status !== 0) throw new Error(`${what} failed: ${result.stderr}`);
      times.push(performance.now() - start);
    }
    console.log(`  floor, ${what}: median ${median(times).toFixed(0)} ms wall; closer followups takes ${(wall / median(times)).toFixed(2)}× that`);
  }
  console.log(`  machine load average while measuring: ${loadavg().map((load) => load.toFixed(1)).join(' ')} (2 cores)`);

  // In-process, as CPU time of this process (less moved by other work on the machine than wall time).
  const cpu = <T>(work: () => T): [T, number] => {
    const before = process.cpuUsage();
    const value = work();
    const used = process.cpuUsage(before);
    return [value, (used.user + used.system) / 1000];
  };
  // The CLI's reader first, while this process is as cold as the CLI; then the full reader all the extensions use, for comparison.
  const bytes = readFileSync(file);
  const reader = new FollowupCaseReader();
  const [, linesMs] = cpu(() => reader.addFile([bytes.toString('latin1')], (part) => Buffer.from(part, 'latin1').toString('utf8'), file));
  const [{ customers }, mergeMs] = cpu(() => reader.result());
  const [{ cases: read }, fullMs] = cpu(() => readCases(bytes.toString('utf8'), file));
  const [, fullMergeMs] = cpu(() => mergeCases(read));
  const [bundle, bundleMs] = cpu(() => loadBundle(readFileSync(bundleFile, 'utf8')));
  const phases: number[] = [];
  for (let run = 0; run < RUNS; run++) phases.push(cpu(() => dueFollowupsOfCustomers(customers, bundle, { on: new Date(`${ON}T04:00:00Z`), timeZone: ZONE, language: 'zh-CN' }))[1]);
  console.log(`  in-process CPU time: the CLI's reader (followup-cases.ts) ${linesMs.toFixed(0)} ms, its merge and grouping by customer ${mergeMs.toFixed(0)} ms` +
    ` (readCases ${fullMs.toFixed(0)} ms, mergeCases ${fullMergeMs.toFixed(0)} ms); load the bundle ${bundleMs.toFixed(0)} ms; dueFollowups first ${phases[0]!.toFixed(0)} ms, then median ${median(phases.slice(1)).toFixed(0)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
