// The method's own answer to each intent (DOMAIN.md, seeds 003 and 004), for a chat whose
// playbooks have no objection for what the customer just did: a principle is better than nothing.
import type { Intent, Language } from '../playbook/schema.ts';

type Principle = Record<Language, string>;

export const INTENT_PRINCIPLES: Record<Exclude<Intent, 'other'>, Principle> = {
  price: {
    'zh-CN': '讲价说明客户想买。先别急着给优惠：讲清产品实实在在的价值（资质、用时、流程），再描绘用上之后的效果。',
    en: 'Haggling means they want to buy. Hold back the coupon: explain what the product is really worth (credentials, time, process), then paint life after buying.',
  },
  comparison: {
    'zh-CN': '拿来对比，说明快要下决定了。把真实、具体的差别讲清楚；产品相近的地方，就在服务和后续跟进上拉开差距。',
    en: 'Comparing is a sign they are about to decide. Show the real, concrete differences; where the products are alike, win on service and follow-up.',
  },
  hesitation: {
    'zh-CN': '犹豫又不说原因时，直接而温和地问：还有哪里让您放心不下？找到原因再对症解决，可配合限时或限价的理由。',
    en: 'When they stall without a reason, ask directly and kindly what still worries them, treat that cause, and give a real reason to decide now (a deadline or a limited price).',
  },
  doubt: {
    'zh-CN': '客户有疑虑时，别急着保证，讲一个真实客户的故事：背景、遇到的问题、怎么解决的、前后的感受对比。',
    en: 'When they doubt, do not promise harder: tell a real customer’s story — their background, the problem, how it was solved, how it felt before and after.',
  },
  buy_signal: {
    'zh-CN': '出现购买信号就提成交：请客户现在下单，或约定具体哪天；把下一步说得简单明确。',
    en: 'At a buying signal, ask for the close: buy now, or name the exact day; make the next step simple and clear.',
  },
};
