// `npm test`: installs what the tests need (idempotent), builds both extensions, runs every vitest
// project (unit, browser, vscode) and ends with one plain line "N passed, N failed" for CI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(root);

function run(command, args) {
  console.log(`\n> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

function step(command, args) {
  const code = run(command, args);
  if (code !== 0) {
    console.error(`\n"${command} ${args.join(' ')}" failed with exit code ${code}`);
    console.log('0 passed, 1 failed');
    process.exit(code);
  }
}

const packageOf = (dir) => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
step('sh', ['test/scripts/setup.sh']);
for (const [dir, name] of [['extension-browser', 'closer-browser'], ['extension-vscode', 'closer-vscode']]) {
  if (existsSync(path.join(dir, 'package.json')) && packageOf(dir).scripts?.build) step('npm', ['run', 'build', '-w', name]);
}

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
const projects = process.argv.slice(2);
const code = run('npx', [
  'vitest', 'run', '--config', 'test/vitest.config.ts',
  '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
  ...projects.flatMap((project) => ['--project', project]),
]);

let passed = 0;
let failed = code === 0 ? 0 : 1;
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  // A file that failed to load has no failed test of its own; count it so it is not hidden.
  const brokenFiles = results.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
  failed = results.numFailedTests + brokenFiles;
  if (code !== 0 && failed === 0) failed = 1;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(code);
