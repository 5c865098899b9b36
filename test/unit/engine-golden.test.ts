// The golden model's reading of a chat beyond the intents: the cues of small talk, softening and
// reassurance (golden-cues.ts), and how the state machine (conversation.ts) uses them with the
// classifier's certainty. The classifier is stood in for, so these check the rules alone.
import { describe, expect, test } from 'vitest';
import { chatCueOf, conversationState, type Intent } from '@closer/shared';
import { engineBundle } from './engine-fixture.ts';

const bundle = engineBundle();
type Heard = { intent: Intent; score: number };
/** The step after `messages`, each with the intent and score given for it. */
function stepOf(...messages: [string, Intent, number][]): string {
  const heard = new Map<string, Heard>(messages.map(([message, intent, score]) => [message, { intent, score }]));
  const intentOf = (message: string): Heard => heard.get(message)!;
  const [message, intent, score] = messages.at(-1)!;
  return conversationState(bundle, { customerMessages: messages.slice(0, -1).map(([text]) => text) }, { message, intent, score }, intentOf).step;
}

describe('chat cues', () => {
  test('greetings and acknowledgements may come in a row', () => {
    expect(['在吗在吗', '亲在吗', 'hi hi'].map(chatCueOf)).toEqual(['greeting', 'greeting', 'greeting']);
    expect(['嗯嗯懂了', '好的好的明白', 'ok got it thanks'].map(chatCueOf)).toEqual(['ack', 'ack', 'ack']);
  });

  test('a message that ends by accepting is an acknowledgement, unless it turns or asks', () => {
    expect(['测评我看了，还可以', '这么一算也能接受', 'ok the guarantee makes it worth it'].map(chatCueOf)).toEqual(['ack', 'ack', 'ack']);
    expect(['还可以，就是有点贵', '还行吗', 'looks good but still pricey'].map(chatCueOf)).not.toContain('ack');
  });

  test('questions about the weather, the salesperson or opening hours are small talk, not product questions', () => {
    expect(['how is your week going?', '周末营业吗', '现在方便聊吗'].map(chatCueOf)).toEqual(['chat', 'chat', 'chat']);
    expect(['what colours does the kettle come in?', '这款锅能用电磁炉吗', 'is the lid glass?'].map(chatCueOf)).toEqual(['question', 'question', 'question']);
  });

  test('"X不X" asks; 没啥 and "I feel better" do not, they accept', () => {
    expect(['这锅送不送锅铲', '能不能开发票'].map(chatCueOf)).toEqual(['question', 'question']);
    expect(['那应该没啥问题了', 'ok I feel better about that', '被你说服了'].map(chatCueOf)).toEqual(['ack', 'ack', 'ack']);
  });

  test('a customer who looked at the cases or reviews sent acknowledges them', () => {
    expect(['看了你发的案例', 'read those reviews'].map(chatCueOf)).toEqual(['ack', 'ack']);
    expect(chatCueOf('看了你发的案例，但是还是不放心')).not.toBe('ack');
  });
});

