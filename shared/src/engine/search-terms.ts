import { GOLDEN_STEPS } from '../playbook/ids.ts';
import { pinyinOf } from './pinyin-features.ts';
import { INITIALS_TERMS, SPELLED_TERMS, TABLE_TERMS, TERM_KEYS } from './search-term-table.ts';
import { stemWord } from './text.ts';

// The method's own words for its situations, as a new hire types them when searching: coach's
// terms (逼单, 拖延, 破冰) rather than what a customer writes. A team's own playbook rarely
// contains them, so the core knows them once: a query that uses one finds the scripts of the
// intent or golden-model step it names, whatever words the team's playbook happens to use.
// Chinese terms match inside the query; English terms match whole words (stems, see matchTerms).

/** A term, the categories (intent ids, golden-model step ids or `story`) it names, best first. */
export const SEARCH_TERMS: readonly (readonly [string, readonly string[]])[] = [
  // price (怕买贵，讲价砍价)
  ['砍价', ['price', 'consider']], ['讲价', ['price', 'consider']], ['压价', ['price', 'consider']], ['还价', ['price', 'consider']],
  ['嫌贵', ['price']], ['价格异议', ['price']], ['打折', ['price']], ['优惠', ['price', 'push_close']], ['预算', ['price']],
  ['haggle', ['price']], ['sharpen', ['price']], ['quote', ['price']], ['best price', ['price']], ['price', ['price']], ['discount', ['price']], ['expensive', ['price']], ['budget', ['price']], ['cheaper', ['comparison', 'price']],
  // comparison (比较，货比三家)
  ['比价', ['comparison']], ['对比', ['comparison']], ['竞品', ['comparison']], ['竞争对手', ['comparison']], ['同行', ['comparison']],
  ['别家', ['comparison']], ['货比三家', ['comparison']],
  ['competitor', ['comparison']], ['rival', ['comparison']], ['compare', ['comparison']], ['elsewhere', ['comparison']],
  // hesitation (考虑，拖)
  ['拖延', ['hesitation', 'push_close']], ['拖着', ['hesitation', 'push_close']], ['犹豫', ['hesitation']], ['考虑', ['hesitation', 'consider']],
  ['商量', ['hesitation']], ['不回消息', ['hesitation', 'push_close']], ['不回复', ['hesitation', 'push_close']], ['没想好', ['hesitation']],
  ['delay', ['hesitation', 'push_close']], ['hesitate', ['hesitation']], ['stall', ['hesitation']], ['think it over', ['hesitation']],
  ['undecided', ['hesitation']], ['ghost', ['hesitation', 'push_close']], ['不回了', ['hesitation', 'push_close']], ['没下单', ['hesitation', 'push_close']], ['不下单', ['hesitation', 'push_close']], ['还没买', ['hesitation', 'push_close']], ['拒绝', ['hesitation', 'push_close']], ['rejection', ['hesitation', 'push_close']], ['就不回', ['hesitation', 'push_close']], ['拔草', ['push_close', 'hesitation']], ['审批', ['hesitation']], ['批下来', ['hesitation']],
  // Asking someone first, or waiting for a sale date: the stalls the method names.
  ['老公', ['hesitation']], ['老婆', ['hesitation']], ['家人', ['hesitation']], ['领导', ['hesitation']], ['问问', ['hesitation']], ['等活动', ['hesitation', 'price']], ['双十一', ['hesitation', 'price']], ['双11', ['hesitation', 'price']],
  ['ask my husband', ['hesitation']], ['ask my wife', ['hesitation']], ['ask my boss', ['hesitation']], ['black friday', ['hesitation', 'price']], ['wait for a sale', ['hesitation', 'price']], ['wait until', ['hesitation']], ['问老板', ['hesitation']], ['等老板', ['hesitation']], ['老板批', ['hesitation']], ['decision maker', ['hesitation']], ['approval', ['hesitation']],
  // A customer gone quiet is the hesitation the method keeps pushing through.
  ['没声', ['push_close', 'hesitation']], ['沉默', ['push_close', 'hesitation']], ['没下文', ['push_close', 'hesitation']], ['went cold', ['push_close', 'hesitation']], ['gone cold', ['push_close', 'hesitation']], ['went dark', ['push_close', 'hesitation']], ['gone dark', ['push_close', 'hesitation']],
  ['不说话', ['hesitation', 'push_close']], ['没回', ['hesitation', 'push_close']], ['不理', ['hesitation', 'push_close']], ['已读不回', ['hesitation', 'push_close']], ['失联', ['hesitation', 'push_close']],
  ['stopped replying', ['hesitation', 'push_close']], ['not replying', ['hesitation', 'push_close']], ['no reply', ['hesitation', 'push_close']], ['went quiet', ['hesitation', 'push_close']], ['gone quiet', ['hesitation', 'push_close']], ['silent', ['hesitation', 'push_close']],
  // doubt (疑惑，不信任)
  ['信任', ['doubt', 'resolve_doubt']], ['不信', ['doubt', 'resolve_doubt']], ['怀疑', ['doubt', 'resolve_doubt']], ['疑虑', ['doubt', 'resolve_doubt']],
  ['疑惑', ['doubt', 'resolve_doubt']], ['担心', ['doubt']], ['靠谱', ['doubt']], ['骗', ['doubt']], ['效果', ['doubt', 'resolve_doubt']], ['保障', ['doubt', 'resolve_doubt']],
  ['trust', ['doubt', 'resolve_doubt']], ['authentic', ['doubt', 'resolve_doubt']], ['doubt', ['doubt', 'resolve_doubt']], ['skeptic', ['doubt']], ['scam', ['doubt']], ['proof', ['doubt', 'story']],
  ['guarantee', ['doubt']], ['worried', ['doubt']],
  ['差评', ['doubt', 'resolve_doubt']], ['负面评价', ['doubt', 'resolve_doubt']], ['bad review', ['doubt', 'resolve_doubt']], ['negative review', ['doubt', 'resolve_doubt']], ['异议处理', ['resolve_doubt', 'doubt']], ['objection handling', ['resolve_doubt', 'doubt']],
  ['不敢', ['doubt', 'resolve_doubt']], ['不满意', ['resolve_doubt', 'doubt']], ['能退', ['resolve_doubt', 'doubt']], ['正品', ['doubt', 'resolve_doubt']], ['假货', ['doubt', 'resolve_doubt']], ['fake', ['doubt', 'resolve_doubt']], ['genuine', ['doubt', 'resolve_doubt']],
  // Objections in general, and what settles them: refunds, returns, evidence, reassurance.
  ['异议', ['doubt', 'resolve_doubt']], ['反对意见', ['doubt', 'resolve_doubt']], ['顾虑', ['resolve_doubt', 'doubt']], ['打消', ['resolve_doubt', 'doubt']], ['放心', ['resolve_doubt', 'doubt']],
  ['证据', ['resolve_doubt', 'story']], ['证明', ['resolve_doubt', 'story']], ['退款', ['doubt', 'resolve_doubt']], ['退货', ['doubt', 'resolve_doubt']], ['退换', ['doubt', 'resolve_doubt']], ['售后', ['doubt', 'resolve_doubt']],
  ['objection', ['doubt', 'resolve_doubt']], ['overcome', ['resolve_doubt', 'doubt']], ['reassure', ['resolve_doubt', 'doubt']], ['reassurance', ['resolve_doubt', 'doubt']], ['evidence', ['resolve_doubt', 'story']],
  ['refund', ['doubt', 'resolve_doubt']], ['money back', ['doubt', 'resolve_doubt']], ['return policy', ['doubt', 'resolve_doubt']], ['warranty', ['doubt', 'resolve_doubt']], ['nervous', ['doubt', 'resolve_doubt']],
  // buy signals (成交信号)
  ['成交信号', ['buy_signal', 'ask_close']], ['购买信号', ['buy_signal', 'ask_close']], ['付款', ['buy_signal', 'ask_close']], ['下单', ['buy_signal', 'ask_close']],
  ['定金', ['buy_signal', 'ask_close']], ['订金', ['buy_signal', 'ask_close']], ['分期', ['buy_signal']], ['尺码', ['buy_signal']], ['码数', ['buy_signal']], ['几码', ['buy_signal']], ['库存', ['buy_signal']], ['链接', ['buy_signal', 'ask_close']],
  ['deposit', ['buy_signal', 'ask_close']], ['payment link', ['buy_signal', 'ask_close']], ['in stock', ['buy_signal']], ['size', ['buy_signal']], ['buying signal', ['buy_signal', 'ask_close']], ['ready to buy', ['buy_signal', 'ask_close']],
  ['热线索', ['buy_signal', 'ask_close']], ['马上要买', ['buy_signal', 'ask_close']], ['很快就买', ['buy_signal', 'ask_close']], ['想买', ['buy_signal', 'ask_close']], ['发货', ['buy_signal']], ['hot lead', ['buy_signal', 'ask_close']], ['delivery', ['buy_signal']],
  ['续费', ['buy_signal', 'price']], ['续约', ['buy_signal', 'price']], ['现货', ['buy_signal', 'other']], ['renew', ['buy_signal', 'price']], ['renewal', ['buy_signal', 'price']],
  // Plain logistics with no commitment: answered as a question, not as an order.
  ['配送', ['other', 'buy_signal']], ['回访', ['other', 'story']], ['revisit', ['other', 'story']], ['快递', ['other', 'buy_signal']], ['物流', ['other', 'buy_signal']], ['包邮', ['price', 'other']], ['改期', ['other']], ['改日期', ['other']], ['营业时间', ['other']],
  ['shipping', ['other', 'buy_signal']], ['opening hours', ['other']], ['business hours', ['other']], ['reschedule', ['other']],
  // the golden model's steps
  ['破冰', ['icebreak']], ['开场', ['icebreak']], ['寒暄', ['icebreak']], ['打招呼', ['icebreak']], ['拉近距离', ['icebreak']], ['第一句', ['icebreak']],
  ['ice breaker', ['icebreak']], ['icebreak', ['icebreak']], ['icebreaker', ['icebreak']], ['new contact', ['icebreak']], ['new lead', ['icebreak']], ['opening line', ['icebreak']], ['opening message', ['icebreak']], ['opener', ['icebreak']], ['greet', ['icebreak']], ['small talk', ['icebreak']], ['first message', ['icebreak']],
  ['start the conversation', ['icebreak']], ['start a chat', ['icebreak']], ['start a conversation', ['icebreak']], ['conversation starter', ['icebreak']],
  ['加微信', ['icebreak']], ['加上微信', ['icebreak']], ['加好友', ['icebreak']], ['加了好友', ['icebreak']], ['怎么开口', ['ask_close', 'icebreak']], ['新粉', ['icebreak']], ['follower', ['icebreak']],
  ['搭话', ['icebreak']], ['搭讪', ['icebreak']], ['拉近', ['icebreak']], ['陌生客户', ['icebreak']], ['rapport', ['icebreak']], ['outreach', ['icebreak']], ['cold call', ['icebreak']], ['cold message', ['icebreak']], ['reach out', ['icebreak']],
  ['第一次聊', ['icebreak']], ['先说', ['icebreak']], ['尴尬', ['icebreak']], ['冷场', ['icebreak']], ['聊家常', ['icebreak']], ['拉家常', ['icebreak']], ['闲聊', ['icebreak']], ['套近乎', ['icebreak']],
  ['切入产品', ['introduce']], ['介绍产品', ['introduce']], ['产品介绍', ['introduce']], ['卖点', ['introduce']], ['需求', ['introduce']], ['挖需求', ['introduce']],
  ['推荐产品', ['introduce']], ['推荐', ['introduce']], ['切到', ['introduce']], ['引到产品', ['introduce']],
  ['pain point', ['introduce']], ['uncover', ['introduce']], ['价值塑造', ['introduce', 'consider']], ['塑造价值', ['introduce', 'consider']],
  ['痛点', ['introduce']], ['价值', ['introduce', 'consider']], ['好处', ['introduce', 'consider']], ['讲解', ['introduce']], ['演示', ['introduce']], ['怎么介绍', ['introduce']], ['介绍给', ['introduce']],
  ['benefit', ['introduce', 'consider']], ['feature', ['introduce']], ['demo', ['introduce']], ['value proposition', ['introduce', 'consider']],
  ['问出', ['introduce']], ['了解客户', ['introduce']], ['提问', ['introduce']], ['discovery', ['introduce']], ['qualify', ['introduce']], ['probing', ['introduce']], ['value building', ['introduce', 'consider']], ['build value', ['introduce', 'consider']],
  // Reasons to choose this one, while the customer weighs it.
  ['选哪个', ['consider']], ['哪个好', ['consider']], ['套餐', ['consider', 'introduce']], ['torn between', ['consider']], ['which plan', ['consider']], ['which one', ['consider']],
  ['纠结', ['consider', 'hesitation']], ['拿不定', ['consider', 'hesitation']], ['decide between', ['consider']], ['choose between', ['consider']], ["can't decide", ['consider', 'hesitation']], ['cannot decide', ['consider', 'hesitation']],
  ['理由', ['consider']], ['为什么选', ['consider']], ['选择我们', ['consider']], ['优势', ['consider', 'introduce']], ['why choose', ['consider']], ['why us', ['consider']], ['reasons to', ['consider']], ['advantage', ['consider', 'introduce']],
  ['pitch', ['introduce']], ['present the product', ['introduce']], ['find out what', ['introduce']], ['selling point', ['introduce']], ['recommend', ['introduce']],
  ['限时', ['push_close', 'consider']], ['限时限价', ['push_close', 'consider', 'price']], ['限价', ['consider', 'price']], ['limited time', ['push_close', 'consider']], ['限时优惠', ['push_close', 'price']],
  ['fomo', ['push_close']], ['fear of missing out', ['push_close']], ['scarcity', ['push_close', 'consider']],
  ['只剩', ['push_close']], ['赠品', ['push_close', 'price']], ['送礼品', ['push_close', 'price']], ['free gift', ['push_close', 'price']], ['仅剩', ['push_close']], ['最后几', ['push_close']], ['last few', ['push_close']], ['running out', ['push_close']], ['selling out', ['push_close']],
  // Urgency: the offer ends, waiting costs (the push to close).
  ['快结束', ['push_close', 'consider']], ['截止', ['push_close', 'consider']], ['错过', ['push_close', 'consider']], ['不买就亏', ['push_close', 'consider']], ['名额', ['push_close', 'consider']],
  ['urgency', ['push_close', 'consider']], ['last chance', ['push_close', 'consider']], ['deadline', ['push_close', 'consider']], ['ends soon', ['push_close', 'consider']], ['over the line', ['push_close', 'ask_close']],
  ['逼单', ['push_close', 'ask_close']], ['要单', ['ask_close']], ['成交', ['ask_close', 'push_close']], ['收单', ['ask_close', 'push_close']],
  ['促单', ['push_close', 'ask_close']], ['催单', ['push_close']], ['临门一脚', ['push_close', 'ask_close']], ['促成', ['push_close', 'ask_close']],
  ['刺激成交', ['push_close']], ['开口要', ['ask_close']], ['什么时候买', ['ask_close']], ['让客户下单', ['ask_close', 'buy_signal']], ['提成交', ['ask_close']],
  ['ask for the order', ['ask_close']], ['ask for the sale', ['ask_close']], ['when they will buy', ['ask_close']], ['ask them to buy', ['ask_close']], ['close the deal', ['ask_close', 'push_close']], ['closing', ['ask_close', 'push_close']],
  ['shall i', ['ask_close']], ['trial close', ['ask_close']], ['assumptive close', ['ask_close']], ['alternative close', ['ask_close']], ['二选一', ['ask_close', 'consider']], ['帮您下单', ['ask_close']], ['帮你下单', ['ask_close']], ['把单下', ['ask_close', 'buy_signal']],
  ['final push', ['push_close']], ['seal the deal', ['push_close', 'ask_close']],
  // A sale that drags on, and nudging it.
  ['跟单', ['push_close', 'hesitation']], ['拖了', ['push_close', 'hesitation']], ['dragging', ['push_close', 'hesitation']], ['drag on', ['push_close', 'hesitation']], ['nudge', ['push_close']],
  // the story snowball
  ['滚雪球', ['story']], ['案例', ['story', 'resolve_doubt']], ['故事', ['story']], ['见证', ['story', 'resolve_doubt']], ['好评', ['story', 'doubt']],
  ['黄金销售', ['icebreak', 'introduce', 'consider', 'ask_close', 'resolve_doubt', 'push_close']], ['golden sales model', ['icebreak', 'introduce', 'consider', 'ask_close', 'resolve_doubt', 'push_close']],
  ['新客户', ['icebreak']], ['new customer', ['icebreak']], ['表情', ['other', 'icebreak']], ['笑脸', ['other', 'icebreak']], ['emoji', ['other', 'icebreak']],
  ['口碑', ['story', 'resolve_doubt']], ['术前术后', ['story', 'resolve_doubt']], ['对比图', ['story', 'resolve_doubt']], ['效果图', ['story', 'resolve_doubt']], ['种草', ['introduce', 'story']], ['晒单', ['story', 'resolve_doubt']], ['买家秀', ['story', 'resolve_doubt']], ['前后对比', ['story', 'resolve_doubt']], ['转介绍', ['story']],
  ['经历', ['story']], ['别的顾客', ['story']], ['其他客户', ['story']], ['past customer', ['story']], ['other customers', ['story']],
  ['social proof', ['story', 'resolve_doubt']], ['before and after', ['story', 'resolve_doubt']], ['referral', ['story']], ['review', ['doubt', 'story']],
  ['story', ['story']], ['testimonial', ['story', 'resolve_doubt']], ['case study', ['story', 'resolve_doubt']], ['success story', ['story']],
  // The story snowball: a customer's feeling after buying, collected to tell the next one.
  ['感受', ['story']], ['雪球', ['story']], ['故事雪球', ['story']], ['customer feedback', ['story']], ['snowball', ['story']], ['next customer', ['story']], ['下一个客户', ['story']],
];

