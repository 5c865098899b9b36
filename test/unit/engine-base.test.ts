// The core's base language of customer intents: its data files, how a bundle carries it, and
// how a small team playbook learns on top of it.
import { describe, expect, test } from 'vitest';
import { buildBundle, classifyMessage, compactCorpus, parseCorpusTsv, parsePlaybook, suggestReplies, INTENTS, type Bundle } from '@closer/shared';
import { loadBaseCorpus, readBaseCorpusRows } from '@closer/shared/node';
import { SortedRows } from '../../shared/src/engine/feature-rows.ts';
import { addPinyinFeatures, syllablesOf } from '../../shared/src/engine/pinyin-features.ts';
import { defaultBundle } from '../eval/evaluate.ts';
import { buildInitialsIndex, wordsForInitials } from '../../shared/src/engine/initials.ts';

const GYM = `id: gym
title: 健身房
objections:
  - id: gym-price
    intent: price
    title: 嫌贵
    principle: 先讲价值。
    triggers:
      keywords: [年卡太贵]
      examples: [私教课能不能打个折]
    replies:
      - id: gym-price-value
        label: 讲价值
        text: 年卡算下来每天不到三块钱。
  - id: gym-doubt
    intent: doubt
    title: 怀疑效果
    principle: 讲会员的故事。
    triggers:
      keywords: [没效果]
      examples: [练了会不会没用]
    replies:
      - id: gym-doubt-story
        label: 讲故事
        text: 上个月有位会员三个月减了八斤。
`;

function gym(withBase: boolean): Bundle {
  return buildBundle([parsePlaybook(GYM, 'gym.playbook.yaml')], withBase ? { base: loadBaseCorpus() } : {});
}

describe('the base corpus files', () => {
  test('at least 3,000 messages of at least 12 trades, every intent, about a quarter English, no problems', () => {
    const { rows, problems } = readBaseCorpusRows();
    expect(problems).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(3000);
    expect(new Set(rows.map((row) => row.file)).size).toBeGreaterThanOrEqual(12);
    for (const intent of INTENTS) expect(rows.filter((row) => row.intent === intent).length, intent).toBeGreaterThanOrEqual(300);
    const english = rows.filter((row) => !/[\u4e00-\u9fff]/.test(row.message)).length / rows.length;
    expect(english).toBeGreaterThan(0.2);
    expect(english).toBeLessThan(0.35);
  });

  test('a bad row is a problem naming its file and line, and the other rows are kept', () => {
    const text = 'intent\tsecond\tmessage\nprice\t\t太贵了\nexpensive\t\t太贵了吧\ndoubt\tprice\n\nbuy_signal\tnope\t怎么付款\nother\t\t你好\n';
    const { rows, problems } = parseCorpusTsv(text, 'x.tsv');
    expect(rows.map((row) => row.message)).toEqual(['太贵了', '你好']);
    expect(problems.map((problem) => `${problem.file}:${problem.line}`)).toEqual(['x.tsv:3', 'x.tsv:4', 'x.tsv:6']);
    expect(problems[0]!.message).toMatch(/"expensive" is not an intent/);
    expect(parseCorpusTsv('price\t\t太贵了\n', 'y.tsv').problems[0]!.message).toMatch(/header/);
  });

  test('the compact form keeps each message once, under its intent', () => {
    const { rows } = parseCorpusTsv('intent\tsecond\tmessage\nprice\t\t太贵了\nprice\t\t太贵了\ndoubt\t\t真的吗\n', 'x.tsv');
    expect(compactCorpus(rows, 'test')).toEqual({ name: 'test', intents: { price: ['太贵了'], doubt: ['真的吗'] } });
  });
});

describe('one model from base + team', () => {
  test('a gym playbook with two objections understands plain customers with the base, not without', () => {
    const messages = { 能便宜点吗: 'price', 我再考虑考虑: 'hesitation', 别家才三百一个月: 'comparison', 怎么付款: 'buy_signal', 'let me think about it': 'hesitation' } as const;
    const withBase = gym(true);
    for (const [message, intent] of Object.entries(messages)) expect(classifyMessage(message, withBase).intent, message).toBe(intent);
    const alone = gym(false);
    expect(Object.entries(messages).filter(([message, intent]) => classifyMessage(message, alone).intent === intent).length).toBeLessThan(3);
  });

  test('the evidence says whose example it was: the team’s or the base corpus’s', () => {
    const bundle = gym(true);
    const team = classifyMessage('私教课能不能打个折啊', bundle).intents[0]!;
    expect(team).toMatchObject({ intent: 'price', source: 'team', objection: 'gym-price' });
    const base = classifyMessage('我再考虑考虑', bundle).intents[0]!;
    expect(base).toMatchObject({ intent: 'hesitation', source: 'base' });
    expect(base.objection).toBeUndefined();
  });

  test('a team teaches its customers’ own words once: 米 for money', () => {
    const taught = GYM.replace('      examples: [私教课能不能打个折]', '      examples: [私教课能不能打个折, 最近米不够了]');
    const bundle = buildBundle([parsePlaybook(taught, 'gym.playbook.yaml')], { base: loadBaseCorpus() });
    expect(classifyMessage('这个月米不够了', bundle).intent).toBe('price');
  });

  test('an intent with no objection in the bundle is still reported, with the method’s principle', () => {
    const suggestion = suggestReplies('我再考虑考虑', {}, gym(true));
    expect(suggestion.intent).toBe('hesitation');
    expect(suggestion.uncovered?.intent).toBe('hesitation');
    expect(suggestion.uncovered?.principle).toMatch(/顾虑|放心不下|原因/);
    expect(suggestReplies('let me think about it', {}, gym(true)).uncovered?.principle).toMatch(/worries/);
    expect(suggestReplies('年卡太贵了', {}, gym(true)).uncovered).toBeUndefined();
  });
});

