import { describe, expect, it } from 'vitest';
import { lintPlaybooks, parsePlaybook } from '@closer/shared';

function lint(files: Record<string, string>) {
  return lintPlaybooks(Object.entries(files).map(([name, text]) => parsePlaybook(text, name))).map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`);
}

const texts = `id: texts
title: 话术
replies:
  - id: reply_care
    label: 问感受
    text: 用了几天，感觉怎么样？
stories:
  - id: story_mom
    title: 宝妈的故事
    background: 一位二胎妈妈
    problem: 孩子坐不住
    solution: 每天十分钟的小游戏
    feeling: { before: 每天吼孩子, after: 陪玩变轻松 }
`;

const plan = (rules: string, top = '') => `id: plan
title: 回访计划
followups:
${top}  rules:
${rules}`;

const rule = (id: string, fields: string) => `    - id: ${id}\n      label: 回访\n${fields}`;

describe('lint: the revisit plan', () => {
  it('a rule may send a reply or a story of another playbook', () => {
    const rules = rule('care', '      when: won\n      after: { days: 1 }\n      send: reply_care\n') + rule('story', '      when: won\n      after: { days: 7 }\n      send: story_mom\n');
    expect(lint({ 'texts.playbook.yaml': texts, 'plan.playbook.yaml': plan(rules) })).toEqual([]);
  });

  it('an unknown send is located at send, across files', () => {
    const rules = rule('care', '      when: won\n      after: { days: 1 }\n      send: reply_cares\n');
    expect(lint({ 'texts.playbook.yaml': texts, 'plan.playbook.yaml': plan(rules) })).toEqual(['plan.playbook.yaml:9:13 followup-send']);
  });

  it('a negative delay is a located schema error, an absurd one a located lint error', () => {
    const negative = plan(rule('neg', '      when: won\n      after: { days: -2 }\n      send: reply_care\n'));
    const absurd = plan(rule('long', '      when: meeting\n      after: { hours: 9000 }\n      send: reply_care\n'));
    const messages = (text: string) =>
      lintPlaybooks([parsePlaybook(texts, 'texts.playbook.yaml'), parsePlaybook(text, 'plan.playbook.yaml')]).map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`);
    expect(messages(negative)).toEqual(['8:22 wrong-type "days" must be at least 0; -2 is not']);
    expect(messages(absurd)).toEqual(['8:23 followup-delay follow-up "long" waits 375 days, more than a year (365); is it hours for days?']);
  });

  it('a duplicate rule id is an error, within a playbook and across playbooks', () => {
    const rules = rule('care', '      when: won\n      after: { days: 1 }\n      send: reply_care\n');
    const twice = plan(rules + rule('care', '      when: won\n      after: { days: 2 }\n      send: reply_care\n'));
    expect(lint({ 'texts.playbook.yaml': texts, 'plan.playbook.yaml': twice })).toEqual(['plan.playbook.yaml:10:11 duplicate-id']);
    expect(lint({ 'texts.playbook.yaml': texts, 'plan.playbook.yaml': plan(rules), 'other.playbook.yaml': plan(rules).replace('id: plan', 'id: other') })).toEqual(['other.playbook.yaml:5:11 duplicate-id']);
  });

  it('a team\'s own loss reason is known once declared under followups.reasons, in any playbook', () => {
    const rules = rule('lost_far', '      when: lost\n      lossReasons: [too_far]\n      after: { days: 30 }\n      send: reply_care\n');
    expect(lint({ 'texts.playbook.yaml': texts, 'plan.playbook.yaml': plan(rules) })).toEqual(['plan.playbook.yaml:8:21 followup-loss-reason']);
    expect(lint({ 'texts.playbook.yaml': texts, 'plan.playbook.yaml': plan(rules, '  reasons: [too_far]\n') })).toEqual([]);
  });

  it('a wrong when is a schema error that lists the triggers', () => {
    const found = lintPlaybooks([parsePlaybook(texts, 'texts.playbook.yaml'), parsePlaybook(plan(rule('x', '      when: sold\n      after: { days: 1 }\n      send: reply_care\n')), 'plan.playbook.yaml')]);
    expect(found.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual(['7:13 "when" must be one of won, lost, hot_lead, meeting, idle; "sold" is not']);
  });
});
