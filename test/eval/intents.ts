// `npm run eval`: how well the engine recognises intents and finds scripts on our own sets.
// Options: --errors (list every misclassified message and missed query), --bundle FILE.
import { readFileSync } from 'node:fs';
import { INTENTS, loadBundle } from '@closer/shared';
import { defaultBundle, evaluateIntents, evaluateSearch, readIntentSet, readSearchSet, searchWithEngine } from './evaluate.ts';

const args = process.argv.slice(2);
const bundleAt = args.indexOf('--bundle');
const bundle = bundleAt >= 0 ? loadBundle(readFileSync(args[bundleAt + 1]!, 'utf8')) : await defaultBundle();
const percent = (value: number): string => (value * 100).toFixed(1).padStart(5) + '%';

const intents = evaluateIntents(bundle, readIntentSet());
console.log(`Intent recognition on test/fixtures/intents.tsv (${intents.total} messages)\n`);
console.log('intent        support  accuracy  precision     F1');
for (const intent of INTENTS) {
  const row = intents.perIntent[intent];
  console.log(`${intent.padEnd(12)}  ${String(row.support).padStart(7)}  ${percent(row.recall)}   ${percent(row.precision)}  ${percent(row.f1)}`);
}
console.log(`\noverall accuracy ${percent(intents.accuracy)}   macro-F1 ${intents.macroF1.toFixed(3)}\n`);
const short = (intent: string): string => intent.slice(0, 9).padStart(10);
console.log('confusion (rows: expected, columns: predicted)');
console.log(' '.repeat(12) + INTENTS.map(short).join(''));
for (const expected of INTENTS) console.log(expected.padEnd(12) + INTENTS.map((predicted) => String(intents.confusion[expected][predicted]).padStart(10)).join(''));

const search = evaluateSearch(searchWithEngine(bundle), readSearchSet());
console.log(`\nSearch on test/fixtures/search-queries.tsv (${search.total} queries): hit@1 ${percent(search.hitAt1)}   hit@3 ${percent(search.hitAt3)}`);

if (args.includes('--errors')) {
  console.log('\nmisclassified:');
  for (const error of intents.errors) console.log(`  intents.tsv:${error.line}  ${error.label} → ${error.predicted}  ${error.message}`);
  console.log('\nsearch misses (top 3 categories):');
  for (const miss of search.misses) console.log(`  ${miss.query}  wants ${miss.categories.join('|')}, got ${miss.got.join(', ') || 'nothing'}`);
}
