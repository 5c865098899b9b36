// The playbook the profile and Due today tests add to the shop's: a small tag tree (with tags the
// panel suggests on a price question, a named rival and a buy-soon cue; price-sensitive implies the
// ladder's entry tier), a one-rung product ladder, two follow-up rules after a sale with the
// approved replies they send, and a strict stop rule (the first refusal stops).
import type { Page } from 'playwright-core';
import { newCase, setOutcome, writeCases, type Bundle, type Case } from '@closer/shared';

export const PLAN_PLAYBOOK = `
id: teashop-plan
title: { zh-CN: 茶叶店回访, en: Tea shop revisits }
variables:
  customer:
    label: { zh-CN: 客户称呼, en: Customer }
    default: 您
  product:
    label: { zh-CN: 产品, en: Product }
    default: 这款龙井
objections:
  - id: tea-aftercare
    intent: buy_signal
    title: { zh-CN: 成交之后, en: After the sale }
    principle: { zh-CN: 成交后问感受，留下下次联系的理由。, en: After a sale ask how it went and leave a reason to talk again. }
    triggers:
      keywords: [收到了, arrived]
    replies:
      - id: tea-care-day1
        label: 问问感受
        text: "{{customer}}，茶收到了吗？第一泡水温八十度左右，喝着怎么样跟我说说。"
      - id: tea-check-day2
        label: 回购提醒
        text: "{{customer}}，{{product}}还够喝吗？需要的话我先帮您留一份新茶。"
      - id: tea-offer-sample
        label: 先试小份
        text: "{{customer}}，要不先拿一份 9.9 元的三泡试饮装，喝着合口再买整斤。"
customerTags:
  - id: spend
    label: { zh-CN: 消费, en: Spending }
  - id: spend_budget
    parent: spend
    label: { zh-CN: 预算, en: Budget }
  - id: price_sensitive
    parent: spend_budget
    label: { zh-CN: 价格敏感, en: Price-sensitive }
    hint: { zh-CN: 反复问价、要优惠, en: Asks about the price again and again }
    suggest: { intents: [price] }
    tier: entry
  - id: big_spender
    parent: spend_budget
    label: { zh-CN: 不差钱, en: "<b>Big</b> spender" }
    tier: top
  - id: stance
    label: { zh-CN: 购买态度, en: Buying stance }
  - id: stance_market
    parent: stance
    label: { zh-CN: 比较, en: Comparing }
  - id: compared_rival
    parent: stance_market
    label: { zh-CN: 比较过同行, en: Compared with a rival }
    suggest: { rival: true }
  - id: hot_lead
    parent: stance_market
    label: { zh-CN: 热线索, en: Hot lead }
    suggest: { buySoon: true }
ladder:
  rungs:
    - id: rung_sample
      label: { zh-CN: 9.9元试饮装, en: A 9.9 tasting pack }
      kind: lead_magnet
      price: { min: 0, max: 9.9 }
      tier: entry
      reply: tea-offer-sample
followups:
  stop: { refusals: 1 }
  rules:
    - id: care_day1
      label: { zh-CN: 成交后第一天问感受, en: "Ask how it tastes, the day after the sale" }
      when: won
      after: { days: 1 }
      send: tea-care-day1
    - id: check_day2
      label: { zh-CN: 成交后第二天问回购, en: "Ask about a refill, two days after the sale" }
      when: won
      after: { days: 2 }
      send: tea-check-day2
`;

/** A case won `daysAgo` days ago in a conversation, as a salesperson's export would carry it. */
export function wonCase(conversation: string, customer: string, daysAgo: number): Case {
  const then = new Date(Date.now() - daysAgo * 24 * 60 * 60 * 1000);
  const record = newCase({ conversation, salesperson: 'alice', customer, now: then });
  return setOutcome(record, { outcome: 'won', amount: 300, now: then });
}

export { writeCases };

/** Loads a bundle as Settings' file input does (the same worker request), and reloads the panel on it. */
export async function loadBundle(panel: Page, bundle: Bundle): Promise<void> {
  const answer = await panel.evaluate((text) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } })
    .chrome.runtime.sendMessage({ type: 'bundle-import-text', text, source: 'plan.json' }), JSON.stringify(bundle));
  if (!answer.ok) throw new Error(`the bundle was refused: ${answer.error}`);
  await panel.reload();
}
