// What a message of intent `other` does in a chat: open it, ask about the product, agree, or say
// nothing. These are cues of language, not of a trade, so they live in the code; which intent a
// message has is learnt from examples (classify.ts).
import { normalizeText } from './text.ts';

/** `question`: a question about the product or service, or a need stated. */
export type ChatCue = 'greeting' | 'question' | 'ack' | 'silence' | 'chat';

// The chat page or a log marks a customer who did not answer; an empty message means the same.
// Text is NFKC-normalised first, so full-width brackets arrive as ( ) and … as "...".
const SILENCE = /^(?:\.{2,}|[[(](?:silence|no reply|no answer|no response|沉默|未回复|无回复|没回复|已读未回|对方未回复)[\])])$/;
const SEPARATOR = '[\\s!！,，~～。.…?？呀啊呢哈嘛]';
const GREETING_WORD = '(?:你好|您好|hello|hi+|hey|hiya|哈喽|嗨|hai|在吗|在不在|在么|有人吗|有人在吗|anyone there|anybody there|早上好|早安|早|中午好|下午好|晚上好|good (?:morning|afternoon|evening)|亲|老板|美女|帅哥|客服|请问)';
// A greeting word ends at a separator, at 你好 ("老板你好") or where another greeting starts ("在吗在吗", "亲在吗").
const GREETING = new RegExp(`^${GREETING_WORD}(?=$|${SEPARATOR}|[你您]好|${GREETING_WORD})`);
const ACK_WORD = '(?:那就|那|so |then )?(?:好的?|好吧|好嘞|好滴|嗯+|恩+|哦+|噢+|喔+|ok(?:ay)?|k|明白了?|知道了|懂了|了解了?|收到|有道理|原来如此|原来是这样|这样啊|行吧?|可以|还行|还好|也是|也对|对|是的|是哦|是啊|确实|got it|i see|makes sense|sounds good|fair enough|alright|all right|right|sure|cool|nice|great|thanks?(?: you)?|谢谢|that helps|understood|noted|👍|👌|🙏)';
const ACK = new RegExp(`^${ACK_WORD}(?=$|[\\s!！,，~～。.…]|吧|啊|呀|哈|了|呢|那|就|也|还|${ACK_WORD})`);
// A message that ends by accepting what was said softens an objection or a doubt ("看了评价，还可以",
// "ok the warranty makes it worth it"), unless it turns with a "but" or asks something.
const SOFTENED = /(?:还可以|还行|也行|可以的?|那可以|挺好|不错|没问题|没啥问题|放心(?:多)?了|安心了|能接受|能理解|也还好|差不多|挺靠谱|靠谱|专业|值了|值得|划算|那就好|被你说服了|说服我了|不担心了|makes sense|convinced|i feel better(?: about (?:it|that|this))?|that works|works for me|fair enough|reassuring|convincing|not bad|worth it|looks? (?:good|great|legit|fine|decent|real)|sounds? (?:good|fair|reasonable|great)|i trust you|fine)[\s!！。.~～…吧啊呀哈了的嘛]*$/;
const TURN = /但是|但|就是|不过|可是|只是|\bbut\b|\bthough\b|\bstill\b/;
const QUESTION = /[?？]|吗|么$|呢$|什么|怎么|干嘛|干啥|(?<!没)啥|咋|(\p{Script=Han})不\1|怎样|如何|哪|多少|多大|多久|多长|几[个天种款次号点岁]|有没有|有无|能不能|能否|可不可以|可以.{0,6}[吗么]|是不是|会不会|要不要|适不适合|适合|区别|\b(?:how|what|which|where|when|does|do you|can i|can you|could you|is it|is this|is that|is there|are there|are they|any)\b|^(?:is|are|will|would|should|did|do|can|could|have|has)\b/u;
// Questions about the salesperson, the weather or whether the shop is open are small talk, not
// product questions: they open or keep the chat, they do not bring the product in.
const SMALL_TALK = /how(?:'s| is| was| are) (?:your|ur|you|u)\b|how are (?:you|u)\b|what'?s up|\bweather\b|\braining\b|hot today|right (?:chat|place|person|account|number)|(?:still|are you|you) open\b|bother(?:ing)? you|你好吗|你本人|本人吗|头像|最近(?:怎么样|好吗|忙吗)|忙不忙|忙吗|吃(?:了|饭了)吗|天气|好热|好冷|下雨|下雪|营业|开门|开着吗|还开着|上班吗|方便(?:说话|聊|吗)|有人[吗在]|打扰/;

// Stating a need opens the product talk as a question does ("我想给孩子报个班", "I'm looking for a sofa").
const NEED = /^(?:我|我们|我家|家里)?(?:想|想要|想找|需要|打算|准备|在找|要找|找个|找一)|\b(?:i need|i want|i'm looking for|i am looking for|looking for|i'd like|i would like|we need|we want|we're looking|we are looking)\b/;

/** The chat cue of a message that shows no objection or buying intent. */
export function chatCueOf(message: string): ChatCue {
  const text = normalizeText(message);
  if (text === '' || SILENCE.test(text)) return 'silence';
  // "?", "👍👍" and the like carry no words: they keep the chat where it is (or agree, below).
  if (!/[\p{L}\p{N}]/u.test(text) && !ACK.test(text)) return 'chat';
  // "亲，在吗？" is greetings only: take them off one by one and see what is left.
  const rest = strip(text, GREETING);
  if (rest !== text && (rest === '' || (!QUESTION.test(rest) && [...rest].length <= 6))) return 'greeting';
  if (NEED.test(rest)) return 'question';
  if (QUESTION.test(rest)) return SMALL_TALK.test(rest) ? 'chat' : 'question';
  // "哦哦那还好" is acknowledgements only; "好的明白了，那我就放心了" opens with one and asks nothing;
  // "看了你发的案例" says the cases sent were taken in.
  if (ACK.test(text) || isSoftened(text) || isReassured(text)) return 'ack';
  return 'chat';
}

/**
 * The message accepts what was said and turns on nothing: it ends in an acceptance ("视频看了，
 * 挺好", "alright, that works") or is acknowledgements only ("嗯嗯懂了"). Such a message softens an
 * objection or a doubt even when its words (评价, reviews, 价格) sound like one.
 */
export function isSoftened(message: string): boolean {
  const text = normalizeText(message);
  if (text === '' || TURN.test(text) || QUESTION.test(text)) return false;
  return SOFTENED.test(text) || (ACK.test(text) && strip(text, ACK) === '');
}

// Words that say a worry is gone: the doubt behind an earlier question was there, and is answered.
const REASSURED = /放心|安心|靠谱|可信|信得过|reassur|trust you|convinc|legit|checks out/;

// The customer looked at what the salesperson sent to answer a doubt: other customers' cases,
// reviews, a report (DOMAIN.md, golden model step 5: send other customers' cases).
const SEEN = /看了(?:你|您)?(?:发|给)?(?:的|过)?(?:案例|评价|报告|证书|视频|截图|照片|资料|合同|聊天记录|买家秀)|(?:案例|评价|报告|证书|视频|截图|资料|买家秀)(?:我)?(?:看了|看过了)|\b(?:saw|seen|read|checked|watched|looked at) (?:the|those|your|these) (?:reviews?|cases?|photos?|videos?|reports?|certificates?|testimonials?|screenshots?)/;

/**
 * The message says a doubt was answered: it accepts what was said and says a worry is gone
 * ("那放心了", "ok, that's reassuring"), or says the customer looked at the cases or reviews sent.
 */
export function isReassured(message: string): boolean {
  const text = normalizeText(message);
  if (SEEN.test(text) && !TURN.test(text) && !QUESTION.test(text)) return true;
  return isSoftened(message) && REASSURED.test(text);
}

/** The text with the leading matches of `pattern` (and the separators after each) taken off. */
function strip(text: string, pattern: RegExp): string {
  let rest = text;
  while (pattern.test(rest)) rest = rest.replace(pattern, '').replace(/^[\s!！,，~～。.…?？呀啊呢哈嘛了吧]+/, '');
  return rest;
}

// The customer repeats what the salesperson told them ("原来有质检报告", "你说可以再便宜200",
// "so the kits come with ice packs"): an answer or an offer was given before this chat's first
// message, or between its messages, and the customer took it in.
const RECALL = /^(?:(?:哦+|噢+|喔+|嗯+|好吧|ok|hmm+|oh)[\s,，]*)?(?:原来|^\p{Script=Han}{0,6}?你(?:刚才?)?说(?:的|过)?|听你(?:这么|这样)?说|你(?:刚才?)?说|照你(?:这么)?说|按你说的|之前(?:担心|怕|觉得|以为)|我之前(?:担心|怕|觉得|以为))|\byou (?:said|offered|mentioned|told me|quoted)\b|^so (?:the|it|they|you)\b|\bi was worried\b/u;
// Words of an offer: a lower price, something given for free, a discount.
const OFFER = /便宜|减|送|免|折|优惠|赠|返|包邮|券|discount|\d+\s*%|\boff\b|\boffer|\bfree\b|\bdeal\b|coupon/;

/** What the salesperson said, as the customer repeats it: an offer, an answer, or nothing repeated. */
export function recalledOf(message: string): 'offer' | 'answer' | undefined {
  const text = normalizeText(message);
  if (!RECALL.test(text) || TURN.test(text) || QUESTION.test(text)) return undefined;
  return OFFER.test(text) ? 'offer' : 'answer';
}

/** The message asks, but about the salesperson, the weather or the opening hours: small talk. */
export function asksSmallTalk(message: string): boolean {
  const text = normalizeText(message);
  return QUESTION.test(text) && SMALL_TALK.test(text);
}
