import { describe, expect, test } from 'vitest';
import { buildBundle, buildSearchIndex, parsePlaybook, searchEntries, searchIndex, searchPlaybooks, withoutFraming } from '@closer/shared';
import { engineBundle } from './engine-fixture.ts';

const top = (query: string, limit = 3) => searchPlaybooks(query, engineBundle(), { limit });
const ids = (query: string, limit = 3) => top(query, limit).map((result) => result.id);

describe('searchPlaybooks', () => {
  test('indexes replies, principles, stories, steps and guides with their contract categories', () => {
    const entries = searchEntries(engineBundle());
    const category = (kind: string, id: string) => entries.find((entry) => entry.kind === kind && entry.id === id)?.category;
    expect(category('reply', 'price-value')).toBe('price');
    expect(category('principle', 'other-shop')).toBe('comparison');
    expect(category('story', 'busy-mom')).toBe('story');
    expect(category('step', 'resolve_doubt')).toBe('resolve_doubt');
    expect(category('reply', 'limited-offer')).toBe('consider');
    expect(category('guide', 'story-snowball')).toBe('story');
    expect(category('reply', 'story-lead-in')).toBe('story');
  });

  test('a two-character Chinese query finds its scripts', () => {
    expect(top('破冰')[0]).toMatchObject({ id: 'icebreak', category: 'icebreak' });
    expect(top('故事')[0]!.category).toBe('story');
    expect(top('案例')[0]!.id).toBe('send-case');
  });

  test('pinyin in full and as initials finds the Chinese', () => {
    expect(top('pobing')[0]!.id).toBe('icebreak');
    expect(top('po bing')[0]!.id).toBe('icebreak');
    expect(top('gushi')[0]!.category).toBe('story');
    expect(top('jiage')[0]!.category).toBe('price');
    expect(ids('jg', 5)).toContain('price-budget');
  });

  test('a Chinese typo with the same sound still finds it', () => {
    expect(top('价个')[0]!.category).toBe('price');
  });

  test('English, including trigger keywords and typos', () => {
    expect(top('discount')[0]!.category).toBe('price');
    expect(top('discuont')[0]!.category).toBe('price');
    expect(top('competitor')[0]!.category).toBe('comparison');
    expect(top('break the ice')[0]!.id).toBe('icebreak');
    expect(top('break the ice')[0]!.title).toBe('Break the ice');
  });

  test('word order does not matter', () => {
    expect(top('效果 案例')[0]!.id).toBe(top('案例 效果')[0]!.id);
  });

  test('results carry the contract fields and scores in 0..1, best first', () => {
    const results = top('价值', 5);
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(Object.keys(result)).toEqual(expect.arrayContaining(['id', 'title', 'text', 'category', 'score']));
      expect(result.score).toBeGreaterThan(0);
      expect(result.score).toBeLessThanOrEqual(1);
    }
    const scores = results.map((result) => result.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  test('bad input: empty, blank, emoji, control characters, HTML, huge, no limit', () => {
    expect(top('')).toEqual([]);
    expect(top('   ')).toEqual([]);
    expect(top('😊')).toEqual([]);
    expect(top('\u0000\u0007')).toEqual([]);
    expect(top('<b>破冰</b>')[0]!.id).toBe('icebreak');
    expect(top('破冰'.repeat(50_000))[0]!.id).toBe('icebreak');
    expect(searchPlaybooks('破冰', engineBundle(), { limit: 0 })).toEqual([]);
    expect(searchPlaybooks(null as unknown as string, engineBundle())).toEqual([]);
  });

  test('each category the query names has its best entry among the first three; the best stays first', () => {
    const entry = (id: string, category: string, kind: 'reply' | 'principle', text: string) =>
      ({ id, kind, category, title: text, text, playbook: 'p', file: 'p.playbook.yaml', line: 1 });
    const index = buildSearchIndex([
      entry('push-1', 'push_close', 'reply', '客户没声了 逼一下'),
      entry('push-2', 'push_close', 'reply', '客户没声了 再逼一下'),
      entry('push-3', 'push_close', 'reply', '客户没声了 最后一推'),
      entry('wait', 'hesitation', 'principle', '给空间，不催'),
      entry('other', 'other', 'reply', '客户说谢谢'),
    ]);
    const plain = searchIndex(index, '客户没声了', { limit: 5 });
    expect(plain.slice(0, 3).map((hit) => hit.category)).toEqual(['push_close', 'push_close', 'push_close']);
    const named = searchIndex(index, '客户没声了', { limit: 5, anchors: new Map([['push_close', 1], ['hesitation', 0.8]]) });
    expect(named[0]!.id).toBe(plain[0]!.id);
    expect(named.slice(0, 3).map((hit) => hit.category)).toContain('hesitation');
    // The repeated one made room and comes next; scores still fall down the list.
    expect(named.map((hit) => hit.id)).toContain('push-3');
    for (let at = 1; at < named.length; at++) expect(named[at]!.score).toBeLessThanOrEqual(named[at - 1]!.score);
  });

  test('an empty bundle and an empty index find nothing', () => {
    const empty = buildBundle([parsePlaybook('id: empty\ntitle: 空\n', 'empty.playbook.yaml')]);
    expect(searchPlaybooks('价格', empty)).toEqual([]);
    expect(searchIndex(buildSearchIndex([]), 'jiage')).toEqual([]);
  });

  test('a step of another sequence is filed under what it serves, and results say where they come from', () => {
    const visits = `id: visits
title: 拜访
sequences:
  - id: visit
    title: 客户拜访
    steps:
      - id: visit_budget
        title: 问预算
        goal: 弄清客户的预算和决策人
        serves: introduce
        replies:
          - id: visit-budget-ask
            label: 问预算
            text: 这次项目大概有多少预算？
`;
    const bundle = buildBundle([parsePlaybook(visits, 'visits.playbook.yaml')]);
    const [step] = searchPlaybooks('预算', bundle, { limit: 1 });
    expect(step).toMatchObject({ category: 'introduce', sequence: 'visit', step: 'visit_budget' });
    expect(searchEntries(bundle).find((entry) => entry.id === 'visit-budget-ask')).toMatchObject({ category: 'introduce', sequence: 'visit', step: 'visit_budget' });
  });

  test('how a new hire frames a question does not outweigh its topic', () => {
    expect(withoutFraming('客户说太贵了怎么办')).toBe('太贵了');
    expect(withoutFraming('what to say when the customer says it is too expensive')).toBe('it is too expensive');
    expect(withoutFraming('怎么办')).toBe('怎么办');
    expect(top('客户说太贵了怎么回')[0]!.category).toMatch(/price|consider/);
  });
});

