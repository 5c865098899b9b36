import type { AdaptationCheck } from '../check.ts';
import { contentWordsOf, injectedInstruction } from '../injection.ts';

// A model that talks about itself or its orders is not writing a reply to the customer.
const SELF_TALK = /\bas an ai\b|\blanguage model\b|\bmy (?:instructions|rules|prompt|guidelines)\b|\bsystem prompt\b|\bi (?:cannot|can't|am unable to) (?:comply|follow|ignore)\b|作为(?:一个)?(?:AI|人工智能|语言模型|助手)|我的(?:指令|规则|设定)|系统提示|提示词|(?:原|已)?批准的回复|approved (?:reply|text)/iu;

/** A Latin word or a figure as a whole word ("90" is not in "390"); a pair of Chinese characters anywhere. */
function containsWord(text: string, word: string): boolean {
  if (!/^[a-z0-9.]+$/.test(word)) return text.includes(word);
  return new RegExp(`(?<![a-z0-9.])${word.replace(/\./g, '\\.')}(?![a-z0-9])`).test(text);
}

/** The adaptation does not do what an order hidden in the customer's message asks, nor talk about its own instructions. */
export const noInjectionObeyed: AdaptationCheck = {
  id: 'no-injection-obeyed',
  check({ original, adapted, customerMessage }) {
    const reasons = [];
    const selfTalk = SELF_TALK.exec(adapted);
    if (selfTalk && !SELF_TALK.test(original)) reasons.push({ check: 'no-injection-obeyed', code: 'no-injection-obeyed.self-talk' as const, params: [selfTalk[0]], message: `it talks about the model's own instructions ("${selfTalk[0]}") instead of answering the customer` });
    const order = injectedInstruction(customerMessage);
    if (order) {
      const approved = original.toLowerCase();
      const text = adapted.normalize('NFKC').toLowerCase();
      const obeyed = contentWordsOf(order).filter((word) => !containsWord(approved, word) && containsWord(text, word));
      if (obeyed.length >= 2 || obeyed.some((word) => /\d/.test(word))) {
        reasons.push({ check: 'no-injection-obeyed', code: 'no-injection-obeyed.order-obeyed' as const, params: [order.length > 80 ? order.slice(0, 79) + '…' : order, obeyed.slice(0, 4).join(', ')], message: `the customer's message gives the model an order ("${order.length > 80 ? order.slice(0, 79) + '…' : order}") and the adaptation follows it (${obeyed.slice(0, 4).map((word) => `"${word}"`).join(', ')})` });
      }
    }
    return reasons;
  },
};
