import { describe, expect, it } from 'vitest';
import { lintPlaybooks, parsePlaybook } from '@closer/shared';

function lint(files: Record<string, string>) {
  return lintPlaybooks(Object.entries(files).map(([name, text]) => parsePlaybook(text, name))).map((d) => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.severity}`);
}

const offers = `id: offers
title: 产品
replies:
  - id: reply_magnet
    label: 体验课
    text: 可以先上一节体验课，觉得有用再往下走。
  - id: reply_camp
    label: 训练营
    text: 训练营三周，每天有人带着练。
`;

const rung = (id: string, price: string, tier: string, reply: string, kind = 'camp') =>
  `    - id: ${id}\n      label: ${id}\n      kind: ${kind}\n      price: ${price}\n      tier: ${tier}\n      reply: ${reply}\n`;
const ladder = (rungs: string) => `id: ladder\ntitle: 阶梯\nladder:\n  example: true\n  rungs:\n${rungs}`;

describe('lint: the product ladder', () => {
  it('a ladder whose rungs are offered by another playbook\'s replies, cheapest first, is clean', () => {
    const rungs = rung('magnet', '{ min: 0, max: 10 }', 'entry', 'reply_magnet', 'lead_magnet') + rung('camp', '{ min: 999, max: 1999 }', 'middle', 'reply_camp');
    expect(lint({ 'offers.playbook.yaml': offers, 'ladder.playbook.yaml': ladder(rungs) })).toEqual([]);
  });

  it('an unknown reply, an upside-down band and a dearer rung first are each located', () => {
    const rungs = rung('camp', '{ min: 999, max: 1999 }', 'middle', 'reply_camps') + rung('magnet', '{ min: 10, max: 0 }', 'entry', 'reply_magnet', 'lead_magnet');
    expect(lint({ 'offers.playbook.yaml': offers, 'ladder.playbook.yaml': ladder(rungs) })).toEqual([
      'ladder.playbook.yaml:11:14 ladder-reply error',
      'ladder.playbook.yaml:15:21 ladder-order warning',
      'ladder.playbook.yaml:15:21 ladder-price error',
    ]);
  });

  it('an unknown tier or kind is a located schema error', () => {
    const rungs = rung('camp', '{ min: 999, max: 1999 }', 'rich', 'reply_camp', 'bootcamp');
    const found = lintPlaybooks([parsePlaybook(offers, 'offers.playbook.yaml'), parsePlaybook(ladder(rungs), 'ladder.playbook.yaml')]);
    expect(found.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '8:13 "kind" must be one of lead_magnet, recorded, live, camp, community, coaching, consulting; "bootcamp" is not',
      '10:13 "tier" must be one of entry, middle, top; "rich" is not',
    ]);
  });

  it('a story is not an offer: a rung names a reply', () => {
    const story = offers + 'stories:\n  - id: story_a\n    title: 故事\n    background: 背景\n    problem: 问题\n    solution: 办法\n    feeling: { before: 之前, after: 之后 }\n';
    expect(lint({ 'offers.playbook.yaml': story, 'ladder.playbook.yaml': ladder(rung('camp', '{ min: 1, max: 2 }', 'middle', 'story_a')) })).toEqual(['ladder.playbook.yaml:11:14 ladder-reply error']);
  });
});
