// Bundles for the panel and storage tests, compiled by the core from inline playbooks, so the
// tests do not depend on the wording of the default playbooks.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundle, lintPlaybooks, parsePlaybook, type Bundle } from '@closer/shared';
import { loadBaseCorpus } from '@closer/shared/node';

/** A small shop playbook: a price objection, a doubt objection with a story, a golden model. */
export const SHOP_PLAYBOOK = `
id: teashop
title: { zh-CN: 茶叶店, en: Tea shop }
variables:
  customer:
    label: { zh-CN: 客户称呼, en: Customer }
    default: 您
  product:
    label: { zh-CN: 产品, en: Product }
    default: 这款龙井
objections:
  - id: tea-price
    intent: price
    title: { zh-CN: 嫌贵, en: Too expensive }
    principle: { zh-CN: 讲价说明想买：先讲价值，再谈优惠。, en: Haggling means wanting to buy; value first. }
    triggers:
      keywords: [太贵, 便宜点, expensive]
      examples: [能不能便宜一点啊, this is too pricey for me]
    replies:
      - id: tea-price-value
        label: 先讲价值
        text: "{{customer}}，{{product}}是明前头采，一斤能泡两百杯，算下来一杯不到两块钱。"
      - id: tea-price-gift
        label: 送小样
        text: "{{customer}}，价格是统一的，我送您一份{{product}}小样先尝尝。"
  - id: tea-doubt
    intent: doubt
    title: { zh-CN: 怀疑效果, en: Doubts it works }
    principle: { zh-CN: 怀疑时讲真实客户的故事。, en: Tell a real customer's story when they doubt. }
    triggers:
      keywords: [真的吗, 骗人, really]
      examples: [你们说的是真的吗]
    replies:
      - id: tea-doubt-story
        label: 讲故事
        text: "{{customer}}，上个月有位老师也是这么问的，后来回购了三次。"
sequences:
  - id: golden
    title: 黄金销售模型
    steps:
      - id: icebreak
        title: { zh-CN: 破冰, en: Break the ice }
        goal: { zh-CN: 让客户愿意聊下去, en: Get the customer talking }
        intents: [other]
        next: consider
        replies:
          - id: tea-hello
            label: 打招呼
            text: 您好，想找什么口味的茶？
      - id: consider
        title: { zh-CN: 考虑, en: Consider }
        goal: { zh-CN: 帮客户下决定, en: Help the customer decide }
        intents: [price, hesitation]
        next: resolve_doubt
        uses: [tea-price-value]
      - id: resolve_doubt
        title: { zh-CN: 解除疑虑, en: Resolve doubt }
        goal: { zh-CN: 用故事打消顾虑, en: Use a story to settle the doubt }
        intents: [doubt]
        uses: [tea-doubt-story]
stories:
  - id: tea-story-teacher
    title: { zh-CN: 回购三次的王老师, en: The teacher who came back three times }
    background: 王老师在学校教语文，每天喝茶
    problem: 以前买的茶泡两次就没味道
    solution: 试了我们的明前龙井
    feeling:
      before: 觉得好茶都是噱头
      after: 现在办公室同事都找她要茶
`;

/** Compiles playbook texts into a bundle (the same path as `closer build`). */
export function bundleOf(...playbooks: string[]): Bundle {
  const parsed = playbooks.map((text, index) => parsePlaybook(text, `test-${index}.playbook.yaml`));
  const errors = lintPlaybooks(parsed).filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`test playbook has errors: ${errors.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`);
  return buildBundle(parsed);
}

/**
 * A bundle of test playbooks with the core's base intent corpus, as `closer build` makes it: a
 * customer's plain price question is `price` whatever the playbooks' own triggers say, so a test
 * does not depend on which bundle happened to read the page's first message.
 */
export function bundleWithBaseOf(...playbooks: string[]): Bundle {
  const parsed = playbooks.map((text, index) => parsePlaybook(text, `test-${index}.playbook.yaml`));
  return buildBundle(parsed, { base: loadBaseCorpus() });
}

/** Writes a bundle (or any text) to a temporary .json file for the panel's file input. */
export function writeTempFile(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'closer-bundle-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
