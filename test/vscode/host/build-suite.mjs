import { build } from 'esbuild';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const suite = join(dirname(fileURLToPath(import.meta.url)), '../suite');
// Compiled suites go to test/vscode/dist/suite (git-ignored); stale ones are removed first.
rmSync(join(suite, '../dist'), { recursive: true, force: true });
await build({
  entryPoints: readdirSync(suite).filter((f) => f.endsWith('.ts')).map((f) => join(suite, f)),
  outdir: join(suite, '../dist/suite'),
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'mocha'], logLevel: 'warning',
});
// The repository is an ES module package; the extension host loads the suite with require().
writeFileSync(join(suite, '../dist/suite/package.json'), '{"type":"commonjs"}\n');
