// closer lint over 10,000 playbook files (a tsx script run by `npm run bench`): the real binary,
// under `ulimit -n 1024` as on a common machine, so reading every file at once would fail with
// EMFILE. Prints the wall time and the load average; never asserted.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const FILES = 10_000;
const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'closer-lint-bench-'));
try {
  for (let folder = 0; folder < FILES / 100; folder++) {
    mkdirSync(join(dir, `team-${folder}`));
    for (let index = 0; index < 100; index++) {
      const id = `p${folder}-${index}`;
      writeFileSync(join(dir, `team-${folder}`, `${id}.playbook.yaml`), `id: ${id}\ntitle: T\nreplies:\n  - id: ${id}-reply\n    label: L\n    text: Hello from ${id}\n`);
    }
  }
  console.log(`load average ${loadavg().map((load) => load.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  const started = performance.now();
  const result = spawnSync('sh', ['-c', 'ulimit -n 1024 && exec "$0" lint "$1"', join(ROOT, 'node_modules/.bin/closer'), dir], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  const summary = result.stderr.trim().split('\n').at(-1);
  console.log(`closer lint, ${FILES.toLocaleString('en-US')} files under ulimit -n 1024: ${seconds.toFixed(2)} s, exit ${result.status}; ${summary}`);
  if (result.status !== 0) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
