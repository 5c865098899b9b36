// `npm run bench`: runs every benchmark in test/bench/ in turn; each prints its own figures
// and its ratio to the target named in its issue. Figures are printed, never asserted.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const only = process.argv.slice(2);
const benches = readdirSync(path.join(root, 'test/bench'))
  .filter((name) => /\.(ts|js)$/.test(name) && !name.startsWith('_'))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();
let failed = 0;
for (const name of benches) {
  console.log(`\n=== ${name}`);
  const result = spawnSync('npx', ['tsx', path.join('test/bench', name)], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
