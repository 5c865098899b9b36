// Two things a customer may say that the customer's profile picks up: that they will buy soon
// (the one-to-one SOP's hot lead) and that they are weighing a rival shop or platform. Cues of
// language, like golden-cues.ts; the panel turns them into tag suggestions, never into tags.
import { SEARCH_TERMS } from './search-terms.ts';
import { normalizeText } from './text.ts';

// "下周就买", "月底前定", "等发了工资就下单", "明天一早去店里提车付全款": a near time, or the moment
// they wait for, then within the clause a word of buying, paying, signing or coming to fetch it.
const SOON_ZH = '(?:今天|今晚|今儿|明天|明早|明晚|明儿|后天|一早|上午|中午|下午|晚上|待会儿?|等会儿?|等下|一会儿?|马上|立刻|立马|现在|这就|当场|这两天|过两天|这几天|这周|本周|这个?星期|这礼拜|周末|[周星期拜][一二三四五六日天]|下周|下个?星期|下礼拜|月底|月初|下个?月|年前|年后|节后|过完[年节]|国庆|春节|尽快|很快|发了?工资|工资(?:到|下来|发)|年终奖|奖金|一(?:收到|到|看到|确认|拿到)[^，。！？,.!?]{0,8}就)';
const BUY_ZH = '(?:买|下单|下[大整]?[^，。！？,.!?]{0,3}单|付|交钱|交[定订]金|打款|打钱|转账|转钱|转给?你|拍|订|定下|定了|签|入手|报名|报了|开单|办|投保|提车|首付|尾款|结[清账掉了]|付清|配|[来去]拿|取货|过[来去]|到店|去店|去你们)';
const SOON_THEN_BUY_ZH = new RegExp(`${SOON_ZH}[^，。！？,.!?]{0,14}?${BUY_ZH}`);
// "就这个了，给我下单", "给我拍两袋", "你把链接发我", "我报了": buying now, with no time said.
const NOW_ZH = /(?:给我|帮我)(?:下单|拍|订|留|包起来|开单|安排)|下单吧|就(?:要|定|选|买)(?:这|那|它)|就这个了|就它了|我要了|我[报订]了|(?:链接|付款码|收款码|二维码|账号)发(?:我|过来)|发(?:我|个)(?:链接|付款码|收款码)/;
// "先不买", "下周再说", "考虑考虑", "如果合适可能会买": a stall, a refusal or a condition is not a hot lead.
const STALL_ZH = /不[买要订定签考过去]|不用(?!等)|没[想钱]|别[买订]|再说|再看看|考虑考虑|考虑一下|想想|不一定|看情况|如果|要是|假如|万一|可能|也许|或许|看看|逛逛|转转|了解一下|问问|商量(?!好)|再决定|再定|有[^，。！？,.!?]{0,6}吗|(?:到|送到|发货|发出)(?:吗|么|不)/;

