// The story snowball: a won case becomes a draft story (background, problem, solution,
// feeling before/after), prefilled from its notes and timeline, for the author to finish.
import { bundleReplies, type Bundle } from '../playbook/bundle.ts';
import type { Intent, Language, Story } from '../playbook/schema.ts';
import type { Case } from './case.ts';

export interface PromoteOptions {
  language?: Language;
  /** To name the replies that were used by their labels rather than their ids. */
  bundle?: Bundle;
  /** Reply id → label, for callers that have playbooks but no clean bundle (an author's workspace mid-edit). */
  replyLabels?: ReadonlyMap<string, string>;
  /** The story's id; by default derived from the case id. */
  id?: string;
}

type Slot = 'background' | 'problem' | 'solution' | 'before' | 'after';

// Notes may label lines for a slot ("背景：…", "after: …"); unlabelled lines describe the customer.
const LABELS: [Slot, RegExp][] = [
  ['background', /^(background|背景)\s*[:：]\s*/i],
  ['problem', /^(problem|问题|痛点)\s*[:：]\s*/i],
  ['solution', /^(solution|方案|解决方案)\s*[:：]\s*/i],
  ['before', /^(before|之前|成交前)\s*[:：]\s*/i],
  ['after', /^(after|之后|成交后)\s*[:：]\s*/i],
];

const WORDS = {
  'zh-CN': {
    todo: '（待补充）',
    customer: '客户',
    product: '产品',
    background: '这位客户是谁、做什么、从哪里来',
    intents: { price: '觉得价格贵', comparison: '在和同类产品比较', hesitation: '犹豫不决', doubt: '对效果有疑虑', buy_signal: '有购买意向', other: '有其他问题' },
    raised: '对话中客户',
    replies: '用到的回复：',
    solution: '我们给出的方案和产品的价值',
    before: '成交前的感受',
    won: (amount?: number) => (amount !== undefined ? `成交，金额 ${amount}` : '成交'),
    after: '客户用了之后的真实感受',
    title: (who: string, product?: string) => (product ? `${who}的故事：${product}` : `${who}的故事`),
    separator: '、',
    period: '。',
  },
  en: {
    todo: '(to finish)',
    customer: 'customer',
    product: 'product',
    background: 'who the customer is, what they do, where they came from',
    intents: { price: 'found the price high', comparison: 'was comparing with similar products', hesitation: 'hesitated', doubt: 'doubted it would work', buy_signal: 'showed interest in buying', other: 'had other questions' },
    raised: 'In the chat the customer',
    replies: 'Replies used: ',
    solution: 'what we offered and the value of the product',
    before: 'how they felt before buying',
    won: (amount?: number) => (amount !== undefined ? `won, amount ${amount}` : 'won'),
    after: 'how they really felt after using it',
    title: (who: string, product?: string) => (product ? `${who}'s story: ${product}` : `${who}'s story`),
    separator: ', ',
    period: '.',
  },
} as const;

export class PromoteError extends Error {
  override name = 'PromoteError';
}

/** A draft story from a won case. Slots the case cannot fill say so, for the author to finish. */
export function storyDraftOf(record: Case, options: PromoteOptions = {}): Story {
  if (record.outcome !== 'won') throw new PromoteError(`only a won case becomes a story; case ${record.id} is ${record.outcome}`);
  const language = options.language ?? 'zh-CN';
  const words = WORDS[language];
  const notes = labelledNotes(record.notes);
  const join = (parts: string[]) => parts.filter((part) => part !== '').join(words.separator);
  const sentence = (text: string) => (text === '' || /[。.!?！？]$/.test(text) ? text : text + words.period);

  const intents = [...new Set(record.timeline.flatMap((event) => (event.type === 'message' ? [event.intent] : [])))];
  const labels = options.replyLabels ?? replyLabels(options.bundle);
  const replies = [...new Set(record.timeline.flatMap((event) => (event.type === 'inserted' ? [event.reply] : [])))].map((id) => labels.get(id) ?? id);
  const raised = intents.filter((intent) => intent !== 'other').map((intent: Intent) => words.intents[intent]);

  const who = record.customer || words.customer;
  const background = notes.background || [sentence(join([who, record.product ? `${words.product}: ${record.product}` : ''])), notes.unlabelled].filter(Boolean).join(' ');
  const problem = notes.problem || (raised.length > 0 ? `${words.raised}${language === 'en' ? ' ' : ''}${join(raised)}${words.period}` : '');
  const solution = notes.solution || (replies.length > 0 ? `${words.replies}${join(replies)}${words.period}` : '');
  const before = notes.before || (raised.length > 0 ? sentence(join(raised)) : '');
  const after = notes.after || sentence(words.won(record.amount));

  return {
    id: options.id ?? `won-${record.id.slice(0, 8).toLowerCase()}`,
    title: words.title(who, record.product),
    background: finish(background, words.background, words.todo, !notes.background && notes.unlabelled === ''),
    problem: finish(problem, '', words.todo, !notes.problem),
    solution: finish(solution, words.solution, words.todo, !notes.solution),
    feeling: {
      before: finish(before, words.before, words.todo, !notes.before),
      after: finish(after, words.after, words.todo, !notes.after),
    },
  };
}

/** Text the author still has to finish ends with a visible marker and a hint of what is wanted. */
function finish(text: string, hint: string, todo: string, unfinished: boolean): string {
  if (!unfinished) return text;
  const wanted = hint ? `${todo} ${hint}` : todo;
  return text ? `${text} ${wanted}` : wanted;
}

function labelledNotes(notes: string): Record<Slot | 'unlabelled', string> {
  const slots: Record<Slot | 'unlabelled', string[]> = { background: [], problem: [], solution: [], before: [], after: [], unlabelled: [] };
  for (const raw of notes.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const label = LABELS.find(([, pattern]) => pattern.test(line));
    if (label) slots[label[0]].push(line.replace(label[1], ''));
    else slots.unlabelled.push(line);
  }
  return Object.fromEntries(Object.entries(slots).map(([slot, lines]) => [slot, lines.join(' ')])) as Record<Slot | 'unlabelled', string>;
}

function replyLabels(bundle: Bundle | undefined): Map<string, string> {
  const labels = new Map<string, string>();
  if (bundle) for (const { reply } of bundleReplies(bundle)) labels.set(reply.id, reply.label);
  return labels;
}
