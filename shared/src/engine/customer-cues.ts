// Two things a customer may say that the customer's profile picks up: that they will buy soon
// (the one-to-one SOP's hot lead) and that they are weighing a rival shop or platform. Cues of
// language, like golden-cues.ts; the panel turns them into tag suggestions, never into tags.
import { SEARCH_TERMS } from './search-terms.ts';
import { normalizeText } from './text.ts';

// "下周就买", "月底前定", "等发了工资就下单": a near time, then a word of buying.
const SOON_ZH = '(?:今天|今晚|明天|明早|后天|这两天|过两天|这几天|这周|本周|这个星期|这礼拜|周末|下周|下个星期|下礼拜|月底|月初|下个月|马上|立刻|尽快|很快|等发了?工资|发了工资|年前|节后)';
const BUY_ZH = '(?:买|下单|付款|付钱|打款|打钱|拍下|拍了|订|定下|定了|定|签|入手|转账|转给?你|交钱|报名|开单)';
const SOON_THEN_BUY_ZH = new RegExp(`${SOON_ZH}[^，。！？,.!?]{0,6}?${BUY_ZH}`);
// "先不买", "下周再说", "考虑考虑": a stall or a refusal is not a hot lead.
const STALL_ZH = /不[买要订定签用考]|没[想钱]|别[买订]|再说|再看看|考虑考虑|考虑一下|想想|不一定|看情况/;

const BUY_EN = "(?:buy|order|purchase|sign|pay|book|get it|get one|place (?:the|an|my) order|take it|go ahead)";
const INTEND_EN = `(?:i'll|i will|we'll|we will|i'm going to|we're going to|going to|gonna|plan to|planning to|ready to|i'd like to|we'd like to|want to|can)`;
const SOON_EN = '(?:today|tonight|tomorrow|this week|next week|this weekend|this month|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end of|month end|next)|end of (?:the )?(?:week|month)|soon|right away|asap|in a (?:day|few days|couple of days)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|after payday)';
const INTEND_BUY_EN = new RegExp(`\\b${INTEND_EN}(?: \\w+){0,2} ${BUY_EN}\\b`);
const READY_EN = /\bready to (?:buy|order|sign|pay)\b/;
const SOON_WORD_EN = new RegExp(`\\b${SOON_EN}\\b`);
const STALL_EN = /\b(?:won't|will not|not going to|don't|do not|not ready|never|can't|cannot|not sure|maybe not|think it over|get back to you|let you know)\b/;

/** The customer says they will buy soon: "下周就买", "I'll order next week", "月底前定". */
export function buySoonCue(message: string): boolean {
  const text = normalizeText(message);
  if (text === '') return false;
  if (SOON_THEN_BUY_ZH.test(text) && !STALL_ZH.test(text)) return true;
  if (STALL_EN.test(text)) return false;
  return READY_EN.test(text) || (INTEND_BUY_EN.test(text) && SOON_WORD_EN.test(text));
}

// The method's own words for a comparison (search-terms.ts: 别家, 同行, 竞品, competitor…), and the
// shops, platforms and phrases customers name when they compare.
const COMPARISON_TERMS = SEARCH_TERMS.filter(([, categories]) => categories[0] === 'comparison').map(([term]) => term);
const RIVALS_ZH = ['淘宝', '天猫', '京东', '拼多多', '抖音', '快手', '小红书', '闲鱼', '唯品会', '1688', '美团', '大众点评', '得物', '苏宁', '亚马逊', '某宝', '某东', '某多多',
  '别人家', '其他家', '另一家', '另外一家', '隔壁', '别的店', '其他店', '那家店', '人家店', '网上(?:更|才|卖|买|便宜|有)', '外面(?:更|才|卖|买|便宜)'];
const CJK_RIVALS = [...RIVALS_ZH, ...COMPARISON_TERMS.filter((term) => /\p{Script=Han}/u.test(term))];
const LATIN_RIVALS = [
  ...COMPARISON_TERMS.filter((term) => !/\p{Script=Han}/u.test(term)),
  'amazon', 'ebay', 'walmart', 'costco', 'temu', 'shein', 'aliexpress', 'etsy', 'best buy', 'ikea', 'pdd', 'taobao', 'tmall', 'jd.com',
  'another (?:shop|store|seller|company|vendor|supplier|brand|agency|dealer|clinic|studio)',
  'other (?:shops|stores|sellers|companies|vendors|suppliers|brands|agencies|dealers|places)',
  'the (?:shop|store|place) (?:down|across) the (?:street|road)', 'online for less', 'cheaper online', 'a rival',
];
const RIVAL_CJK = new RegExp(CJK_RIVALS.join('|'));
const RIVAL_LATIN = new RegExp(`\\b(?:${LATIN_RIVALS.join('|')})`);

/** The customer names a rival shop or platform, or says they are comparing with one. */
export function rivalNamed(message: string): boolean {
  const text = normalizeText(message);
  return RIVAL_CJK.test(text) || RIVAL_LATIN.test(text);
}
