// `closer report` over 100,000 generated cases (a plain tsx script, run by `npm run bench`).
// Target (issue 7): under 2 s for the whole command, start-up included. Prints the wall time
// of the real binary (median of 3 runs), its CPU time when /usr/bin/time is there, the
// machine's load (other work on this 2-core machine slows wall time down), and the time of
// each phase in-process. Figures are printed, never asserted.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { CaseReportBuilder, readCaseLines, visitCaseLines, writeCases } from '@closer/shared';
import { generateCases } from './_cases-generate.ts';

const CASES = 100_000;
const TARGET_MS = 2000;
const RUNS = 3;

const dir = mkdtempSync(path.join(tmpdir(), 'closer-bench-cases-'));
const file = path.join(dir, 'cases.jsonl');
try {
  let start = performance.now();
  writeFileSync(file, writeCases(generateCases(CASES)));
  const megabytes = statSync(file).size / 1e6;
  console.log(`generated ${CASES} cases (${megabytes.toFixed(1)} MB, about ${(megabytes * 1e6 / CASES).toFixed(0)} bytes and 10 timeline events a case) in ${(performance.now() - start).toFixed(0)} ms`);

  const bin = path.resolve('node_modules/.bin/closer');
  const timeTool = existsSync('/usr/bin/time');
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    start = performance.now();
    const result = timeTool
      ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', bin, 'report', '--json', file], { encoding: 'utf8', maxBuffer: 1 << 26 })
      : spawnSync(bin, ['report', '--json', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
    walls.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`closer report failed (${result.status}): ${result.stderr}`);
    const figures = JSON.parse(result.stdout) as { totals: { cases: number } };
    if (figures.totals.cases !== CASES) throw new Error(`closer report counted ${figures.totals.cases} cases, not ${CASES}`);
    const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(result.stderr);
    if (cpu) cpus.push((Number(cpu[1]) + Number(cpu[2])) * 1000);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const wall = median(walls);
  console.log(`closer report --json, ${CASES} cases: median ${wall.toFixed(0)} ms wall (runs: ${walls.map((ms) => ms.toFixed(0)).join(', ')} ms)` +
    `; ratio to the 2 s target ${(wall / TARGET_MS).toFixed(2)} (${wall < TARGET_MS ? 'under' : 'OVER'} target)`);
  if (cpus.length > 0) console.log(`  CPU time (user + system): median ${median(cpus).toFixed(0)} ms; ratio to target ${(median(cpus) / TARGET_MS).toFixed(2)}`);
  console.log(`  machine load average while measuring: ${loadavg().map((load) => load.toFixed(1)).join(' ')} (2 cores)`);

  start = performance.now();
  spawnSync(bin, ['--help'], { encoding: 'utf8' });
  console.log(`  of which start-up (closer --help): ${(performance.now() - start).toFixed(0)} ms`);
  // In-process, on the same file: JSON.parse alone (the floor), then what the CLI does.
  const lines = readFileSync(file, 'utf8').split('\n');
  start = performance.now();
  for (const line of lines) if (line) JSON.parse(line);
  const parseMs = performance.now() - start;
  start = performance.now();
  const builder = new CaseReportBuilder();
  visitCaseLines(lines, file, {}, (record) => builder.add(record));
  const readMs = performance.now() - start;
  start = performance.now();
  builder.report();
  const reportMs = performance.now() - start;
  start = performance.now();
  readCaseLines(lines, file);
  const keepMs = performance.now() - start;
  console.log(`  in-process: JSON.parse of every line ${parseMs.toFixed(0)} ms; parse, check and digest ${readMs.toFixed(0)} ms; figures ${reportMs.toFixed(0)} ms` +
    ` (reading every case whole, as the extensions do, ${keepMs.toFixed(0)} ms)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
