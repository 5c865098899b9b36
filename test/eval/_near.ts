// Development sets only: queries whose first accepted category is at rank 2-6 (ranking, not vocabulary).
import { defaultBundle, readSearchSet } from './evaluate.ts';
import { searchPlaybooks } from '@closer/shared';
const bundle = await defaultBundle();
for (const file of process.argv.slice(2)) {
  if (file.includes('/eval/')) throw new Error('held out');
  for (const { query, categories } of readSearchSet(file)) {
    const hits = searchPlaybooks(query, bundle, { limit: 8 });
    const at = hits.findIndex((hit) => categories.includes(hit.category));
    if (at >= 3 || at === -1) console.log(`${at === -1 ? '-' : at + 1}  ${query}  wants ${categories.join('|')}  got ${hits.slice(0, 5).map((h) => `${h.category}:${h.score.toFixed(2)}`).join(' ')}`);
  }
}
