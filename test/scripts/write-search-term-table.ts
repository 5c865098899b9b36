// Writes shared/src/engine/search-term-table.ts from SEARCH_TERMS: the terms' keys as matched and
// the Chinese ones' pinyin spellings, which a worker would otherwise work out at every start
// (about 2–3 ms of its first search). Run `npm run search-term-table` after changing the terms;
// a unit test checks the table is current.
import { writeFileSync } from 'node:fs';
import { searchTermTableSource } from './search-term-table-source.ts';

const target = new URL('../../shared/src/engine/search-term-table.ts', import.meta.url);
writeFileSync(target, searchTermTableSource());
console.log(`wrote ${target.pathname}`);
