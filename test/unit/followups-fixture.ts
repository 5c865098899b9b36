// A small revisit plan for the follow-up, lifecycle and tag tests, built through the real parser
// and bundler so the tests read the bundle exactly as the panel and the CLI do.
import { buildBundle, parsePlaybook, type Bundle } from '@closer/shared';

export const PLAN_PLAYBOOK = `id: plan-test
title: 回访测试
variables:
  name:
    label: 称呼
    default: 您
replies:
  - id: reply_care
    label: 问感受
    text: "{{name}}好，用了一天感觉怎么样？"
  - id: reply_timing
    label: 时机
    text: 上次您说时间不合适，现在方便再聊聊吗？
  - id: reply_hot
    label: 热线索
    lang: en
    text: Hi {{name}}, shall I set your order aside for this week?
  - id: reply_visit
    label: 拜访反馈
    text: 感谢昨天的时间，这是我们整理的方案要点。
  - id: reply_wake
    label: 唤醒
    text: 好久没联系了，最近有新课程想给您看看。
  - id: reply_offer_course
    label: 录播课
    text: 可以先从录播课开始。
  - id: reply_offer_camp
    label: 训练营
    text: 下一步可以试试训练营。
stories:
  - id: story_mum
    title: 一位妈妈
    background: 两个孩子的妈妈
    problem: 没时间陪孩子读书
    solution: 每天十分钟的共读课
    feeling: { before: 焦虑, after: 轻松 }
customerTags:
  - id: budget
    label: { zh-CN: 消费能力, en: Means }
  - id: budget_group
    parent: budget
    label: { zh-CN: 预算, en: Budget }
  - id: budget_low
    parent: budget_group
    label: { zh-CN: 花钱谨慎, en: Spends carefully }
    tier: entry
    suggest: { intents: [price] }
  - id: budget_high
    parent: budget_group
    label: { zh-CN: 预算充足, en: Ample budget }
    tier: middle
  - id: intent
    label: { zh-CN: 意向, en: Intent }
  - id: intent_group
    parent: intent
    label: { zh-CN: 购买意向, en: Buying intent }
  - id: hot_lead
    parent: intent_group
    label: { zh-CN: 热线索, en: Hot lead }
    suggest: { buySoon: true, steps: [push_close] }
  - id: rival_compared
    parent: intent_group
    label: { zh-CN: 对比过别家, en: Compared with a rival }
    suggest: { rival: true, intents: [comparison] }
followups:
  rules:
    - id: care_day1
      label: { zh-CN: 成交后第一天问感受, en: "Ask how it feels, the day after the sale" }
      when: won
      after: { days: 1 }
      send: reply_care
    - id: story_day3
      label: { zh-CN: 第三天讲个故事, en: A story on day three }
      when: won
      after: { days: 3 }
      send: story_mum
      offerNextRung: true
    - id: timing_week
      label: { zh-CN: 时机不对的一周后再问, en: Ask again a week after bad timing }
      when: lost
      lossReasons: [timing]
      after: { days: 7 }
      send: reply_timing
    - id: hot_hours
      label: { zh-CN: 热线索两小时后跟进, en: Follow a hot lead up two hours later }
      when: hot_lead
      after: { hours: 2 }
      send: reply_hot
    - id: visit_feedback
      label: { zh-CN: 拜访后两天内反馈进展, en: Feed progress back within two days of a visit }
      when: meeting
      after: { days: 2 }
      send: reply_visit
    - id: wake_dormant
      label: { zh-CN: 唤醒沉睡客户, en: Wake a dormant customer }
      when: idle
      after: { days: 60 }
      send: reply_wake
ladder:
  example: true
  rungs:
    - { id: rung_magnet, label: 体验课, kind: lead_magnet, price: { min: 0, max: 9.9 }, tier: entry, reply: reply_offer_course }
    - { id: rung_course, label: 录播课, kind: recorded, price: { min: 99, max: 299 }, tier: middle, reply: reply_offer_course }
    - { id: rung_camp, label: 训练营, kind: camp, price: { min: 999, max: 1999 }, tier: top, reply: reply_offer_camp }
`;

let cached: Bundle | undefined;

export function planBundle(): Bundle {
  cached ??= buildBundle([parsePlaybook(PLAN_PLAYBOOK, 'plan-test.playbook.yaml')]);
  return cached;
}
