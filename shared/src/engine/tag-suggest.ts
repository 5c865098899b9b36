// Customer tags the chat suggests (the team declares when, in each tag's `suggest`): one click
// accepts a suggestion, nothing is ever tagged silently. A tag already on the customer is not
// suggested again.
import { localText } from '../playbook/local-text.ts';
import type { Bundle } from '../playbook/bundle.ts';
import type { CustomerTag, GoldenStep, Intent, Language } from '../playbook/schema.ts';
import { GOLDEN_STEP_NAMES } from './golden-steps.ts';

export interface TagSuggestion {
  tag: string;
  label: string;
  /** Why it is suggested, in words: what the chat showed. */
  why: string;
}

export interface SeenInChat {
  intents: readonly Intent[];
  steps: readonly string[];
  rival: boolean;
  buySoon: boolean;
}

const INTENT_WORDS: Record<Intent, Record<Language, string>> = {
  price: { 'zh-CN': '嫌贵、讲价', en: 'found it dear or haggled' },
  comparison: { 'zh-CN': '拿来对比', en: 'compared it with another' },
  hesitation: { 'zh-CN': '犹豫', en: 'hesitated' },
  doubt: { 'zh-CN': '有疑虑', en: 'had doubts' },
  buy_signal: { 'zh-CN': '有购买信号', en: 'showed a buying signal' },
  other: { 'zh-CN': '闲聊', en: 'made small talk' },
};

/** The tags (third level of the tree) whose `suggest` matches what the chat showed, in the tree's order. */
export function suggestTags(bundle: Bundle, seen: SeenInChat, already: readonly string[], language: Language): TagSuggestion[] {
  const tree = bundle.customerTags ?? [];
  const byId = new Map(tree.map((node) => [node.id, node]));
  const taken = new Set(already);
  const suggestions: TagSuggestion[] = [];
  for (const tag of tree) {
    if (!tag.suggest || taken.has(tag.id) || !isLeaf(tag, byId)) continue;
    const why = reasonsFor(tag, seen, language);
    if (why.length > 0) suggestions.push({ tag: tag.id, label: localText(tag.label, language), why: why.join(language === 'en' ? '; ' : '；') });
  }
  return suggestions;
}

/** A tag sits under a group that sits under a category: only those go on customers. */
function isLeaf(tag: CustomerTag, byId: ReadonlyMap<string, CustomerTag>): boolean {
  const group = tag.parent === undefined ? undefined : byId.get(tag.parent);
  const category = group?.parent === undefined ? undefined : byId.get(group.parent);
  return category !== undefined && category.parent === undefined;
}

function reasonsFor(tag: CustomerTag, seen: SeenInChat, language: Language): string[] {
  const suggest = tag.suggest!;
  const en = language === 'en';
  const why: string[] = [];
  for (const intent of suggest.intents ?? []) {
    if (seen.intents.includes(intent)) why.push(en ? `the customer ${INTENT_WORDS[intent].en}` : `客户${INTENT_WORDS[intent]['zh-CN']}`);
  }
  for (const step of suggest.steps ?? []) {
    if (!seen.steps.includes(step)) continue;
    const name = GOLDEN_STEP_NAMES[step as GoldenStep]?.[language].title ?? step;
    why.push(en ? `the chat reached “${name}”` : `聊到了“${name}”`);
  }
  if (suggest.rival && seen.rival) why.push(en ? 'the customer named a rival' : '客户提到了别家');
  if (suggest.buySoon && seen.buySoon) why.push(en ? 'the customer said they will buy soon' : '客户说很快就买');
  return why;
}
