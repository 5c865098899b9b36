import { describe, expect, test } from 'vitest';
import { buildBundle, classifyMessage, parsePlaybook, prepareMessage, prepareQuery, searchPlaybooks, type Bundle } from '@closer/shared';
import { ENGINE_PLAYBOOK, engineBundle } from './engine-fixture.ts';

const intentOf = (message: string, bundle: Bundle = engineBundle()) => classifyMessage(message, bundle).intent;

function bundleOf(yaml: string): Bundle {
  const parsed = parsePlaybook(yaml, 'inline.playbook.yaml');
  return buildBundle([parsed]);
}

describe('classifyMessage', () => {
  test('recognises each intent from the triggers, in Chinese and English', () => {
    expect(intentOf('太贵了吧')).toBe('price');
    expect(intentOf('别家卖199')).toBe('comparison');
    expect(intentOf('我再想想吧')).toBe('hesitation');
    expect(intentOf('用了真的有效果吗')).toBe('doubt');
    expect(intentOf('好的，怎么付款')).toBe('buy_signal');
    expect(intentOf('Is there any discount?')).toBe('price');
    expect(intentOf('let me think about it')).toBe('hesitation');
  });

  test('returns every intent with a score in 0..1, best first, and evidence for the winner', () => {
    const result = classifyMessage('太贵了，能便宜点吗', engineBundle());
    expect(result.intents.map((evidence) => evidence.intent).sort()).toEqual(['buy_signal', 'comparison', 'doubt', 'hesitation', 'other', 'price']);
    for (const { score } of result.intents) expect(score).toBeGreaterThanOrEqual(0), expect(score).toBeLessThanOrEqual(1);
    const scores = result.intents.map((evidence) => evidence.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(result.intents[0]).toMatchObject({ intent: 'price', objection: 'too-expensive' });
    expect(result.intents[0]!.keyword).toBeDefined();
    expect(result.intents[0]!.example).toBeDefined();
  });

  test('what follows a contrast wins: "price is fine, but does it work" is doubt, not price', () => {
    expect(intentOf('价格倒是不贵，就是不知道效果')).toBe('doubt');
    expect(intentOf('东西挺好的，但是太贵了')).toBe('price');
    expect(intentOf("The price is fine, but I'm not sure it works")).toBe('doubt');
  });

  test('a denied clause does not count: "不是价格的问题" is not price', () => {
    expect(intentOf('不是价格的问题，我再想想')).toBe('hesitation');
    expect(intentOf("It's not about the price, let me think about it")).toBe('hesitation');
    expect(classifyMessage('价格不贵', engineBundle()).intents.find((e) => e.intent === 'price')!.score).toBeLessThan(0.5);
  });

  test('a negator that is part of how doubters talk ("没用") still counts', () => {
    expect(intentOf('怕买了没用')).toBe('doubt');
  });

  test('comparison wins over price when another shop is named', () => {
    const result = classifyMessage('别家便宜点，你们太贵了', engineBundle());
    expect(result.intent).toBe('comparison');
    expect(result.intents[1]!.intent).toBe('price');
  });

  test('greetings, small talk and emoji fall back to other', () => {
    expect(intentOf('你好')).toBe('other');
    expect(intentOf('今天天气真好')).toBe('other');
    expect(intentOf('😊👍')).toBe('other');
    expect(intentOf('hello there')).toBe('other');
  });

  test('an author who adds a trigger example changes the result without code', () => {
    const message = '钱包在哭泣';
    expect(intentOf(message)).toBe('other');
    const taught = bundleOf(ENGINE_PLAYBOOK.replace('        - 这个多少钱啊', '        - 这个多少钱啊\n        - 我的钱包在哭泣'));
    expect(intentOf(message, taught)).toBe('price');
  });

  test('bad input gives a sensible answer, never a throw', () => {
    const bundle = engineBundle();
    expect(intentOf('', bundle)).toBe('other');
    expect(intentOf('   \n\t ', bundle)).toBe('other');
    expect(intentOf('\u0000\u0007\u001b[31m太贵了\u0000', bundle)).toBe('price');
    expect(intentOf('<script>alert(1)</script><b>太贵了</b>', bundle)).toBe('price');
    expect(intentOf('&lt;b&gt;hello&lt;/b&gt;', bundle)).toBe('other');
    expect(intentOf(undefined as unknown as string, bundle)).toBe('other');
    const huge = '太贵了'.repeat(40_000) + '怎么下单';
    expect(huge.length).toBeGreaterThan(100_000);
    expect(['price', 'buy_signal']).toContain(intentOf(huge, bundle));
  });

  test('a bundle with no objections answers other for everything', () => {
    const empty = bundleOf('id: empty\ntitle: 空\n');
    const result = classifyMessage('太贵了', empty);
    expect(result.intent).toBe('other');
    expect(result.intents).toHaveLength(6);
  });

  test('a message classified again with the same bundle is the same answer, kept frozen; another bundle classifies afresh', () => {
    const bundle = engineBundle();
    const first = classifyMessage('能不能便宜一点', bundle);
    expect(classifyMessage('能不能便宜一点', bundle)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.intents) && Object.isFrozen(first.intents[0])).toBe(true);
    const other = buildBundle([parsePlaybook(ENGINE_PLAYBOOK, 'engine-test.playbook.yaml')]);
    expect(classifyMessage('能不能便宜一点', other)).not.toBe(first);
    expect(classifyMessage('能不能便宜一点', other)).toEqual(first);
    // Only the last few are kept: a long day of messages does not grow the worker.
    for (let index = 0; index < 100; index++) classifyMessage(`message ${index}`, bundle);
    expect(classifyMessage('能不能便宜一点', bundle)).not.toBe(first);
  });
});

describe('a message prepared before its bundle is there', () => {
  // A copy of the bundle is another object, so nothing classified or indexed for one is reused for the other.
  const fresh = (): Bundle => ({ ...engineBundle() });

  test('classifies as it does unprepared, whatever the message (prepareMessage, prepareQuery)', () => {
    const messages = ['太贵了，能不能便宜点', '我再考虑一下', 'too expensive for me', 'jg', '', '？？？', '别家更便宜'];
    const unprepared = messages.map((message) => classifyMessage(message, fresh()));
    for (const message of messages) prepareMessage(message);
    const bundle = fresh();
    expect(messages.map((message) => classifyMessage(message, bundle))).toEqual(unprepared);
    // A query is prepared as search classifies it: without its framing.
    const query = '客户说太贵了怎么回';
    const before = searchPlaybooks(query, fresh());
    prepareQuery(query);
    expect(searchPlaybooks(query, fresh())).toEqual(before);
  });
});
