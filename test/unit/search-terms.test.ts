import { describe, expect, test } from 'vitest';
import { searchPlaybooks } from '@closer/shared';
import { termCategories } from '../../shared/src/engine/search-terms.ts';
import { bigramReadings } from '../../shared/src/engine/pinyin-readings.ts';
import { engineBundle } from './engine-fixture.ts';

const categories = (query: string, limit = 3) => searchPlaybooks(query, engineBundle(), { limit }).map((result) => result.category);

describe('the method’s terms in search', () => {
  test('a coach’s term names its category, in Chinese, English and pinyin', () => {
    expect([...termCategories('客户一直拖延')]).toContainEqual(['hesitation', 1]);
    expect([...termCategories('how to break the ice? ice breaker')]).toContainEqual(['icebreak', 1]);
    expect([...termCategories('the customer keeps delaying')]).toContainEqual(['hesitation', 1]);
    expect([...termCategories('bi jia')]).toContainEqual(['comparison', 1]);
    expect(termCategories('你好')).toEqual(new Map());
  });

  test('a term the playbook never uses still finds the category’s scripts', () => {
    // The fixture says 考虑 and "think it over", never 没想好 or "undecided"; never 寒暄 or "greet".
    const text = JSON.stringify(engineBundle().playbooks.map((entry) => entry.playbook));
    expect(text).not.toMatch(/没想好|undecided|寒暄|greet/);
    expect(categories('客户说还没想好')).toContain('hesitation');
    expect(categories('an undecided customer')).toContain('hesitation');
    expect(categories('寒暄')).toContain('icebreak');
    expect(categories('greeting')).toContain('icebreak');
  });

  test('a script that says what the query says still comes before the category’s other scripts', () => {
    expect(searchPlaybooks('案例', engineBundle(), { limit: 1 })[0]!.id).toBe('send-case');
  });
});

describe('typing help', () => {
  test('a character of several readings is also read as in its word (便宜 pianyi)', () => {
    expect(bigramReadings('便宜')).toEqual([['bian', 'yi'], ['pian', 'yi']]);
    expect(bigramReadings('价格')).toEqual([['jia', 'ge']]);
    expect(categories('pianyi')).toContain('price');
  });

  test('two neighbouring letters swapped still find the word', () => {
    expect(categories('lgeit')).toContain('doubt');
  });
});
