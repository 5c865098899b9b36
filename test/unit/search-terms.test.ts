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

  test('a term typed by its initials, or with a wrong character of the same sound, still names its category', () => {
    expect([...termCategories('cjxh')]).toContainEqual(['buy_signal', 1]);
    expect([...termCategories('逼丹话术')]).toContainEqual(['push_close', 1]);
    // Two letters name too many words to stand for a term.
    expect([...termCategories('cj').keys()]).toEqual([]);
    // But a term's initials and those of 话术 ("the script for"): bdhs is 逼单话术.
    expect([...termCategories('bdhs')]).toContainEqual(['push_close', 1]);
    expect([...termCategories('bd huashu')]).toContainEqual(['push_close', 1]);
  });

  test('a term of several English words with one word a letter wrong, and a size asked for', () => {
    expect([...termCategories('how to aks for the sale')]).toContainEqual(['ask_close', 1]);
    // Two words wrong is another phrase.
    expect(termCategories('how to aks fro the sale').has('ask_close')).toBe(false);
    expect([...termCategories('客户问有没有l码')]).toContainEqual(['buy_signal', 1]);
    expect([...termCategories('38码还有吗')]).toContainEqual(['buy_signal', 1]);
    expect(termCategories('密码忘了').has('buy_signal')).toBe(false);
  });

  test('an emoji in the query is a customer who sent one: small talk or a way in', () => {
    expect(termCategories('客户只回了个👍').get('other')).toBe(1);
    expect(termCategories('he replied 😊').has('icebreak')).toBe(true);
  });

  test('a term inside a longer one the query says counts as the longer one', () => {
    // "review" names the doubt and the stories; "bad review" is a doubt to answer, no story.
    expect(termCategories('a review').get('story')).toBe(0.8);
    expect(termCategories('they read a bad review').get('doubt')).toBe(1);
    expect(termCategories('they read a bad review').has('story')).toBe(false);
  });

  test('a golden-model step named by its number is that step, above the others', () => {
    expect(termCategories('黄金销售模型第三步').get('consider')).toBeGreaterThan(termCategories('黄金销售模型第三步').get('icebreak')!);
    expect(termCategories('what is step 4').get('ask_close')).toBe(1.5);
    expect(termCategories('the second step of the golden model').get('introduce')).toBe(1.5);
    expect(termCategories('第九步').size).toBe(0);
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

  test('a run of initials is read as words, pair by pair (jgt: 价格…)', () => {
    expect(categories('jgt')).toContain('price');
  });

  test('two neighbouring letters swapped still find the word', () => {
    expect(categories('lgeit')).toContain('doubt');
  });
});
