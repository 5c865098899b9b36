// The key moves of each intent's principle (DOMAIN.md, seeds 003 and 004), as a table a sales
// coach can check line by line: the moves a good answer makes (one chat message makes one or
// two of them, as each approved reply does), each found by its words in either language, the
// order the method insists on (value before a discount on price) and what it never says.
import type { Intent, Language } from '../../playbook/schema.ts';

export interface KeyMove {
  id: string;
  name: Record<Language, string>;
  pattern: RegExp;
}

export interface MoveRules {
  moves: KeyMove[];
  /** A move that must come before any of these words, when they are said at all. */
  before?: { move: string; words: RegExp; name: Record<Language, string>; deferred: RegExp };
  /** Words a good answer never says. */
  never?: { words: RegExp; name: Record<Language, string> };
}

const VALUE = /价值|值得|值钱|值不值|花得值|花在哪|用料|做工|资质|工时|流程|品质|质量|投入|效果|\bworth\b|\bvalue\b|\bquality\b|\bmaterials?\b|goes into|\bcraft|\bqualifi/i;
const DISCOUNT = /优惠|打折|折扣|[0-9一二三四五六七八九]折|便宜|降价|让利|券|减价|\bdiscount|\bcoupon|\bcheaper\b|\bpromo|\b\d+\s*%\s*off\b|\bdeal\b/i;

export const KEY_MOVES: Record<Exclude<Intent, 'other'>, MoveRules> = {
  price: {
    moves: [
      { id: 'value', name: { 'zh-CN': '讲清价值', en: 'explain the value' }, pattern: VALUE },
      { id: 'after', name: { 'zh-CN': '描绘用上之后', en: 'paint life after buying' }, pattern: /用上|用了|之后|以后|省下|省心|想象|每天|长期|一直|\bpicture\b|\bimagine\b|\bafter\b|\bevery day\b|\bdaily\b|\blong run\b|\bsupport\b/i },
      { id: 'fit', name: { 'zh-CN': '按预算挑合适的', en: 'find what fits the budget' }, pattern: /预算|合适|方案|\bbudget\b|\bfits?\b|\boption\b|\bplan\b/i },
    ],
    // "Before we talk discounts, …" and "先不谈优惠" put the discount off: that is the move, not a breach of it.
    before: { move: 'value', words: DISCOUNT, name: { 'zh-CN': '先讲价值，再谈优惠', en: 'value before a discount' }, deferred: /(?:先别|先不|别急着|不急着|先不急着?)(?:谈|说|找|给|聊)?$|\bbefore (?:we )?(?:talk(?:ing)? )?(?:about )?(?:any )?$/i },
  },
  comparison: {
    moves: [
      { id: 'difference', name: { 'zh-CN': '讲真实具体的差别', en: 'show the real differences' }, pattern: /区别|不同|差别|差异|对比|比较|细节|参数|配置|\bdiffer|\bcompar|\bdetail|\bspec|\bside by side\b/i },
      { id: 'service', name: { 'zh-CN': '在服务和跟进上拉开差距', en: 'differ on service and follow-up' }, pattern: /服务|售后|跟进|保修|陪|教|\bservice|\bsupport|\bfollow|\bwarrant|\bhelp\b/i },
    ],
    never: { words: /垃圾|骗子|骗人|假货|山寨|坑人|\brubbish\b|\bscam|\bfake\b|\bjunk\b|\bcrap\b/i, name: { 'zh-CN': '贬低同行', en: 'running down a rival' } },
  },
  hesitation: {
    moves: [
      { id: 'ask', name: { 'zh-CN': '直接而温和地问原因', en: 'ask kindly what holds them back' }, pattern: /担心|顾虑|犹豫|哪里|哪方面|哪一点|什么|卡在|放心不下|[?？]|\bworr|\bconcern|\bhold(?:s|ing)? you back\b|\bwhat\b|\bwhich\b/i },
      { id: 'room', name: { 'zh-CN': '给客户空间，不催', en: 'give room, don’t push' }, pattern: /不着急|不急|慢慢|不催|随时|\bno rush\b|\btake your time\b|\bin your own time\b|\bwhenever\b|\bno pressure\b/i },
      { id: 'treat', name: { 'zh-CN': '对症解决，给决定的理由', en: 'treat the cause, give a reason to decide' }, pattern: /帮您|帮你|解决|安排|截止|活动|名额|试|\bhelp\b|\bsort\b|\bsolve|\bdeadline\b|\buntil\b|\boffer\b|\btry\b|\bwalk you\b/i },
    ],
  },
  doubt: {
    moves: [
      { id: 'case', name: { 'zh-CN': '讲真实客户的案例', en: 'tell a real customer’s story' }, pattern: /客户|案例|故事|买家|用户|学员|反馈|评价|\bcustomer|\bclient|\bcase\b|\bstory\b|\breview|\bfeedback\b/i },
      { id: 'proof', name: { 'zh-CN': '给可查验的凭证', en: 'offer proof they can check' }, pattern: /凭证|发票|授权|资质|证书|查验|官方|\breceipt\b|\binvoice\b|\bcertif|\bverify\b|\bproof\b|\bofficial\b/i },
      { id: 'contrast', name: { 'zh-CN': '前后对比', en: 'before and after' }, pattern: /之前|之后|以前|后来|现在|前后|一开始|\bbefore\b|\bafter\b|\bnow\b|\bused to\b|\bat first\b/i },
    ],
    never: { words: /保证|绝对|肯定没问题|\bguarantee|\bpromise\b|\babsolutely\b/i, name: { 'zh-CN': '用保证代替案例', en: 'promising harder instead of a story' } },
  },
  buy_signal: {
    moves: [
      { id: 'close', name: { 'zh-CN': '提成交：现在下单或约定哪天', en: 'ask to close: now, or which day' }, pattern: /下单|链接|付款|拍下|购买|哪天|什么时候|今天|现在|发货|\border\b|\blink\b|\bpay|\bcheckout\b|\bwhen\b|\btoday\b|\bnow\b|\bship/i },
      { id: 'simple', name: { 'zh-CN': '把下一步说简单', en: 'make the next step simple' }, pattern: /帮您|帮你|地址|确认|步骤|直接|就行|\bconfirm|\baddress\b|\bnext step\b|\bhelp\b|\bjust\b|\bsimple\b/i },
    ],
  },
};
