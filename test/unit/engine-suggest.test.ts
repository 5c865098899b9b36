import { describe, expect, test } from 'vitest';
import { buildBundle, conversationState, parsePlaybook, statsFactor, suggestReplies, type Bundle } from '@closer/shared';
import { engineBundle } from './engine-fixture.ts';

function bundleOf(yaml: string): Bundle {
  return buildBundle([parsePlaybook(yaml, 'inline.playbook.yaml')]);
}

describe('conversationState on the golden model', () => {
  const bundle = engineBundle();

  test('a new chat with small talk is at the first step', () => {
    expect(conversationState(bundle, {}, 'other')).toMatchObject({ sequence: 'golden', step: 'icebreak', next: 'introduce', reached: [] });
  });

  test('the customer’s intent moves the chat into the step that lists it', () => {
    expect(conversationState(bundle, {}, 'doubt')).toMatchObject({ step: 'resolve_doubt', next: 'push_close' });
    expect(conversationState(bundle, {}, 'price').step).toBe('consider');
    expect(conversationState(bundle, {}, 'buy_signal')).toMatchObject({ step: 'ask_close', next: 'resolve_doubt' });
  });

  test('replies used carry the chat forward; small talk then stays where it is', () => {
    const state = conversationState(bundle, { usedReplies: ['hello', 'bring-product'] }, 'other');
    expect(state).toMatchObject({ step: 'introduce', next: 'consider', reached: ['icebreak', 'introduce'] });
  });

  test('earlier customer messages count when a classifier is given', () => {
    const state = conversationState(bundle, { customerMessages: ['太贵了'] }, 'other', (message) => (message.includes('贵') ? 'price' : 'other'));
    expect(state.step).toBe('consider');
  });

  test('a bundle without a sequence has no step', () => {
    expect(conversationState(bundleOf('id: empty\ntitle: 空\n'), {}, 'price')).toEqual({ step: null, next: null, reached: [] });
  });
});

describe('suggestReplies', () => {
  const bundle = engineBundle();

  test('ranks the matched objection’s replies first, with a one-glance why', () => {
    const suggestion = suggestReplies('太贵了，便宜点吧', {}, bundle);
    expect(suggestion.intent).toBe('price');
    expect(suggestion.step).toBe('consider');
    expect(suggestion.replies[0]!.id).toBe('price-value');
    expect(suggestion.replies[0]!.why).toContain('嫌贵');
    const scores = suggestion.replies.map((reply) => reply.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  test('never suggests a reply already used in this conversation first', () => {
    const suggestion = suggestReplies('太贵了，便宜点吧', { usedReplies: ['price-value'] }, bundle);
    expect(suggestion.replies[0]!.id).not.toBe('price-value');
    const used = suggestion.replies.find((reply) => reply.id === 'price-value');
    expect(used?.used).toBe(true);
    expect(suggestion.replies.indexOf(used!)).toBe(suggestion.replies.length - 1);
  });

  test('fills variables from the values given, then the defaults, and reports what is missing', () => {
    const plain = suggestReplies('太贵了', {}, bundle, { limit: 10 });
    expect(plain.replies.find((reply) => reply.id === 'price-value')!.text).toContain('训练营');
    const budget = plain.replies.find((reply) => reply.id === 'price-budget')!;
    expect(budget.missing).toEqual(['price']);
    expect(budget.text).not.toContain('{{');
    const given = suggestReplies('太贵了', {}, bundle, { limit: 10, values: { product: '私教课', price: '999元' } });
    expect(given.replies.find((reply) => reply.id === 'price-value')!.text).toContain('私教课');
    expect(given.replies.find((reply) => reply.id === 'price-budget')!.text).toContain('999元');
  });

  test('offers stories when the customer doubts, and only then', () => {
    const doubt = suggestReplies('这个真的有效果吗', {}, bundle);
    expect(doubt.intent).toBe('doubt');
    expect(doubt.stories.map((story) => story.id)).toEqual(['busy-mom']);
    expect(doubt.stories[0]!.text).toContain('三个月后');
    expect(suggestReplies('太贵了', {}, bundle).stories).toEqual([]);
  });

  test('answers in the customer’s language unless told otherwise', () => {
    const english = suggestReplies('That is too expensive, any discount?', {}, bundle);
    expect(english.language).toBe('en');
    expect(english.replies[0]!.id).toBe('price-value-en');
    expect(english.replies[0]!.why).toContain('Too expensive');
    const chinese = suggestReplies('That is too expensive', {}, bundle, { language: 'zh-CN' });
    expect(chinese.replies[0]!.id).toBe('price-value');
  });

  test('respects the limit', () => {
    expect(suggestReplies('太贵了', {}, bundle, { limit: 1 }).replies).toHaveLength(1);
    expect(suggestReplies('太贵了', {}, bundle, { limit: 0 }).replies).toHaveLength(0);
  });

  test('win statistics lift a reply that closes over one listed before it', () => {
    const withStats: Bundle = { ...bundle, stats: { 'price-budget': { uses: 40, wins: 36 }, 'price-value': { uses: 40, wins: 4 } } };
    const ranked = suggestReplies('太贵了', {}, withStats, { limit: 10 }).replies.map((reply) => reply.id);
    expect(ranked.indexOf('price-budget')).toBeLessThan(ranked.indexOf('price-value'));
    expect(suggestReplies('太贵了', {}, withStats).replies.find((reply) => reply.id === 'price-budget')!.why).toContain('36/40');
    expect(statsFactor(undefined, 'x')).toBe(1);
    expect(statsFactor({ x: { uses: 2, wins: 2 } }, 'x')).toBeLessThan(statsFactor({ x: { uses: 50, wins: 50 } }, 'x'));
  });

  test('earlier customer messages place the chat on the golden model', () => {
    expect(suggestReplies('嗯嗯', { customerMessages: ['这个真的有效果吗'] }, bundle).step).toBe('resolve_doubt');
    expect(suggestReplies('嗯嗯', {}, bundle).step).toBe('icebreak');
  });

  test('small talk gets the current step’s replies', () => {
    const suggestion = suggestReplies('你好呀', {}, bundle);
    expect(suggestion.intent).toBe('other');
    expect(suggestion.replies[0]!.id).toBe('hello');
  });

  test('bad input: empty, huge, emoji, control characters, HTML, a bundle with no objections', () => {
    for (const message of ['', '😂😂😂', '\u0000\u0001\u0002', '<img src=x onerror=alert(1)>', 'x'.repeat(100_000)]) {
      const suggestion = suggestReplies(message, {}, bundle);
      expect(suggestion.intent).toBe('other');
      expect(Array.isArray(suggestion.replies)).toBe(true);
    }
    const html = suggestReplies('<b>太贵了</b>', {}, bundle);
    expect(html.intent).toBe('price');
    const empty = suggestReplies('太贵了', { usedReplies: ['nope'] }, bundleOf('id: empty\ntitle: 空\n'));
    expect(empty).toMatchObject({ intent: 'other', step: null, replies: [], stories: [] });
  });
});