describe('the compiled base model', () => {
  const messages = ['太贵了', '别家便宜一百', '我再想想', '这个靠谱吗', '怎么下单', '你好', 'too expensive for me', 'pian yi dian', 'let me ask my wife'];
  const corpus = loadBaseCorpus();
  const { model: _compiled, ...uncompiled } = corpus;

  test('closer build compiles the counts into the bundle; classifying with them agrees with counting the messages', () => {
    expect(corpus.model?.lines?.split('\n').length).toBeGreaterThan(5000);
    const compiled = buildBundle([parsePlaybook(GYM, 'gym.playbook.yaml')], { base: corpus });
    const counted = buildBundle([parsePlaybook(GYM, 'gym.playbook.yaml')], { base: uncompiled });
    for (const message of messages) expect(classifyMessage(message, compiled).intent, message).toBe(classifyMessage(message, counted).intent);
  });

  test('a truncated model of the older form is not trusted (the messages are counted instead) and a damaged row counts as nothing, in either form; nothing throws', () => {
    // The older form (bundles built before 2026-12-04): features, and their counts on the same lines of a second text.
    const { lines, ...rest } = corpus.model!;
    const pairs = [...new SortedRows(lines!).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const older = { ...rest, features: pairs.map(([feature]) => feature).join('\n'), counts: pairs.map(([, counts]) => counts).join('\n'), sorted: true as const };
    const truncated = { ...corpus, model: { ...older, counts: older.counts.split('\n').slice(0, 100).join('\n') } };
    const damagedOlder = { ...corpus, model: { ...older, counts: older.counts.replace(/\d+:\d+/, 'x:y') } };
    // A truncated text of the current form reads as a smaller model: the bundle's hash is what refuses it.
    const damaged = { ...corpus, model: { ...corpus.model!, lines: lines!.replace(/\t\d+:\d+/, '\tx:y') } };
    const reference = buildBundle([parsePlaybook(GYM, 'gym.playbook.yaml')], { base: uncompiled });
    for (const base of [truncated, damagedOlder, damaged]) {
      const bundle = buildBundle([parsePlaybook(GYM, 'gym.playbook.yaml')], { base });
      for (const message of messages) expect(classifyMessage(message, bundle).intent, message).toBe(classifyMessage(message, reference).intent);
    }
  });
});

describe('sounds as features', () => {
  test('run-together pinyin is cut into syllables; English words mostly are not pinyin', () => {
    expect(syllablesOf('taiguile')).toEqual(['tai', 'gui', 'le']);
    expect(syllablesOf('pianyidian')).toEqual(['pian', 'yi', 'dian']);
    expect(syllablesOf('hello')).toBeUndefined();
    expect(syllablesOf('expensive')).toBeUndefined();
  });

  test('a homophone, typed pinyin and initials meet the characters they sound like', () => {
    const features = (text: string): Set<string> => {
      const found = new Set<string>();
      addPinyinFeatures(text, (feature) => found.add(feature));
      return found;
    };
    expect(features('太鬼了')).toContain('p:tai gui');
    expect(features('tai gui le')).toContain('p:tai gui');
    expect(features('taiguile')).toContain('p:tai gui');
    expect(features('价格')).toContain('i:jg');
    expect(features('jg')).toContain('i:jg');
  });

  test('太鬼了, pian yi dian and jg are understood with the base corpus', () => {
    const bundle = gym(true);
    expect(classifyMessage('太鬼了吧', bundle).intent).toBe('price');
    expect(classifyMessage('pian yi dian ba', bundle).intent).toBe('price');
  });
});

describe('pinyin initials alone', () => {
  test('"jg" reads as the word those initials most often stand for (价格): a price question', async () => {
    const bundle = await defaultBundle();
    expect(classifyMessage('jg', bundle).intent).toBe('price');
    expect(classifyMessage('yh', bundle).intent).toBe('price');
  });

  test('the initials index keeps the likeliest words per pair', () => {
    const index = buildInitialsIndex([['价格', 10], ['结果', 2], ['几个', 3], ['加个', 1], ['价', 50], ['jg', 9]]);
    expect(index.get('jg')!.map((candidate) => candidate.word)).toEqual(['价格', '几个', '结果']);
    const words = wordsForInitials('jg', index);
    expect([...words.keys()]).toEqual(['价格', '几个', '结果']);
    expect(words.get('价格')).toBeCloseTo(10 / 15);
  });
});

describe('reading the base corpus files', () => {
  test('a bad row is named by file and line and the rest is read; a missing folder is a problem, not a crash', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'closer-corpus-'));
    writeFileSync(path.join(dir, 'shop.tsv'), 'intent\tsecond\tmessage\nprice\t\t太贵了\npricey\t\t贵\n');
    const { rows, problems } = readBaseCorpusRows(dir);
    expect(rows.map((row) => row.message)).toEqual(['太贵了']);
    expect(problems).toHaveLength(1);
    expect(`${problems[0]!.file}:${problems[0]!.line}`).toMatch(/shop\.tsv:3$/);
    const missing = readBaseCorpusRows(path.join(dir, 'nope'));
    expect(missing.rows).toEqual([]);
    expect(missing.problems[0]!.message).toMatch(/cannot be read \(ENOENT\)/);
  });
});
