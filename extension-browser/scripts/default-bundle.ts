// Compiles the repository's default playbooks into the bundle the extension ships with.
// Usage: node --import tsx scripts/default-bundle.ts OUT.json
// Any lint error stops the build with the diagnostics, so a broken playbook never ships.
import { writeFileSync } from 'node:fs';

const out = process.argv[2];
if (!out) {
  console.error('usage: default-bundle.ts OUT.json');
  process.exit(2);
}

// TEMPORARY until the core's bundle API lands: a one-objection bundle so the extension loads.
const STUB = {
  format: 'closer-bundle', version: 1, hash: 'stub',
  playbooks: [{ file: 'stub.playbook.yaml', lines: {}, playbook: {
    id: 'stub', title: 'Stub',
    variables: { product: { label: { 'zh-CN': '产品', en: 'Product' }, default: '这款产品' } },
    objections: [{ id: 'price', intent: 'price', title: { 'zh-CN': '嫌贵', en: 'Too expensive' },
      principle: { 'zh-CN': '先谈价值，再谈价格。', en: 'Value first, then price.' },
      triggers: { keywords: ['贵', 'expensive'] },
      replies: [{ id: 'price-value-first', label: '先谈价值', text: '{{product}}贵在用料，用三年算下来每天不到一块钱。' }] }],
  } }],
};

let core: typeof import('@closer/shared') & typeof import('@closer/shared/node');
try {
  core = { ...(await import('@closer/shared')), ...(await import('@closer/shared/node')) };
} catch (error) {
  console.warn(`default-bundle: the core is not ready (${(error as Error).message}); writing a stub bundle`);
  writeFileSync(out, JSON.stringify(STUB));
  process.exit(0);
}
const { buildBundle, formatDiagnostic, lintPlaybooks, defaultPlaybooksDir, loadPlaybookFiles } = core;
const parsed = await loadPlaybookFiles([defaultPlaybooksDir()]);
const diagnostics = lintPlaybooks(parsed);
const errors = diagnostics.filter((d) => d.severity === 'error');
if (errors.length > 0) {
  for (const d of errors) console.error(formatDiagnostic(d));
  console.error(`default-bundle: ${errors.length} error(s) in the default playbooks; not building`);
  process.exit(1);
}
writeFileSync(out, JSON.stringify(buildBundle(parsed)));
console.log(`default-bundle: ${parsed.length} playbook(s) → ${out}`);
