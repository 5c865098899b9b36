import { describe, expect, test } from 'vitest';
import {
  buildBundle,
  chatCueOf,
  conversationState,
  GOLDEN_STEPS,
  GOLDEN_TRANSITIONS,
  parsePlaybook,
  statsFactor,
  suggestReplies,
  transitionFor,
  type Bundle,
  type GoldenEvent,
  type GoldenState,
  type Intent,
} from '@closer/shared';
import { engineBundle } from './engine-fixture.ts';

function bundleOf(yaml: string): Bundle {
  return buildBundle([parsePlaybook(yaml, 'inline.playbook.yaml')]);
}

describe('conversationState on the golden model', () => {
  const bundle = engineBundle();
  const now = (message: string, intent: Intent) => ({ message, intent });
  // A stand-in classifier for earlier messages, so these tests check the state machine alone.
  const intentOf = (message: string): Intent =>
    /贵|便宜/.test(message) ? 'price' : /考虑|再说/.test(message) ? 'hesitation' : /有用|真的/.test(message) ? 'doubt' : /付款|下单/.test(message) ? 'buy_signal' : 'other';

  test('a new chat with small talk is at the first step', () => {
    expect(conversationState(bundle, {}, now('你好', 'other'))).toMatchObject({ sequence: 'golden', step: 'icebreak', next: 'introduce', reached: [] });
  });

  test('a product question after a greeting brings the product in', () => {
    expect(conversationState(bundle, { customerMessages: ['你好'] }, now('这个课适合零基础吗', 'other'), intentOf).step).toBe('introduce');
    expect(conversationState(bundle, { customerMessages: ['hi there'] }, now('what does the plan include?', 'other'), intentOf).step).toBe('introduce');
  });

  test('the customer’s intent moves the chat into its step', () => {
    expect(conversationState(bundle, {}, now('有用吗', 'doubt'))).toMatchObject({ step: 'resolve_doubt', next: 'push_close' });
    expect(conversationState(bundle, {}, now('太贵了', 'price')).step).toBe('consider');
    expect(conversationState(bundle, {}, now('怎么付款', 'buy_signal'))).toMatchObject({ step: 'ask_close', next: 'resolve_doubt' });
  });

  test('an acknowledgement after a doubt was answered is the push to close', () => {
    const state = conversationState(bundle, { customerMessages: ['你好', '这个真的有用吗'] }, now('哦哦那还好', 'other'), intentOf);
    expect(state.step).toBe('push_close');
    expect(state.why).toMatch(/doubt/);
  });

  test('a repeated hesitation after the offer is the push to close; the first one is considering', () => {
    expect(conversationState(bundle, { customerMessages: ['你好'] }, now('我再考虑考虑', 'hesitation'), intentOf).step).toBe('consider');
    // Right after "too expensive", "let me think" still weighs time and money.
    expect(conversationState(bundle, { customerMessages: ['太贵了'] }, now('我再考虑考虑', 'hesitation'), intentOf).step).toBe('consider');
    expect(conversationState(bundle, { customerMessages: ['我再考虑考虑'] }, now('还是再说吧', 'hesitation'), intentOf).step).toBe('push_close');
    expect(conversationState(bundle, { customerMessages: ['太贵了', '今天好热'] }, now('我再考虑考虑', 'hesitation'), intentOf).step).toBe('push_close');
    expect(conversationState(bundle, { usedReplies: ['price-value'] }, now('let me think about it', 'hesitation'), intentOf).step).toBe('push_close');
  });

  test('a buying signal once the doubt is resolved is met with the push to close', () => {
    expect(conversationState(bundle, { customerMessages: ['这个真的有用吗'] }, now('那怎么付款', 'buy_signal'), intentOf).step).toBe('push_close');
  });

  test('in the opening, an objection the classifier is unsure of is read as a question or small talk', () => {
    expect(conversationState(bundle, { customerMessages: ['你好'] }, { message: '这款和那款有什么不同', intent: 'comparison', score: 0.3 }, intentOf).step).toBe('introduce');
    expect(conversationState(bundle, { customerMessages: ['你好'] }, { message: '这款和那款有什么不同', intent: 'comparison', score: 0.8 }, intentOf).step).toBe('consider');
  });

  test('replies used carry the chat forward; small talk then stays where it is', () => {
    const state = conversationState(bundle, { usedReplies: ['hello', 'bring-product'] }, now('今天好热', 'other'));
    expect(state).toMatchObject({ step: 'introduce', next: 'consider', reached: ['icebreak', 'introduce'] });
  });

  test('small talk in the middle of a sale keeps the step', () => {
    expect(conversationState(bundle, { customerMessages: ['太贵了'] }, now('今天好热啊', 'other'), intentOf).step).toBe('consider');
  });

  test('a bundle without a sequence still has the golden model’s steps', () => {
    expect(conversationState(bundleOf('id: empty\ntitle: 空\n'), {}, now('太贵了', 'price'))).toMatchObject({ step: 'consider', next: 'ask_close', reached: [] });
  });

  test('a long history costs a bounded number of classifications, and non-strings are skipped', () => {
    let calls = 0;
    const history = [...Array.from({ length: 10_000 }, (_, i) => `消息 ${i}`), 42 as unknown as string];
    conversationState(bundle, { customerMessages: history }, now('好的', 'other'), () => (calls++, 'other'));
    expect(calls).toBeLessThanOrEqual(12);
  });
});

describe('the golden transition table', () => {
  test('every state has a row for every event, and every row says why', () => {
    const states: GoldenState[] = ['start', ...GOLDEN_STEPS];
    const events: GoldenEvent[] = ['greeting', 'question', 'ack', 'silence', 'chat', 'price', 'comparison', 'hesitation', 'hesitation_again', 'doubt', 'buy_signal'];
    for (const state of states) for (const event of events) expect(transitionFor(state, event), `${state} + ${event}`).toBeDefined();
    for (const row of GOLDEN_TRANSITIONS) expect(row.because.length).toBeGreaterThan(10);
  });

  test('every golden step can be reached', () => {
    const reached = new Set(GOLDEN_TRANSITIONS.map((row) => row.to));
    for (const step of GOLDEN_STEPS) expect(reached, step).toContain(step);
  });

  test('chat cues: greetings, questions, acknowledgements, silence', () => {
    expect(['你好', '亲，在吗？', 'hi, anyone there?', 'Good morning!'].map(chatCueOf)).toEqual(['greeting', 'greeting', 'greeting', 'greeting']);
    expect(['你好，请问这款适合油皮吗', '有没有小一点的', 'what colours does it come in?'].map(chatCueOf)).toEqual(['question', 'question', 'question']);
    expect(['好的', '嗯嗯', '有道理', 'ok makes sense', '👍'].map(chatCueOf)).toEqual(['ack', 'ack', 'ack', 'ack', 'ack']);
    expect(['', '…', '[no reply]', '（未回复）'].map(chatCueOf)).toEqual(['silence', 'silence', 'silence', 'silence']);
    expect(['今天天气真好', '好贵的样子哈哈哈哈'].map(chatCueOf)).toEqual(['chat', 'chat']);
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
    expect(suggestReplies('这个真的有效果吗', { customerMessages: ['你好'] }, bundle).step).toBe('resolve_doubt');
    // An acknowledgement once the doubt was answered: the push to close (the method's step 6).
    expect(suggestReplies('嗯嗯', { customerMessages: ['这个真的有效果吗'] }, bundle).step).toBe('push_close');
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
    expect(empty).toMatchObject({ intent: 'other', step: 'icebreak', replies: [], stories: [] });
  });
});
