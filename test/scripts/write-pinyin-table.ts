// Writes shared/src/engine/pinyin-table.ts from pinyin-pro's dictionaries: each character's usual
// toneless reading (and whether it has others), and the dictionary's words with their readings in
// context. The core reads Chinese aloud from that table (pinyin-converter.ts) instead of loading
// pinyin-pro, whose dictionaries and word trie cost a worker and the CLI about 50 ms at every
// start. Run `npm run pinyin-table` after updating pinyin-pro; a unit test checks the table is current.
import { writeFileSync } from 'node:fs';
import { pinyinTableSource } from './pinyin-table-source.ts';

const target = new URL('../../shared/src/engine/pinyin-table.ts', import.meta.url);
writeFileSync(target, pinyinTableSource());
console.log(`wrote ${target.pathname}`);
