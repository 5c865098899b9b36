// The drill scorer on fixed transcripts over the default playbooks: what an author relies on
// when checking that approved replies score high and off-topic ones low.
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleReplies, scoreDrill, type Bundle, type DrillAnswer, type Intent } from '@closer/shared';
import { renderReply, replyLanguage } from '@closer/shared';
import { defaultBundle } from '../eval/evaluate.ts';

let bundle: Bundle;
beforeAll(async () => {
  bundle = await defaultBundle();
});

/** An approved reply as the side panel inserts it: variables filled with their defaults. */
function approved(id: string): string {
  const entry = bundleReplies(bundle).find((candidate) => candidate.reply.id === id)!;
  return renderReply(entry.reply.text, entry.variables, {}, replyLanguage(entry.reply)).text;
}

// One customer message and two approved replies per intent, in each language. Left out: the
// replies that answer by asking a question (hesitation-ask-directly-en, doubt-fit-me-en), which
// are close to each other across the two intents, as asking is the move of both.
const TURNS: Record<Exclude<Intent, 'other'>, { zh: [string, string[]]; en: [string, string[]] }> = {
  price: { zh: ['太贵了，能便宜点吗', ['price-value-first', 'price-paint-after']], en: ['that is too expensive for me', ['price-value-first-en', 'price-ask-budget-en']] },
  comparison: { zh: ['别家同款便宜一百，你们有什么不一样', ['comparison-detail-diff', 'comparison-glad-you-compare']], en: ['how is this different from the other brand', ['comparison-detail-diff-en', 'comparison-service-diff-en']] },
  hesitation: { zh: ['我再考虑考虑吧', ['hesitation-ask-directly', 'hesitation-give-room']], en: ['let me think about it', ['hesitation-give-room-en', 'hesitation-self-doubt-en']] },
  doubt: { zh: ['真的有效果吗？不会是骗人的吧', ['doubt-send-story', 'doubt-before-after']], en: ['does it really work? sounds too good to be true', ['doubt-send-story-en', 'doubt-reviews-en']] },
  buy_signal: { zh: ['好的，怎么下单', ['buy-signal-send-link', 'buy-signal-confirm-details']], en: ['ok how do I order', ['buy-signal-confirm-details-en', 'buy-signal-ask-when-en']] },
};
const intents = Object.keys(TURNS) as (keyof typeof TURNS)[];

