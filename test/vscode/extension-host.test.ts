// Runs the mocha suites (test/vscode/suite) inside a real VS Code extension host: code-server
// driven by headless Chromium, launched through @vscode/test-electron with a stand-in for the
// VS Code executable (TESTING.md). Fails when the host's exit code is not 0.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTeamForHost } from './team-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const EXTENSION = join(ROOT, 'extension-vscode');
const STAND_IN = join(ROOT, 'test/vscode/host/code-stand-in.mjs');
let temp: string;
let workspace: string;
// The team database the review suite reads (suite/team-review.test.ts).
let team: Awaited<ReturnType<typeof startTeamForHost>> | undefined;

beforeAll(() => {
  // Install (once) before the clock of the test starts; it is cached under .cache/.
  execFileSync('sh', [join(ROOT, 'test/scripts/ensure-code-server.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('sh', [join(ROOT, 'test/scripts/ensure-chromium.sh')], { stdio: 'inherit' });
  execFileSync(process.execPath, [join(EXTENSION, 'scripts/build.js')], { stdio: 'inherit' });
  execFileSync(process.execPath, [join(ROOT, 'test/vscode/host/build-suite.mjs')], { stdio: 'inherit' });
  // The suites edit and delete files: they get a copy of the fixtures, never the originals.
  temp = mkdtempSync(join(tmpdir(), 'closer-vscode-test-'));
  workspace = join(temp, 'workspace');
  cpSync(join(ROOT, 'test/fixtures/vscode-workspace'), workspace, { recursive: true });
  const rules = join(ROOT, 'test/fixtures/playbooks/invalid');
  for (const name of readdirSync(rules)) cpSync(join(rules, name), join(workspace, name));
});

beforeAll(async () => {
  team = await startTeamForHost();
}, 120_000);

afterAll(async () => {
  await team?.stop();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/** Run the mocha files of one kind (suite/*.<kind>.ts) in the host; returns mocha's counts and the exit code. */
async function runInHost(kind: string, extraArgs: string[] = []) {
  const results = join(temp, `results-${kind}.json`);
  let exitCode: number;
  try {
    exitCode = await runTests({
      vscodeExecutablePath: STAND_IN,
      extensionDevelopmentPath: EXTENSION,
      extensionTestsPath: join(ROOT, 'test/vscode/dist/suite/index.js'),
      launchArgs: [workspace, `--user-data-dir=${join(temp, `user-data-${kind}`)}`, `--extensions-dir=${join(temp, 'extensions')}`, ...extraArgs],
      extensionTestsEnv: { CLOSER_VSCODE_RESULTS: results, CLOSER_VSCODE_SUITE: kind, CLOSER_VSCODE_ONLY: process.env.CLOSER_VSCODE_ONLY ?? '', ...team?.env },
    });
  } catch (error) {
    exitCode = (error as { code?: number }).code ?? 1;
  }
  expect(existsSync(results), 'the suites wrote no results: the host never ran them').toBe(true);
  const stats = JSON.parse(readFileSync(results, 'utf8')) as { passes: number; failures: number; failed: { title: string; error: string }[] };
  return { ...stats, exitCode };
}

test('the mocha suites pass inside the real VS Code extension host', async () => {
  const stats = await runInHost('test');
  console.log(`VS Code extension host (mocha): ${stats.passes} passed, ${stats.failures} failed`);
  expect(stats.failed).toEqual([]);
  // All the suites, unless CLOSER_VSCODE_ONLY picked a few.
  if (!process.env.CLOSER_VSCODE_ONLY) expect(stats.passes).toBeGreaterThanOrEqual(25);
  expect(stats.exitCode).toBe(0);
});
