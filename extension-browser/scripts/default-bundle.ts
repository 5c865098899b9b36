// Compiles the repository's default playbooks into the bundle the extension ships with.
// Usage: node --import tsx scripts/default-bundle.ts OUT.json
// Any lint error stops the build with the diagnostics, so a broken playbook never ships.
import { writeFileSync } from 'node:fs';
import { buildBundle, formatDiagnostic, lintPlaybooks, precompileBundle } from '@closer/shared';
import { defaultPlaybooksDir, loadBaseCorpus, loadPlaybookFiles } from '@closer/shared/node';

const out = process.argv[2];
if (!out) {
  console.error('usage: default-bundle.ts OUT.json');
  process.exit(2);
}
const parsed = await loadPlaybookFiles([defaultPlaybooksDir()]);
const errors = lintPlaybooks(parsed).filter((d) => d.severity === 'error');
if (errors.length > 0) {
  for (const d of errors) console.error(formatDiagnostic(d));
  console.error(`default-bundle: ${errors.length} error(s) in the default playbooks; not building`);
  process.exit(1);
}
if (parsed.length === 0) console.warn(`default-bundle: no playbooks in ${defaultPlaybooksDir()}; the extension will suggest nothing until a bundle is imported`);
// Precompiled like closer build's, so the extension's first suggestion after a restart rebuilds nothing.
writeFileSync(out, JSON.stringify(precompileBundle(buildBundle(parsed, { base: loadBaseCorpus() }))));
console.log(`default-bundle: ${parsed.length} playbook(s) → ${out}`);