// A verb of buying in any form the customer uses for it: "I'll order", "booking it", "paying now".
const BUY_EN = "(?:buy|order|purchase|pay|sign|book|reserve|enrol|enroll|register|subscribe|upgrade|wire|transfer|check out|checkout|grab|renew|put (?:down )?(?:a |the |my )?deposit|place (?:a |an |the |my )?(?:\\w+ )?order|take (?:it|them|one|two|the)|get (?:it|one|them)|go ahead|go with|sign up|lock (?:it )?in|send (?:over )?(?:the |my )?(?:payment|money|deposit|signed)|come (?:in|by) to (?:pay|sign|buy)|swing by|drop (?:by|in|(?:\\w+ ){1,2}off)|pick (?:it|them) up|start)";
const BUYING_EN = "(?:buying|ordering|purchasing|paying|signing|booking|reserving|enrolling|registering|subscribing|upgrading|wiring|transferring|checking out|grabbing|renewing|putting (?:down )?(?:a |the |my )?deposit|placing (?:a |an |the |my )?(?:\\w+ )?order|taking (?:it|them|one|the)|getting (?:it|one|them)|signing up|sending (?:over )?(?:the |my )?(?:payment|money|deposit|signed|contract))";
const INTEND_EN = "(?:i'll|i will|we'll|we will|will|i'm going to|we're going to|going to|gonna|plan to|planning to|about to|ready to|i'd like to|we'd like to|want to|can|let's|let me|i'm|we're|i am|we are)";
const SOON_EN = '(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week|weekend|month)|next (?:week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|by the end of|end of (?:the )?(?:week|month)|month end|soon|right away|right after|right now|now|asap|first thing|later today|as soon as|once (?:my|the|our|i|we)|when (?:my|the|our) \\w+ (?:lands|arrives|comes|clears|kicks in|is in)|in a (?:minute|moment|sec|second|bit|day|few (?:minutes|days)|couple (?:of )?(?:days|hours))|within (?:the|a|\\d+) (?:week|day|days|hour|hours)|after (?:payday|the holidays?|the weekend|work|lunch|the meeting|the call)|payday|on the \\d+(?:st|nd|rd|th))';
const INTEND_BUY_EN = new RegExp(`\\b${INTEND_EN}(?: \\w+){0,5} ${BUY_EN}\\b`);
const BUYING_SOON_EN = new RegExp(`\\b${BUYING_EN}\\b`);
// "send me the payment link", "I'll take it", "put me down for the annual plan": buying now.
const READY_EN = /\bready to (?:buy|order|sign|pay)\b|\bsend (?:me|over) the (?:payment )?link\b|\b(?:i'll|we'll|i will|we will) take (?:it|them|one|two|the|\d)|\bput me down for\b|\bsign me up\b|\bcount me in\b|\blet's (?:do it|go with)|\b(?:paying|ordering|transferring|checking out|booking|signing) (?:it )?now\b|\badd (?:\w+ ){0,5}to my cart\b/;
const SOON_WORD_EN = new RegExp(`\\b${SOON_EN}\\b`);
const STALL_EN = /\b(?:won't|will not|not going to|don't|do not|not ready|never|can't|cannot|not sure|maybe|might|perhaps|possibly|think it over|think about it|sleep on it|get back to you|let you know|no promises|just to look|just looking|check with|ask my|talk to my|if|unless|whether)\b/;

/** The customer says they will buy soon: "下周就买", "I'll order next week", "月底前定", "send me the link, paying now". */
export function buySoonCue(message: string): boolean {
  const text = normalizeText(message);
  if (text === '') return false;
  if ((SOON_THEN_BUY_ZH.test(text) || NOW_ZH.test(text)) && !STALL_ZH.test(text)) return true;
  if (STALL_EN.test(text)) return false;
  if (READY_EN.test(text)) return true;
  // A question about times ("can it arrive by friday?") asks; it does not promise.
  if (text.endsWith('?')) return false;
  return SOON_WORD_EN.test(text) && (INTEND_BUY_EN.test(text) || BUYING_SOON_EN.test(text));
}

// The method's own words for a comparison (search-terms.ts: 别家, 同行, 竞品, competitor…), and the
// shops, platforms and phrases customers name when they compare.
const COMPARISON_TERMS = SEARCH_TERMS.filter(([, categories]) => categories[0] === 'comparison').map(([term]) => term);
const RIVALS_ZH = ['淘宝', '天猫', '京东', '拼多多', '抖音', '快手', '小红书', '闲鱼', '唯品会', '1688', '美团', '大众点评', '得物', '苏宁', '亚马逊', '某宝', '某东', '某多多',
  '携程', '去哪儿网', '飞猪', '链家', '贝壳找房', '安居客', '58同城', '瓜子二手车', '懂车帝', '汽车之家', '饿了么', '盒马', '山姆(?:店|会员)', '宜家', '国美', '新东方', '学而思', '猿辅导',
  '别人家', '其他家', '另一家', '另外一家', '隔壁', '别的店', '其他店', '那家店', '人家店', '网上(?:更|才|卖|买|便宜|有)', '外面(?:更|才|卖|买|便宜)'];
const CJK_RIVALS = [...RIVALS_ZH, ...COMPARISON_TERMS.filter((term) => /\p{Script=Han}/u.test(term))];
const LATIN_RIVALS = [
  ...COMPARISON_TERMS.filter((term) => !/\p{Script=Han}/u.test(term)),
  'amazon', 'ebay', 'walmart', 'costco', 'temu', 'shein', 'aliexpress', 'etsy', 'best buy', 'ikea', 'pdd', 'taobao', 'tmall', 'jd.com',
  'another (?:shop|store|seller|company|vendor|supplier|brand|agency|dealer|clinic|studio)',
  'other (?:shops|stores|sellers|companies|vendors|suppliers|brands|agencies|dealers|places)',
  'the (?:shop|store|place) (?:down|across) the (?:street|road)', 'online for less', 'cheaper online', 'a rival',
];
// Kinds of seller a customer compares with ("the other clinic", "another installer", "the florist
// down the street"), and how they point at one without a name.
const SELLERS_EN = '(?:shop|store|seller|company|vendor|supplier|brand|agency|dealer|dealership|clinic|studio|gym|salon|florist|bakery|installer|photographer|contractor|place|school|tutor|platform|site|website|guy|restaurant|hotel|provider|insurer|firm|garage|mechanic|app|broker|agent|realtor|retailer|outlet|merchant|pharmacy|lab|dentist|doctor|vet|builder|printer)s?';
const OTHER_SELLER_EN = new RegExp(`\\b(?:another|the other|other|a different|competing) (?:\\w+ )?${SELLERS_EN}\\b|\\b(?:the|a|this) (?:\\w+ )?${SELLERS_EN} (?:down|across|up) the (?:street|road|block)|\\b${SELLERS_EN} (?:on \\d+(?:st|nd|rd|th)|next door)\\b`);
// "can you match?", "why is yours $45", "cheaper elsewhere", "Geico gave me a quote", a site by its
// address, "the same model for less": a comparison with someone else's offer.
const ELSEWHERE_EN = /\b(?:can|could|will|would) you (?:price )?match(?: (?:it|that|this|their (?:price|offer|deal)|the (?:price|offer|deal)))?(?:[?.!,]|$)|\bprice match\b|\bwhy is yours\b|\bthan (?:yours|you guys|you do|you charge|your (?:price|quote|offer))\b|\belsewhere\b|(?<!\byou )\b(?:gave|sent|quoted|offered) (?:me|us) (?:a |an )?(?:better |lower |cheaper )?(?:quote|price|deal|offer)\b|(?<![\w@.-])[a-z0-9-]+\.(?:com|net|io)\b|\bsame (?:\w+ ){0,3}(?:for less|for cheaper|cheaper|for under|with (?:fewer|more|less|a free))/;
// 别的诊所, 人家那边, 有家做光伏的说, 楼下花店, 比你们低, 同款便宜: another seller, or an offer set beside this one.
const OTHER_SELLER_ZH = /(?:别的|其他的?|其它的?|另外(?:一)?家|另一家|人家|隔壁|楼下|对面)\p{Script=Han}{0,5}?(?:店|家|诊所|医院|机构|公司|商家|平台|门店|厂家|品牌|那边|那里|那儿|报价|卖)|有(?:一)?家(?![人里庭])\p{Script=Han}{0,6}?的?说|(?<!你们|您|你)(?:那边|那里|那儿|那家)[^，。！？,.!?]{0,12}(?:便宜|低|少|送|报价)|比(?:你们|你家|您家|你这|您这|这边|你那)/u;
const SAME_CHEAPER_ZH = /(?:同款|同样的|一样的|同一[个款件套家型]|同型号|同小区|同年份)[^，。！？,.!?]{0,12}(?:便宜|更低|低|少)/;
const RIVAL_CJK = new RegExp(CJK_RIVALS.join('|'));
const RIVAL_LATIN = new RegExp(`\\b(?:${LATIN_RIVALS.join('|')})`);

/** The customer names a rival shop or platform, or says they are comparing with one. */
export function rivalNamed(message: string): boolean {
  const text = normalizeText(message);
  if (RIVAL_CJK.test(text) || RIVAL_LATIN.test(text) || OTHER_SELLER_ZH.test(text) || OTHER_SELLER_EN.test(text) || ELSEWHERE_EN.test(text)) return true;
  // A question about the same product's price ("同款有便宜的吗") asks this shop, it names no other.
  return SAME_CHEAPER_ZH.test(text) && !/[吗？?]/.test(text);
}
