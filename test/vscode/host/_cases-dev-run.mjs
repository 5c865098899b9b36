// Dev-only: compile index + my suite into a temp dir and run it in the real host.
import { build } from 'esbuild';
import { cpSync, mkdtempSync, readdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
const ROOT = '/work/main';
const out = mkdtempSync(join(tmpdir(), 'cases-suite-'));
await build({ entryPoints: [join(ROOT, 'test/vscode/suite/index.ts'), join(ROOT, 'test/vscode/suite/cases-review.test.ts')], outdir: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'mocha'], logLevel: 'warning' });
writeFileSync(join(out, 'package.json'), '{"type":"commonjs"}\n');
const temp = mkdtempSync(join(tmpdir(), 'cases-vs-'));
const ws = join(temp, 'workspace');
cpSync(join(ROOT, 'test/fixtures/vscode-workspace'), ws, { recursive: true });
const results = join(temp, 'results.json');
let code;
try {
  code = await runTests({ vscodeExecutablePath: join(ROOT, 'test/vscode/host/code-stand-in.mjs'), extensionDevelopmentPath: join(ROOT, 'extension-vscode'), extensionTestsPath: join(out, 'index.js'), launchArgs: [ws, `--user-data-dir=${join(temp, 'ud')}`, `--extensions-dir=${join(temp, 'ext')}`], extensionTestsEnv: { CLOSER_VSCODE_RESULTS: results } });
} catch (e) { code = e.code ?? 1; }
console.log('exit', code, existsSync(results) ? readFileSync(results, 'utf8') : 'no results');
