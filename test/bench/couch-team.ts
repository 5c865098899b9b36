// The team's CouchDB with 10,000 cases (a plain tsx script, run by `npm run bench`): one
// salesperson pushes them at once into her database (_bulk_docs, 1,000 a request, as PouchDB's
// replication sends them), the server's replication brings them into the team database, and the
// lead reads them with `closer report --couch` and `closer cases pull` (the real binary, median of
// 3 runs). The server is pouchdb-server in memory on 127.0.0.1 (test/helpers/couch-server.ts),
// not Apache CouchDB 3, so the figures say how Closer's side scales, not what a production server
// does. Figures are printed, never asserted; the report is checked to count every case.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { caseDocument, userDatabaseName, writeCases } from '@closer/shared';
import { startCouchServer } from '../helpers/couch-server.ts';
import { basic, PASSWORDS, setUp, tempDir, teamIds } from '../unit/couch-fixtures.ts';
import { generateCases } from './_cases-generate.ts';

const CASES = 10_000;
const BATCH = 1000;
const RUNS = 3;

const couch = await startCouchServer();
const dir = tempDir();
try {
  const setup = await setUp(couch, dir);
  if (setup.code !== 0) throw new Error(`closer team setup failed: ${setup.stderr}`);
  const cases = generateCases(CASES).map((record) => ({ ...record, salesperson: 'alice' }));

  let start = performance.now();
  for (let from = 0; from < CASES; from += BATCH) {
    const response = await fetch(`${couch.url}/${userDatabaseName('alice')}/_bulk_docs`, {
      method: 'POST',
      headers: basic('alice', PASSWORDS.alice),
      body: JSON.stringify({ docs: cases.slice(from, from + BATCH).map(caseDocument) }),
    });
    const answers = (await response.json()) as { error?: string }[];
    if (response.status !== 201 || answers.some((answer) => answer.error)) throw new Error(`the push was refused: ${JSON.stringify(answers.find((answer) => answer.error))}`);
  }
  const pushMs = performance.now() - start;
  console.log(`push ${CASES} cases as one salesperson (validated by the server, ${BATCH} a request): ${pushMs.toFixed(0)} ms, ${(CASES / (pushMs / 1000)).toFixed(0)} cases/s`);

  for (;;) {
    const count = (await teamIds(couch)).length;
    if (count >= CASES) break;
    if (performance.now() - start > 300_000) throw new Error(`only ${count} of ${CASES} cases replicated after 5 minutes`);
    await new Promise((wait) => setTimeout(wait, 250));
  }
  console.log(`  the server's continuous replication had all ${CASES} in the team database ${(performance.now() - start - pushMs).toFixed(0)} ms after the push ended`);

  const bin = path.resolve('node_modules/.bin/closer');
  const lead = ['--user', 'lin', '--password', PASSWORDS.lin];
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const time = (args: string[]) => {
    const walls: number[] = [];
    let stdout = '';
    for (let run = 0; run < RUNS; run++) {
      const began = performance.now();
      const result = spawnSync(bin, args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
      walls.push(performance.now() - began);
      if (result.status !== 0) throw new Error(`closer ${args[0]} failed (${result.status}): ${result.stderr}`);
      stdout = result.stdout;
    }
    return { wall: median(walls), walls, stdout };
  };

  const report = time(['report', '--json', '--couch', `${couch.url}/closer-team`, ...lead]);
  const counted = (JSON.parse(report.stdout) as { totals: { cases: number } }).totals.cases;
  if (counted !== CASES) throw new Error(`closer report --couch counted ${counted} cases, not ${CASES}`);
  console.log(`closer report --json --couch, ${CASES} cases: median ${report.wall.toFixed(0)} ms wall (runs: ${report.walls.map((ms) => ms.toFixed(0)).join(', ')} ms)`);

  const pull = time(['cases', 'pull', '--couch', `${couch.url}/closer-team`, '-o', 'team.jsonl', ...lead]);
  console.log(`closer cases pull, ${CASES} cases: median ${pull.wall.toFixed(0)} ms wall`);

  writeFileSync(path.join(dir, 'exported.jsonl'), writeCases(cases));
  const fromFile = time(['report', '--json', 'exported.jsonl']);
  const same = JSON.stringify({ ...JSON.parse(fromFile.stdout), files: undefined }) === JSON.stringify({ ...JSON.parse(report.stdout), database: undefined });
  console.log(`  for comparison, closer report --json over the same cases in a file: median ${fromFile.wall.toFixed(0)} ms; the same figures: ${same ? 'yes' : 'NO'}`);
  console.log(`  pulled file: ${(readFileSync(path.join(dir, 'team.jsonl')).length / 1e6).toFixed(1)} MB`);
  console.log(`  machine load average while measuring: ${loadavg().map((load) => load.toFixed(1)).join(' ')} (2 cores)`);
} finally {
  await couch.stop();
}
