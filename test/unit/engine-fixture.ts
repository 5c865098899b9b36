// A small hand-written playbook for the engine's unit tests, so they do not move when the
// default playbooks are edited. Built through the real parser and bundler.
import { buildBundle, parsePlaybook, type Bundle } from '@closer/shared';

export const ENGINE_PLAYBOOK = `
id: engine-test
title: 引擎测试
variables:
  product:
    label: 产品
    default: 训练营
  price:
    label: 价格
objections:
  - id: too-expensive
    intent: price
    title: { zh-CN: 嫌贵, en: Too expensive }
    principle: { zh-CN: 讲价就是想买：先讲价值，再谈价格。, en: Haggling means they want it; talk value before price. }
    triggers:
      keywords: [贵, 便宜点, 优惠, 打折, 多少钱, expensive, discount, price]
      examples:
        - 太贵了，能不能再便宜点
        - 有没有优惠活动
        - 这个多少钱啊
        - It costs too much for me
        - Can you lower the price a bit?
    replies:
      - id: price-value
        label: 先讲价值
        text: 理解您的顾虑，{{product}}的价值在于长期效果，算下来每天不到一杯咖啡。
      - id: price-value-en
        label: Value first
        lang: en
        text: I understand. {{product}} pays for itself within a month for most customers.
      - id: price-budget
        label: 问预算
        text: 您的预算大概是多少？我帮您看看最合适的方案，价格是{{price}}。
  - id: other-shop
    intent: comparison
    title: { zh-CN: 比较同类, en: Comparing }
    principle: 对比说明快要买了：讲清真实差异，相同处比服务。
    triggers:
      keywords: [别家, 别的店, 同款, 对比, 竞品, 区别, compared, competitor, other store]
      examples:
        - 别家卖得比你们便宜
        - 你们和其他品牌有什么区别
        - 我在对比几家
        - Another store has it cheaper
        - How are you different from the competitor?
    replies:
      - id: compare-details
        label: 讲清差异
        text: 您对比得很仔细！我们和其他家的区别主要在售后和跟进。
  - id: stalling
    intent: hesitation
    title: { zh-CN: 犹豫, en: Hesitating }
    principle: 拖延不说原因：直接而温和地问还担心什么。
    triggers:
      keywords: [再想想, 考虑一下, 回头再说, 商量, think about it, later]
      examples:
        - 我再考虑考虑吧
        - 等过几天再说
        - 我要跟家里人商量一下
        - Let me think about it
        - I'll get back to you later
    replies:
      - id: ask-worry
        label: 问顾虑
        text: 没关系，方便说说主要还在担心哪一点吗？
  - id: no-trust
    intent: doubt
    title: { zh-CN: 怀疑效果, en: Doubting }
    principle: 疑惑时发别的客户的案例。
    triggers:
      keywords: [效果, 有用吗, 靠谱, 真的吗, 没用, work, legit]
      examples:
        - 真的有效果吗
        - 用了会不会没用
        - 这个靠谱吗
        - Does this really work?
        - Is it legit?
    replies:
      - id: send-case
        label: 发案例
        text: 给您看一个和您情况很像的客户案例。
  - id: ready
    intent: buy_signal
    title: { zh-CN: 想买了, en: Ready to buy }
    principle: 客户说要买，马上给出下单方式。
    triggers:
      keywords: [下单, 怎么买, 付款, 链接, 报名, order, pay, buy]
      examples:
        - 那我怎么下单
        - 把付款链接发我
        - 好的我要报名
        - How do I order?
        - I'll buy it
    replies:
      - id: send-link
        label: 发链接
        text: 好的，这是下单链接，拍下后我马上给您安排。
sequences:
  - id: golden
    title: 黄金销售模型
    steps:
      - id: icebreak
        title: { zh-CN: 破冰, en: Break the ice }
        goal: 先聊起来
        intents: [other]
        replies:
          - id: hello
            label: 打招呼
            text: 您好呀，最近怎么样？
      - id: introduce
        title: { zh-CN: 自然切入产品, en: Bring the product in }
        goal: 自然地介绍产品
        replies:
          - id: bring-product
            label: 切入产品
            text: 正好我们有个{{product}}很适合您。
      - id: consider
        title: { zh-CN: 考虑, en: Considering }
        goal: 客户考虑时间或金钱：限时限价
        intents: [price, hesitation, comparison]
        replies:
          - id: limited-offer
            label: 限时优惠
            text: 这周报名有限时优惠。
      - id: ask_close
        title: { zh-CN: 成交, en: Ask to close }
        goal: 问现在买还是什么时候买
        intents: [buy_signal]
        uses: [send-link]
      - id: resolve_doubt
        title: { zh-CN: 解决疑惑, en: Resolve doubt }
        goal: 发别的客户的案例
        intents: [doubt]
        uses: [send-case]
      - id: push_close
        title: { zh-CN: 刺激成交, en: Push to close }
        goal: 刺激成交
        replies:
          - id: last-push
            label: 最后推动
            text: 名额只剩两个了，要帮您留一个吗？
replies:
  - id: story-lead-in
    label: 引出故事
    text: 给您讲个真实的客户故事吧。
stories:
  - id: busy-mom
    title: { zh-CN: 忙碌妈妈的故事, en: The busy mother }
    background: 两个孩子的妈妈，没时间运动
    problem: 试过很多方法都坚持不下来，担心没效果
    solution: 每天十五分钟的训练营
    feeling:
      before: 焦虑，觉得自己不行
      after: 三个月后精神好多了
guides:
  - id: story-snowball
    title: { zh-CN: 滚雪球, en: The story snowball }
    text: 写下第一个客户的故事，再不断积累更多故事。
`;

let cached: Bundle | undefined;

export function engineBundle(): Bundle {
  if (cached) return cached;
  const parsed = parsePlaybook(ENGINE_PLAYBOOK, 'engine-test.playbook.yaml');
  if (!parsed.playbook) throw new Error(parsed.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return (cached = buildBundle([parsed]));
}
