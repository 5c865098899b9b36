import { build } from 'esbuild';
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const suite = join(dirname(fileURLToPath(import.meta.url)), '../suite');
await build({
  entryPoints: readdirSync(suite).filter((f) => f.endsWith('.ts')).map((f) => join(suite, f)),
  outdir: join(suite, '../dist/suite'),
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'mocha'], logLevel: 'warning',
});
// The repository is an ES module package; the extension host loads the suite with require().
writeFileSync(join(suite, '../dist/suite/package.json'), '{"type":"commonjs"}\n');
