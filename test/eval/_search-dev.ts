// Prints one development set's search figures and its misses with the top results (a tool for tuning on development sets only; it refuses the held-out ones).
import path from 'node:path';
import { defaultBundle, evaluateSearch, readSearchSet } from './evaluate.ts';
import { searchPlaybooks } from '@closer/shared';
const file = path.resolve(process.argv[2] ?? '');
if (!file.includes(`${path.sep}fixtures${path.sep}dev${path.sep}`)) throw new Error('give a development set (test/fixtures/dev/*.tsv): a held-out set\'s queries are never printed (npm run eval prints its figures)');
const bundle = await defaultBundle();
const report = evaluateSearch((q) => searchPlaybooks(q, bundle, { limit: 10 }), readSearchSet(file));
console.log(`hit@1 ${(report.hitAt1 * 100).toFixed(1)} hit@3 ${(report.hitAt3 * 100).toFixed(1)} MRR ${report.mrr.toFixed(3)} (${report.total})`);
for (const miss of report.misses) {
  console.log(`\n${miss.query}  wants ${miss.categories.join('|')}`);
  for (const hit of searchPlaybooks(miss.query, bundle, { limit: 4 })) console.log(`   ${hit.score.toFixed(2)} ${hit.category.padEnd(13)} ${String(hit.title).slice(0, 50)}`);
}