describe('drill score on fixed transcripts', () => {
  it.each(intents)('approved %s replies, verbatim, score at least 90', (intent) => {
    for (const [customer, ids] of [TURNS[intent].zh, TURNS[intent].en]) {
      for (const id of ids) {
        const { turns, total } = scoreDrill([{ customer, reply: approved(id) }], bundle);
        expect(turns[0]!.intent, customer).toBe(intent);
        expect(total, `${id}: ${turns[0]!.why.join(' | ')}`).toBeGreaterThanOrEqual(90);
      }
    }
  });

  it.each(intents)('%s replies given for another intent score below 40', (intent) => {
    for (const other of intents.filter((candidate) => candidate !== intent)) {
      for (const language of ['zh', 'en'] as const) {
        const [customer] = TURNS[other][language];
        for (const id of TURNS[intent][language][1]) {
          const { total, turns } = scoreDrill([{ customer, reply: approved(id) }], bundle);
          expect(total, `${id} for "${customer}": ${turns[0]!.why.join(' | ')}`).toBeLessThan(40);
        }
      }
    }
  });

  it('a reply with a guarantee loses its compliance points, and says which words', () => {
    const clean = scoreDrill([{ customer: '太贵了', reply: approved('price-value-first') }], bundle).turns[0]!;
    const promised = scoreDrill([{ customer: '太贵了', reply: approved('price-value-first') + '我保证您用了满意，无效全额退款。' }], bundle).turns[0]!;
    const check = (turn: typeof clean) => turn.checks.find((entry) => entry.check === 'compliance')!;
    expect(check(clean).points).toBe(check(clean).of);
    expect(check(promised).points).toBe(0);
    expect(check(promised).why).toContain('保证');
    expect(promised.score).toBeLessThanOrEqual(clean.score - check(clean).of + 1);
  });

  it('an invented discount is not compliant; a price said in the chat is', () => {
    const discount = scoreDrill([{ customer: 'too expensive', reply: 'I can give you 20% off if you order today, it is worth it.' }], bundle).turns[0]!;
    expect(discount.checks.find((entry) => entry.check === 'compliance')!.points).toBe(0);
    const price = scoreDrill([{ customer: 'how much is it', reply: 'It is $120, and that covers the materials and a year of support.' }], bundle).turns[0]!;
    expect(price.checks.find((entry) => entry.check === 'compliance')!.points).toBeGreaterThan(0);
  });

  it('the order matters: a second hesitation after the price was answered calls for the last push', () => {
    const price: DrillAnswer = { customer: '太贵了，能便宜点吗', reply: approved('price-value-first') };
    const hesitation: DrillAnswer = { customer: '我再考虑考虑吧', reply: approved('hesitation-ask-directly') };
    const priceFirst = scoreDrill([price, hesitation], bundle);
    const hesitationFirst = scoreDrill([hesitation, price], bundle);
    expect(priceFirst.turns[1]!.step).toBe('push_close');
    expect(hesitationFirst.turns[0]!.step).toBe('consider');
    expect(priceFirst.turns[1]!.checks.find((entry) => entry.check === 'step')!.points).toBe(0);
    expect(priceFirst.total).toBeLessThan(hesitationFirst.total);
    // The last push itself is what the step wants there.
    const pushed = scoreDrill([price, { customer: '我再考虑考虑吧', reply: approved('golden-push-close-all-clear') }], bundle);
    expect(pushed.turns[1]!.checks.find((entry) => entry.check === 'step')!.points).toBeGreaterThan(0);
  });

  it('value before a discount: the same words in the wrong order lose key-move points', () => {
    const valueFirst = scoreDrill([{ customer: '太贵了', reply: approved('price-value-first') + '现在也正好有官方优惠。' }], bundle).turns[0]!;
    const discountFirst = scoreDrill([{ customer: '太贵了', reply: '现在正好有官方优惠。' + approved('price-value-first') }], bundle).turns[0]!;
    const moves = (turn: typeof valueFirst) => turn.checks.find((entry) => entry.check === 'moves')!.points;
    expect(moves(discountFirst)).toBeLessThan(moves(valueFirst));
    expect(discountFirst.checks.find((entry) => entry.check === 'moves')!.why).toContain('先讲价值');
  });

  it('every point has its reason, the best approved reply and the principle are given, and the checks add up', () => {
    const { turns } = scoreDrill([{ customer: 'that is too expensive for me', reply: 'Fair, let me show you what the price covers first.', seconds: 200 }], bundle, { drill: { seconds: 60 } });
    const turn = turns[0]!;
    expect(turn.why).toHaveLength(6);
    for (const line of turn.why) expect(line).toMatch(/^[a-z ]+ [\d.]+\/[\d.]+: \S/);
    expect(turn.best?.id).toMatch(/^price-/);
    expect(turn.principle).toMatch(/discount|coupon/i);
    expect(turn.checks.reduce((sum, check) => sum + check.of, 0)).toBeCloseTo(100, 5);
    expect(Math.abs(turn.checks.reduce((sum, check) => sum + check.points, 0) - turn.score)).toBeLessThanOrEqual(1);
    expect(turn.checks.find((check) => check.check === 'time')!.points).toBe(0);
  });

  it('the drill’s weights decide the total', () => {
    const answers = [{ customer: '太贵了', reply: '我保证您满意' }];
    const compliance = scoreDrill(answers, bundle, { drill: { weights: { answer: 0, moves: 0, step: 0, length: 0, time: 0, compliance: 10 } } });
    expect(compliance.total).toBe(0);
    const length = scoreDrill(answers, bundle, { drill: { weights: { answer: 0, moves: 0, step: 0, compliance: 0, time: 0, length: 1 } } });
    expect(length.total).toBeGreaterThan(0);
  });

  it('the same transcript always gives the same score', () => {
    const answers = [{ customer: '好的，怎么下单', reply: approved('buy-signal-send-link') }, { customer: '真的有效果吗', reply: '放心吧' }];
    expect(scoreDrill(answers, bundle)).toEqual(scoreDrill(answers, bundle));
  });
});

describe('drill score on bad input', () => {
  it('an empty reply scores 0 and says there was no reply', () => {
    const { turns, total } = scoreDrill([{ customer: '太贵了', reply: '   ' }], bundle);
    expect(total).toBe(0);
    expect(turns[0]!.why.every((line) => line.includes('没有回复'))).toBe(true);
  });

  it('a 100,000-character reply is scored quickly and fails its length', () => {
    const reply = approved('price-value-first').repeat(2000).slice(0, 100_000);
    const started = performance.now();
    const { turns } = scoreDrill([{ customer: '太贵了', reply }], bundle);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(turns[0]!.checks.find((check) => check.check === 'length')!.points).toBe(0);
    expect(turns[0]!.reply).toHaveLength(100_000);
  });

  it('no turns is a total of 0, not a crash', () => {
    expect(scoreDrill([], bundle)).toEqual({ turns: [], total: 0 });
  });
});
