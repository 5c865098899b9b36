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
    for (const message of ['下周就买', '月底前定下来', '等发了工资就下单', '明天付款可以吗', '这周末把钱转你，我们报名', "I'll order next week", 'We will sign by Friday', 'ready to buy', 'Going to place the order tomorrow']) {
      expect(buySoonCue(message), message).toBe(true);
    }
  });

  it('does not take a stall, a refusal or a plain question for a hot lead', () => {
    for (const message of ['下周再说吧', '我考虑一下，月底再看看', '先不买了', '多少钱？', '你们什么时候发货', "I won't buy this week", "I'll think it over next week", 'Do you ship next week?', '']) {
      expect(buySoonCue(message), message).toBe(false);
    }
  });
});

describe('rivalNamed', () => {
  it('hears a rival shop or platform named', () => {
    for (const message of ['淘宝上才卖两百', '拼多多更便宜', '别家给我打八折', '隔壁那家店送赠品', 'It is cheaper on Amazon', 'another shop offered me 20% off', 'your competitor includes setup']) {
      expect(rivalNamed(message), message).toBe(true);
    }
  });

  it('does not hear one in an ordinary message', () => {
    for (const message of ['太贵了', '我再想想', '网上说你们的课不错吗？', 'How much is it?', 'Can you ship it to Shanghai?']) {
      expect(rivalNamed(message), message).toBe(false);
    }
  });
});