const LATIN = /[a-z]/;
const stemmed = (text: string): string => ` ${(text.match(/[a-z0-9]+/g) ?? []).map(stemWord).join(' ')} `;
/** English terms of one word long enough that one wrong letter still says which (shorter ones meet other words). */
const TYPO_LENGTH = 6;

interface Term {
  latin: boolean;
  key: string;
  categories: readonly string[];
}

/** Each term's key as matched: an English term stemmed word by word, a Chinese one as written. */
export function termKeys(): string[] {
  return SEARCH_TERMS.map(([term]) => (LATIN.test(term) ? stemmed(term) : term));
}

/**
 * The Chinese terms of two or more characters by their toneless pinyin, and by their initials
 * (those of three or more, and each with "hs" for 话术 after), as the number of the first term
 * with that spelling.
 */
export function termSpellings(): { spelled: Map<string, number>; initials: Map<string, number> } {
  const spelled = new Map<string, number>();
  const initials = new Map<string, number>();
  SEARCH_TERMS.forEach(([term], at) => {
    if (LATIN.test(term) || term.length < 2) return;
    const sounds = [...term].map(pinyinOf);
    const spelling = sounds.join('');
    if (!spelled.has(spelling)) spelled.set(spelling, at);
    const letters = sounds.map((sound) => sound[0]).join('');
    if (term.length >= 3 && !initials.has(letters)) initials.set(letters, at);
    // "XX话术" (the script for XX) is how a team names its scripts: "bdhs" is 逼单话术.
    if (!initials.has(`${letters}hs`)) initials.set(`${letters}hs`, at);
  });
  return { spelled, initials };
}