describe('the golden model with the cues and the classifier’s certainty', () => {
  test('a doubt, once answered, softens into the push to close even when its words sound like a doubt', () => {
    expect(stepOf(['这锅的涂层安全吗', 'doubt', 0.8], ['检测报告我看了，挺靠谱', 'doubt', 0.8])).toBe('push_close');
    // Still doubting is still resolving the doubt.
    expect(stepOf(['这锅的涂层安全吗', 'doubt', 0.8], ['报告谁都能做吧', 'doubt', 0.8])).toBe('resolve_doubt');
  });

  test('in the opening, an unsure objection that asks nothing is small talk; a sure one is the objection', () => {
    expect(stepOf(['你好', 'other', 0.8], ['朋友推荐过来的', 'comparison', 0.3])).toBe('icebreak');
    expect(stepOf(['你好', 'other', 0.8], ['太贵了吧', 'price', 0.9])).toBe('consider');
  });

  test('a product question heard as a doubt keeps the concern: its acknowledgement is the push to close', () => {
    expect(stepOf(['hi', 'other', 0.8], ['is the coating safe for kids?', 'doubt', 0.3])).toBe('introduce');
    expect(stepOf(['hi', 'other', 0.8], ['is the coating safe for kids?', 'doubt', 0.3], ['ok that makes sense', 'other', 0.5])).toBe('push_close');
    // A plain product question answered is acknowledged within the step, unless the answer took away a worry.
    expect(stepOf(['hi', 'other', 0.8], ['what sizes are there?', 'other', 0.5], ['ok thanks', 'other', 0.5])).toBe('introduce');
    expect(stepOf(['hi', 'other', 0.8], ['what sizes are there?', 'other', 0.5], ['oh ok, that is reassuring', 'other', 0.5])).toBe('push_close');
  });

  test('two of the shop’s own products compared is a product question; a rival named is a comparison', () => {
    expect(stepOf(['你好', 'other', 0.8], ['小号和大号的锅有什么区别', 'comparison', 0.7])).toBe('introduce');
    expect(stepOf(['你好', 'other', 0.8], ['你们和网上那家有什么区别', 'comparison', 0.7])).toBe('consider');
  });

  test('a budget stated is part of the need; a budget too tight is the price objection', () => {
    expect(stepOf(['想买口炒锅', 'other', 0.5], ['预算三百左右', 'price', 0.7])).toBe('introduce');
    expect(stepOf(['想买口炒锅', 'other', 0.5], ['预算只有一百，太贵了', 'price', 0.7])).toBe('consider');
  });

  test('a greeting the classifier took for a hesitation does not make the first real hesitation a repeated one', () => {
    expect(stepOf(['老板', 'hesitation', 0.2], ['我回去想想再说', 'hesitation', 0.9])).toBe('consider');
    expect(stepOf(['太贵了', 'price', 0.9], ['我回去想想', 'hesitation', 0.9], ['还是再等等吧', 'hesitation', 0.9])).toBe('push_close');
  });

  test('a customer who repeats an offer weighs it; one who repeats an answer takes it in', () => {
    // The offer repeated puts the chat in consider, and a hesitation or the money weighed again after it is the last push.
    expect(stepOf(['你说茶具可以再送一套杯子', 'other', 0.3])).toBe('consider');
    expect(stepOf(['你说茶具可以再送一套杯子', 'other', 0.3], ['我还是想等等再说', 'hesitation', 0.7])).toBe('push_close');
    expect(stepOf(['you offered 10% off the kettle', 'other', 0.3], ['still a bit much for me', 'price', 0.6])).toBe('push_close');
    // The answer to a worry repeated, then agreed to, is the push to close; a repeat that turns on a "but" is not one.
    expect(stepOf(['原来这锅是有质检报告的', 'other', 0.4], ['那挺专业的', 'doubt', 0.4])).toBe('push_close');
    expect(stepOf(['so the pan comes with a lifetime warranty', 'other', 0.4], ['ok I feel better about that', 'hesitation', 0.3])).toBe('push_close');
    expect(stepOf(['原来有质检报告，但是我还是不放心', 'doubt', 0.8])).toBe('resolve_doubt');
  });

  test('a sum of money named is never small talk, and two products set side by side on price are money weighed', () => {
    expect(stepOf(['你好', 'other', 0.8], ['这锅一口要380', 'comparison', 0.3])).toBe('consider');
    expect(stepOf(['你好', 'other', 0.8], ['下班好累', 'buy_signal', 0.2])).toBe('icebreak');
    expect(stepOf(['你好', 'other', 0.8], ['大号和小号选哪个好，价格差挺多', 'comparison', 0.8])).toBe('consider');
    // After a rival was named, "why the difference?" is about the rival.
    expect(stepOf(['your kettle is $40 more than the other shop', 'comparison', 0.6], ['why the difference?', 'comparison', 0.6])).toBe('consider');
  });

  test('an acknowledgement after the price was only told keeps weighing; a product question then brings the product in', () => {
    expect(stepOf(['这锅多少钱', 'price', 0.6], ['哦哦', 'other', 0.5])).toBe('consider');
    expect(stepOf(['这锅多少钱', 'price', 0.6], ['哦哦', 'other', 0.5], ['能用电磁炉吗', 'other', 0.3])).toBe('introduce');
    // After an objection, the same acknowledgement accepts the offer.
    expect(stepOf(['这锅太贵了', 'price', 0.8], ['哦哦', 'other', 0.5])).toBe('push_close');
  });

  test('after a doubt, an unsure comparison is its evidence; after asking to close, a barely heard doubt is a detail of the order', () => {
    expect(stepOf(['这锅涂层安全吗', 'doubt', 0.8], ['网上好多人说掉涂层', 'comparison', 0.45])).toBe('resolve_doubt');
    expect(stepOf(['这锅涂层安全吗', 'doubt', 0.8], ['网上那家便宜五十', 'comparison', 0.8])).toBe('consider');
    expect(stepOf(['which size should I order?', 'buy_signal', 0.7], ['my kitchen is small', 'doubt', 0.25])).toBe('ask_close');
  });

  test('in the opening, an unsure objection asking about the salesperson is small talk; weighing money, "is it worth it" weighs it still', () => {
    expect(stepOf(['hi', 'other', 0.8], ['sorry, is this the right number for the kitchen shop?', 'hesitation', 0.45])).toBe('icebreak');
    expect(stepOf(['你好', 'other', 0.8], ['你头像是自己画的吗', 'doubt', 0.3])).toBe('icebreak');
    expect(stepOf(['这锅太贵了', 'price', 0.8], ['花这钱值吗', 'other', 0.5])).toBe('consider');
    expect(stepOf(['这锅太贵了', 'price', 0.8], ['能用电磁炉吗', 'other', 0.5])).toBe('introduce');
  });
});
