// Runs inside the extension host (loaded through `extensionTestsPath`): every *.test.js beside
// this file under mocha, then writes the counts where the vitest runner reads them.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/** The bundle suite deletes the broken playbooks to build a clean bundle, so it runs last. */
const LAST = 'bundle.test.js';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  // CLOSER_VSCODE_SUITE=bench runs the benchmarks (*.bench.js) instead of the tests (*.test.js).
  const suffix = `.${process.env.CLOSER_VSCODE_SUITE ?? 'test'}.js`;
  // CLOSER_VSCODE_ONLY=completion,quick-fixes runs those files alone, for a quicker look while working.
  const only = (process.env.CLOSER_VSCODE_ONLY ?? '').split(',').filter(Boolean);
  const files = readdirSync(__dirname).filter((name) => name.endsWith(suffix) && (only.length === 0 || only.some((word) => name.startsWith(word)))).sort((a, b) => Number(a === LAST) - Number(b === LAST) || a.localeCompare(b));
  for (const file of files) mocha.addFile(join(__dirname, file));
  const failures: { title: string; error: string }[] = [];
  // The stand-in executable prints the host's console from this line on.
  console.log('closer-vscode mocha: start');
  return new Promise((done, fail) => {
    const runner = mocha.run((failed) => {
      const resultsFile = process.env.CLOSER_VSCODE_RESULTS;
      const stats = runner.stats ?? { passes: 0, failures: failed, pending: 0 };
      if (resultsFile) writeFileSync(resultsFile, JSON.stringify({ passes: stats.passes, failures: stats.failures, pending: stats.pending, failed: failures }));
      console.log(`closer-vscode mocha: ${stats.passes} passed, ${stats.failures} failed`);
      if (failed > 0) fail(new Error(`${failed} tests failed`));
      else done();
    });
    runner.on('fail', (test, error: Error) => failures.push({ title: test.fullTitle(), error: String(error?.message ?? error) }));
  });
}