/**
 * The table `npm run search-term-table` wrote (search-term-table.ts), when it was written from
 * these very terms: working the keys and spellings out at a worker's start cost its first search
 * and suggestion about 2–3 ms. Terms edited since are worked out here (a unit test says the
 * table is stale).
 */
function tableIsCurrent(): boolean {
  return SEARCH_TERMS.map(([term]) => term).join('\n') === TABLE_TERMS;
}

// The terms as matched, on first use: each term, the English terms of one word long enough for a
// typo, the English terms of several words.
let terms: { all: Term[]; longWords: { key: string; categories: readonly string[] }[]; phrases: Term[] } | undefined;

function matchedTerms(): NonNullable<typeof terms> {
  if (terms === undefined) {
    const keys = tableIsCurrent() ? TERM_KEYS.split('\n') : termKeys();
    const all = SEARCH_TERMS.map(([term, categories], at) => ({ latin: LATIN.test(term), key: keys[at]!, categories }));
    terms = {
      all,
      longWords: all.filter(({ latin, key }) => latin && !key.trim().includes(' ') && key.trim().length >= TYPO_LENGTH).map(({ key, categories }) => ({ key: key.trim(), categories })),
      phrases: all.filter(({ latin, key }) => latin && key.trim().includes(' ')),
    };
  }
  return terms;
}
const SIZE = /(?:^|[^a-z])(?:x{0,3}[sml]|\d{2,3})码/;

