// Customer tags suggested from what the chat showed, and the cues they read: a hot lead and a rival named.
import { describe, expect, it } from 'vitest';
import { buySoonCue, rivalNamed, suggestTags } from '@closer/shared';
import { planBundle } from './followups-fixture.ts';

const nothing = { intents: [], steps: [], rival: false, buySoon: false };

describe('suggestTags', () => {
  it('suggests the tag whose intents the chat showed, saying why, in the language asked', () => {
    expect(suggestTags(planBundle(), { ...nothing, intents: ['price'] }, [], 'en')).toEqual([{ tag: 'budget_low', label: 'Spends carefully', why: 'the customer found it dear or haggled' }]);
    expect(suggestTags(planBundle(), { ...nothing, intents: ['price'] }, [], 'zh-CN')).toEqual([{ tag: 'budget_low', label: '花钱谨慎', why: '客户嫌贵、讲价' }]);
  });

  it('a hot lead from a buy-soon signal or the step reached, a rival from a name; every reason is listed', () => {
    const seen = { intents: ['comparison' as const], steps: ['push_close'], rival: true, buySoon: true };
    expect(suggestTags(planBundle(), seen, [], 'en')).toEqual([
      { tag: 'hot_lead', label: 'Hot lead', why: 'the chat reached “Push to close”; the customer said they will buy soon' },
      { tag: 'rival_compared', label: 'Compared with a rival', why: 'the customer compared it with another; the customer named a rival' },
    ]);
  });

  it('never suggests a tag the customer has, a tag without a suggest rule, or a category or group', () => {
    const seen = { intents: ['price' as const, 'comparison' as const], steps: ['push_close'], rival: true, buySoon: true };
    expect(suggestTags(planBundle(), seen, ['hot_lead', 'budget_low'], 'en').map((item) => item.tag)).toEqual(['rival_compared']);
    expect(suggestTags(planBundle(), nothing, [], 'en')).toEqual([]);
    const flat = { ...planBundle(), customerTags: [{ id: 'lonely', label: 'Lonely', suggest: { intents: ['price' as const] } }] };
    expect(suggestTags(flat, { ...nothing, intents: ['price'] }, [], 'en')).toEqual([]);
  });
});

describe('buySoonCue', () => {
  it('hears a customer who says they will buy soon, in Chinese and English', () => {
    for (const message of ['下周就买', '月底前定下来', '等发了工资就下单', '明天付款可以吗', '这周末把钱转你，我们报名', "I'll order next week", 'We will sign by Friday', 'ready to buy', 'Going to place the order tomorrow',
      '好 就这款 今晚付款', '明天过去交定金', '行 这周把合同签了', '等发工资了我就来买', '就这个了 给我下单', 'OK I will pay this afternoon', "let's book it for tomorrow", 'I can transfer the money today', "we'll go ahead with the order on monday", 'ordering now', 'send me the payment link']) {
      expect(buySoonCue(message), message).toBe(true);
    }
  });

  it('does not take a stall, a refusal or a plain question for a hot lead', () => {
    for (const message of ['下周再说吧', '我考虑一下，月底再看看', '先不买了', '多少钱？', '你们什么时候发货', "I won't buy this week", "I'll think it over next week", 'Do you ship next week?', '',
      '下周我再来看看', '我明天问问老公', '周末去店里看看', '过两天我去店里看看再决定', '现在买有优惠吗', '今天下单明天能到吗', '如果合适我可能明天买', "I'll come by next week to have a look",
      "I'll decide by friday", 'can I pay tomorrow?', "I'll get back to you next week", 'I ordered last week, where is it', 'maybe I will order next week']) {
      expect(buySoonCue(message), message).toBe(false);
    }
  });
});

describe('rivalNamed', () => {
  it('hears a rival shop or platform named', () => {
    for (const message of ['淘宝上才卖两百', '拼多多更便宜', '别家给我打八折', '隔壁那家店送赠品', 'It is cheaper on Amazon', 'another shop offered me 20% off', 'your competitor includes setup',
      '楼下那家药店才卖三十', '之前问过别的机构 报价低不少', '同样的配置比你们便宜五百', 'the other dealer threw in free mats', 'the salon across the road does it for half', 'a different supplier quoted us less, can you match?']) {
      expect(rivalNamed(message), message).toBe(true);
    }
  });

  it('does not hear one in an ordinary message', () => {
    for (const message of ['太贵了', '我再想想', '网上说你们的课不错吗？', 'How much is it?', 'Can you ship it to Shanghai?',
      '其他颜色有吗', '我有家人在你们那边上班', '同款有便宜的吗', 'the other color please', 'Is there a store near me?', 'can you match the color?', 'You gave me a quote last week']) {
      expect(rivalNamed(message), message).toBe(false);
    }
  });
});
