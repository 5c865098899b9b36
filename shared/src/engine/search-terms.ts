import { pinyinOf } from './pinyin-features.ts';
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
  ['haggle', ['price']], ['discount', ['price']], ['expensive', ['price']], ['budget', ['price']], ['cheaper', ['comparison', 'price']],
  // comparison (比较，货比三家)
  ['比价', ['comparison']], ['对比', ['comparison']], ['竞品', ['comparison']], ['竞争对手', ['comparison']], ['同行', ['comparison']],
  ['别家', ['comparison']], ['货比三家', ['comparison']],
  ['competitor', ['comparison']], ['rival', ['comparison']], ['compare', ['comparison']], ['elsewhere', ['comparison']],
  // hesitation (考虑，拖)
  ['拖延', ['hesitation', 'push_close']], ['拖着', ['hesitation', 'push_close']], ['犹豫', ['hesitation']], ['考虑', ['hesitation', 'consider']],
  ['商量', ['hesitation']], ['不回消息', ['hesitation', 'push_close']], ['不回复', ['hesitation', 'push_close']], ['没想好', ['hesitation']],
  ['delay', ['hesitation', 'push_close']], ['hesitate', ['hesitation']], ['stall', ['hesitation']], ['think it over', ['hesitation']],
  ['undecided', ['hesitation']], ['ghost', ['hesitation', 'push_close']],
  // doubt (疑惑，不信任)
  ['信任', ['doubt', 'resolve_doubt']], ['不信', ['doubt', 'resolve_doubt']], ['怀疑', ['doubt', 'resolve_doubt']], ['疑虑', ['doubt', 'resolve_doubt']],
  ['疑惑', ['doubt', 'resolve_doubt']], ['担心', ['doubt']], ['靠谱', ['doubt']], ['骗', ['doubt']], ['效果', ['doubt', 'resolve_doubt']], ['保障', ['doubt', 'resolve_doubt']],
  ['trust', ['doubt', 'resolve_doubt']], ['doubt', ['doubt', 'resolve_doubt']], ['skeptic', ['doubt']], ['scam', ['doubt']], ['proof', ['doubt', 'story']],
  ['guarantee', ['doubt']], ['worried', ['doubt']],
  // buy signals (成交信号)
  ['成交信号', ['buy_signal', 'ask_close']], ['购买信号', ['buy_signal', 'ask_close']], ['付款', ['buy_signal', 'ask_close']], ['下单', ['buy_signal', 'ask_close']],
  ['定金', ['buy_signal', 'ask_close']], ['分期', ['buy_signal']], ['buying signal', ['buy_signal', 'ask_close']], ['ready to buy', ['buy_signal', 'ask_close']],
  // the golden model's steps
  ['破冰', ['icebreak']], ['开场', ['icebreak']], ['寒暄', ['icebreak']], ['打招呼', ['icebreak']], ['拉近距离', ['icebreak']], ['第一句', ['icebreak']],
  ['ice breaker', ['icebreak']], ['icebreak', ['icebreak']], ['opening', ['icebreak']], ['greet', ['icebreak']], ['small talk', ['icebreak']], ['first message', ['icebreak']],
  ['start the conversation', ['icebreak']], ['start a chat', ['icebreak']],
  ['切入产品', ['introduce']], ['介绍产品', ['introduce']], ['产品介绍', ['introduce']], ['卖点', ['introduce']], ['需求', ['introduce']], ['挖需求', ['introduce']],
  ['pitch', ['introduce']], ['present the product', ['introduce']], ['find out what', ['introduce']], ['selling point', ['introduce']],
  ['限时', ['consider', 'push_close']], ['限价', ['consider', 'price']], ['limited time', ['consider', 'push_close']],
  ['逼单', ['ask_close', 'push_close']], ['要单', ['ask_close']], ['成交', ['ask_close', 'push_close']], ['收单', ['ask_close', 'push_close']],
  ['促单', ['push_close', 'ask_close']], ['催单', ['push_close']], ['临门一脚', ['push_close', 'ask_close']], ['促成', ['push_close', 'ask_close']],
  ['刺激成交', ['push_close']], ['ask for the order', ['ask_close']], ['close the deal', ['ask_close', 'push_close']], ['closing', ['ask_close', 'push_close']],
  ['final push', ['push_close']], ['seal the deal', ['push_close', 'ask_close']],
  // the story snowball
  ['滚雪球', ['story']], ['案例', ['story', 'resolve_doubt']], ['故事', ['story']], ['见证', ['story', 'resolve_doubt']], ['好评', ['story', 'doubt']],
  ['黄金销售', ['icebreak', 'introduce', 'consider', 'ask_close', 'resolve_doubt', 'push_close']], ['golden sales model', ['icebreak', 'introduce', 'consider', 'ask_close', 'resolve_doubt', 'push_close']],
  ['新客户', ['icebreak']], ['new customer', ['icebreak']],
  ['story', ['story']], ['testimonial', ['story', 'resolve_doubt']], ['case study', ['story', 'resolve_doubt']], ['success story', ['story']],
];

const LATIN = /[a-z]/;
const stemmed = (text: string): string => ` ${(text.match(/[a-z0-9]+/g) ?? []).map(stemWord).join(' ')} `;
const TERMS = SEARCH_TERMS.map(([term, categories]) => ({ latin: LATIN.test(term), key: LATIN.test(term) ? stemmed(term) : term, categories }));

/**
 * The categories a normalised query names through the method's terms, each with a weight: the
 * first category of a term counts fully, the next ones half, and a category named twice no more.
 */
export function termCategories(normalized: string): Map<string, number> {
  const found = new Map<string, number>();
  const name = (categories: readonly string[]): void =>
    categories.forEach((category, rank) => found.set(category, Math.max(found.get(category) ?? 0, rank === 0 ? 1 : 0.5)));
  const words = stemmed(normalized);
  for (const { latin, key, categories } of TERMS) if (latin ? words.includes(key) : normalized.includes(key)) name(categories);
  // A term typed in pinyin ("bijia", "po bing"): one to three neighbouring Latin words that spell it.
  const tokens = normalized.match(/[a-z]+/g) ?? [];
  for (let start = 0; start < tokens.length; start++) {
    let spelled = '';
    for (let end = start; end < Math.min(tokens.length, start + 3); end++) {
      spelled += tokens[end];
      const categories = pinyinTerms().get(spelled);
      if (categories) name(categories);
    }
  }
  return found;
}

let spelledTerms: Map<string, readonly string[]> | undefined;

/** The Chinese terms of two or more characters by their toneless pinyin, built on first use. */
function pinyinTerms(): Map<string, readonly string[]> {
  if (!spelledTerms) {
    spelledTerms = new Map();
    for (const { latin, key, categories } of TERMS) {
      if (latin || key.length < 2) continue;
      const spelled = [...key].map(pinyinOf).join('');
      if (!spelledTerms.has(spelled)) spelledTerms.set(spelled, categories);
    }
  }
  return spelledTerms;
}