/** Whether one letter put in, left out, changed or two neighbours swapped turn `a` into `b`. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const restA = a.length - start - end;
  const restB = b.length - start - end;
  if (restA <= 1 && restB <= 1) return true;
  return restA === 2 && restB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start];
}

/**
 * The categories a normalised query names through the method's terms, each with a weight: the
 * first category of a term counts fully, the next ones a little less (SECOND), and a category
 * named twice no more.
 */
export function termCategories(normalized: string): Map<string, number> {
  const found = new Map<string, number>();
  const name = (categories: readonly string[]): void =>
    categories.forEach((category, rank) => found.set(category, Math.max(found.get(category) ?? 0, rank === 0 ? 1 : SECOND)));
  const words = stemmed(normalized);
  const { all, longWords, phrases } = matchedTerms();
  const matched = all.filter(({ latin, key }) => (latin ? words.includes(key) : normalized.includes(key)));
  // A term inside a longer one the query also says ("review" in "bad review") is that longer one's word, not its own.
  for (const term of matched) if (!matched.some((other) => other !== term && other.latin === term.latin && other.key.length > term.key.length && other.key.includes(term.key))) name(term.categories);
  // A size asked for (L码, 38码) is an order taking shape.
  if (SIZE.test(normalized)) name(['buy_signal']);
  // A term of several English words with one of them one letter wrong ("how to aks for the sale").
  const list = words.trim().split(' ');
  for (const { key, categories } of phrases) {
    const parts = key.trim().split(' ');
    for (let start = 0; start + parts.length <= list.length; start++) {
      let wrong = 0;
      for (let at = 0; at < parts.length && wrong < 2; at++) {
        const word = list[start + at]!;
        if (word !== parts[at]) wrong += word.length >= 3 && oneEditApart(word, parts[at]!) ? 1 : 2;
      }
      if (wrong === 1) name(categories);
    }
  }
  // A long English term typed one letter wrong ("testimonal", "urgancy", "refnud"), word by word.
  for (const word of words.trim().split(' ')) {
    if (word.length < TYPO_LENGTH - 1) continue;
    for (const { key, categories } of longWords) if (key !== word && oneEditApart(word, key)) name(categories);
  }
  // A term typed in pinyin ("bijia", "po bing"): one to four neighbouring Latin words that spell
  // it (four for a term of four characters, "xian shi you hui"); or, for a term of three characters
  // or more, its initials ("cjxh" for 成交信号).
  const tokens = normalized.match(/[a-z]+/g) ?? [];
  for (let start = 0; start < tokens.length; start++) {
    let spelled = '';
    for (let end = start; end < Math.min(tokens.length, start + 4); end++) {
      spelled += tokens[end];
      const categories = pinyinTerms().spelled.get(spelled);
      if (categories) name(categories);
    }
    // "bd huashu": a term's initials, then 话术 spelled out.
    const categories = pinyinTerms().initials.get(tokens[start + 1] === 'huashu' ? `${tokens[start]}hs` : tokens[start]!);
    if (categories) name(categories);
  }
  // A query that shows an emoji in words ("客户只回了个👍") asks about a customer who sent one:
  // small talk, or a way in. An emoji alone says nothing to search for.
  if (PICTOGRAPH.test(normalized) && WORDS.test(normalized)) name(['other', 'icebreak']);
  // A term written with a wrong character of the same sound (逼丹 for 逼单), as an input method gives.
  for (const [run] of normalized.matchAll(/\p{Script=Han}+/gu)) {
    const sounds = [...run].map(pinyinOf);
    for (let start = 0; start + 1 < sounds.length; start++) {
      let spelled = sounds[start]!;
      for (let end = start + 1; end < Math.min(sounds.length, start + 4); end++) {
        spelled += sounds[end];
        // A short sound (yiyi: 异议, but also 宜一 in 便宜一半) is met by chance too often to stand for a term.
        if (spelled.length < MIN_SOUND) continue;
        const categories = pinyinTerms().spelled.get(spelled);
        if (categories) name(categories);
      }
    }
  }
  // A step of the golden model named by its number (第三步, "step 3", "the third step") is that step, above all.
  const step = stepNumber(normalized);
  if (step !== undefined) found.set(GOLDEN_STEPS[step - 1]!, NAMED_STEP);
  return found;
}

