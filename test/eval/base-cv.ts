// Leave-one-trade-out over the base corpus: each trade's messages are classified by a model
// learnt from the other eleven (with the default playbooks, or alone). This is the development
// set for the classifier's settings, so the held-out evaluation set (test/fixtures/eval) is only
// ever measured, never tuned on. Run: npx tsx test/eval/base-cv.ts [--alone] [--errors]
import path from 'node:path';
import { buildBundle, classifyMessage, compactCorpus, INTENTS, type Intent } from '@closer/shared';
import { defaultPlaybooksDir, loadPlaybookFiles, readBaseCorpusRows } from '@closer/shared/node';

const alone = process.argv.includes('--alone');
const { rows } = readBaseCorpusRows();
const trades = [...new Set(rows.map((row) => path.basename(row.file, '.tsv')))];
const playbooks = alone ? [] : await loadPlaybookFiles([defaultPlaybooksDir()]);
const confusion = Object.fromEntries(INTENTS.map((a) => [a, Object.fromEntries(INTENTS.map((b) => [b, 0]))])) as Record<Intent, Record<Intent, number>>;
let right = 0;
const errors: string[] = [];
for (const trade of trades) {
  const inTrade = (row: (typeof rows)[number]): boolean => path.basename(row.file, '.tsv') === trade;
  const bundle = buildBundle(playbooks, { base: compactCorpus(rows.filter((row) => !inTrade(row)), 'cv') });
  let tradeRight = 0;
  const held = rows.filter(inTrade);
  for (const row of held) {
    const predicted = classifyMessage(row.message, bundle).intent;
    confusion[row.intent][predicted]++;
    if (predicted === row.intent) tradeRight++;
    else if (process.argv.includes('--errors')) errors.push(`${row.intent} → ${predicted}  ${row.message}`);
  }
  right += tradeRight;
  console.log(`${trade.padEnd(16)} ${(tradeRight / held.length * 100).toFixed(1)}%  (${held.length})`);
}
console.log(`\nleave-one-trade-out accuracy ${(right / rows.length * 100).toFixed(1)}% over ${rows.length} messages${alone ? ' (base corpus alone)' : ' (with the default playbooks)'}`);
for (const error of errors) console.log('  ' + error);
console.log(' '.repeat(12) + INTENTS.map((id) => id.slice(0, 9).padStart(10)).join(''));
for (const expected of INTENTS) console.log(expected.padEnd(12) + INTENTS.map((predicted) => String(confusion[expected][predicted]).padStart(10)).join(''));
