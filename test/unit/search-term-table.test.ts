import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { searchTermTableSource } from '../scripts/search-term-table-source.ts';
import { termCategories } from '../../shared/src/engine/search-terms.ts';

describe('the search terms’ table', () => {
  it('is the one SEARCH_TERMS makes now (npm run search-term-table rewrites it)', () => {
    expect(readFileSync(new URL('../../shared/src/engine/search-term-table.ts', import.meta.url), 'utf8')).toBe(searchTermTableSource());
  });

  it('names the same categories as the terms worked out afresh', async () => {
    // The engine works the terms out itself when the table is not theirs: a copy of the module whose table is emptied.
    const { vi } = await import('vitest');
    vi.resetModules();
    vi.doMock('../../shared/src/engine/search-term-table.ts', () => ({ TABLE_TERMS: '', TERM_KEYS: '', SPELLED_TERMS: '', INITIALS_TERMS: '' }));
    const afresh = (await import('../../shared/src/engine/search-terms.ts')).termCategories;
    vi.doUnmock('../../shared/src/engine/search-term-table.ts');
    for (const query of ['价格太贵怎么回', 'bijia', 'po bing', 'bdhs', '逼丹', 'how to aks for the sale', 'testimonal', '第三步', 'xian shi you hui', 'cjxh', '客户只回了个👍']) {
      expect(termCategories(query), query).toEqual(afresh(query));
    }
    expect(termCategories('bijia').size).toBeGreaterThan(0);
  });
});