/**
 * The weight of a term's later categories. Close to the first: the method's word for a silent
 * customer names both the hesitation and the push, and both answers belong in the first three
 * (on the development sets hit@3 rose, hit@1 fell by under a point, from 0.5).
 */
const SECOND = 0.8;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const WORDS = /[\p{L}\p{N}]/u;
/** The fewest letters of a sound-alike's pinyin that name a term. */
const MIN_SOUND = 5;

/** More than a term's full weight: the new hire asked for that one step. */
const NAMED_STEP = 1.5;
const NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5, '6th': 6 };

function stepNumber(normalized: string): number | undefined {
  const match = /第\s*([一二三四五六1-6])\s*步/.exec(normalized) ?? /\bstep\s*([1-6])\b/.exec(normalized) ?? /\b(first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)\s+step\b/.exec(normalized);
  if (!match) return undefined;
  return NUMBERS[match[1]!] ?? Number(match[1]);
}

let spelledTerms: { spelled: Map<string, readonly string[]>; initials: Map<string, readonly string[]> } | undefined;

/**
 * The Chinese terms of two or more characters by their toneless pinyin, and those of three or
 * more by their initials (two letters name too many words to mean one term), built on first use.
 */
function pinyinTerms(): { spelled: Map<string, readonly string[]>; initials: Map<string, readonly string[]> } {
  if (!spelledTerms) {
    const categoriesOf = (map: Map<string, number>) => new Map([...map].map(([spelling, at]) => [spelling, SEARCH_TERMS[at]![1]] as const));
    if (tableIsCurrent()) {
      const read = (text: string) => new Map(text === '' ? [] : text.split('\n').map((line) => [line.slice(0, line.indexOf('\t')), Number(line.slice(line.indexOf('\t') + 1))] as const));
      spelledTerms = { spelled: categoriesOf(read(SPELLED_TERMS)), initials: categoriesOf(read(INITIALS_TERMS)) };
    } else {
      const { spelled, initials } = termSpellings();
      spelledTerms = { spelled: categoriesOf(spelled), initials: categoriesOf(initials) };
    }
  }
  return spelledTerms;
}
