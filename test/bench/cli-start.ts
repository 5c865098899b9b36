// How fast the `closer` CLI starts (issue 12): `closer suggest` run straight from its bin (no npx),
// on a bundle written by `closer build`, beside `node -e 0`, the floor any Node program pays on
// this machine. Goal: under 150 ms wall on a quiet machine. Figures are printed, never asserted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { EXTRA_CA_NOTE, withoutExtraCa } from './_extra-ca.ts';

const RUNS = 9;
const TARGET_MS = 150;
const bin = path.resolve('shared/bin/closer.js');
const cacheDir = path.resolve('shared/.cache');
const dir = mkdtempSync(path.join(tmpdir(), 'closer-bench-cli-'));
const bundle = path.join(dir, 'bundle.json');

function wall(args: string[], before?: () => void, env?: NodeJS.ProcessEnv): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    before?.();
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { encoding: 'utf8', env });
    times.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

try {
  const built = spawnSync(process.execPath, [bin, 'build', '-o', bundle], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`closer build failed: ${built.stderr}`);
  // The first run compiles the CLI's chunks when a source changed; it is not counted.
  spawnSync(process.execPath, [bin, '--help']);
  const floor = wall(['-e', '0']);
  const rows: [string, string[]][] = [
    ['closer --help', [bin, '--help']],
    ['closer suggest --bundle FILE 太贵了', [bin, 'suggest', '--bundle', bundle, '太贵了']],
    ['closer suggest --bundle FILE "too expensive"', [bin, 'suggest', '--bundle', bundle, 'too expensive']],
    ['closer suggest --json --bundle FILE 太贵了', [bin, 'suggest', '--json', '--bundle', bundle, '太贵了']],
    ['closer search --bundle FILE 逼单', [bin, 'search', '--bundle', bundle, '逼单']],
    ['closer suggest 太贵了 (builds from playbooks/)', [bin, 'suggest', '太贵了']],
  ];
  console.log(`node -e 0: median ${floor.toFixed(0)} ms of ${RUNS} runs (the floor of any Node program here)`);
  // A bundle file seen for the first time is checked completely (schema and hash); later starts on
  // the same unchanged file skip that check (shared/node/verified-bundles.ts).
  const touched = (): void => utimesSync(bundle, new Date(), new Date());
  // Each command runs from V8's code cache, written after its first run (shared/bin/closer.js).
  const uncached = (): void => {
    for (const dir of readdirSync(cacheDir)) if (dir.startsWith('cli-')) rmSync(path.join(cacheDir, dir, 'suggest.v8-cache'), { force: true });
  };
  const rowsWithFirst: [string, string[], (() => void)?][] = [
    ...rows.slice(0, 2),
    ['closer suggest, a bundle file new to it (full check)', [bin, 'suggest', '--bundle', bundle, '太贵了'], touched],
    ['closer suggest, no code cache (first run of it)', [bin, 'suggest', '--bundle', bundle, '太贵了'], uncached],
    ...rows.slice(2),
  ];
  for (const [name, args, before] of rowsWithFirst) {
    const ms = wall(args, before);
    console.log(`${name.padEnd(48)} median ${ms.toFixed(0).padStart(5)} ms; ${(ms / floor).toFixed(1)}× node -e 0; ratio to the ${TARGET_MS} ms goal ${(ms / TARGET_MS).toFixed(2)}`);
  }
  const plain = withoutExtraCa();
  if (plain !== undefined) {
    const plainFloor = wall(['-e', '0'], undefined, plain);
    const suggest = wall(rows[1]![1], undefined, plain);
    console.log(`${EXTRA_CA_NOTE}: node -e 0 ${plainFloor.toFixed(0)} ms; closer suggest --bundle FILE 太贵了 ${suggest.toFixed(0)} ms, ${(suggest / plainFloor).toFixed(1)}× node -e 0; ratio to the ${TARGET_MS} ms goal ${(suggest / TARGET_MS).toFixed(2)}`);
  }
  console.log(`machine load average while measuring: ${loadavg().map((load) => load.toFixed(1)).join(' ')} (2 cores)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
