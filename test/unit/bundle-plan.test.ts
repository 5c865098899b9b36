import { describe, expect, it } from 'vitest';
import { BundleError, buildBundle, loadBundle, parsePlaybook } from '@closer/shared';

const tagsYaml = `id: tags
title: Tags
replies:
  - id: reply_care
    label: Care
    text: 用得还顺手吗？
  - id: reply_magnet
    label: Trial
    text: 先试一节体验课？
  - id: reply_course
    label: Course
    text: 录播课可以先看看。
customerTags:
  - id: budget
    label: 预算
  - id: budget_low_group
    parent: budget
    label: 预算少
  - id: budget_low
    parent: budget_low_group
    label: 花钱谨慎
    tier: entry
    suggest: { intents: [price] }
followups:
  stop: { refusals: 4 }
  rules:
    - id: care_day1
      label: 第一天问感受
      when: won
      after: { days: 1 }
      send: reply_care
ladder:
  example: true
  rungs:
    - { id: rung_course, label: 录播课, kind: recorded, price: { min: 99, max: 299 }, tier: middle, reply: reply_course }
    - { id: rung_magnet, label: 体验课, kind: lead_magnet, price: { min: 0, max: 9.9 }, tier: entry, reply: reply_magnet }
`;

const stopYaml = `id: stop
title: Stop
followups:
  stop: { refusals: 2, lossReasons: [no_need, rival] }
  rules: []
`;

describe('bundle plan: tags, follow-ups and ladder merged over the playbooks', () => {
  it('carries the tag tree, the rules, the strictest stop rule and the rungs cheapest first', () => {
    const bundle = buildBundle([parsePlaybook(tagsYaml, 'tags.playbook.yaml'), parsePlaybook(stopYaml, 'stop.playbook.yaml')]);
    expect(bundle.customerTags.map((tag) => tag.id)).toEqual(['budget', 'budget_low_group', 'budget_low']);
    expect(bundle.followups.stop).toEqual({ refusals: 2, lossReasons: ['no_need', 'rival'] });
    expect(bundle.followups.rules.map((rule) => rule.id)).toEqual(['care_day1']);
    expect(bundle.ladder.map((rung) => rung.id)).toEqual(['rung_magnet', 'rung_course']);
    expect(bundle.playbooks[0]!.lines['budget_low']).toBe(19);
    expect(loadBundle(JSON.stringify(bundle))).toEqual(bundle);
  });

  it('gives empty parts and the default stop rule when no playbook declares them', () => {
    const bundle = buildBundle([parsePlaybook('id: bare\ntitle: Bare\n', 'bare.playbook.yaml')]);
    expect(bundle.customerTags).toEqual([]);
    expect(bundle.followups).toEqual({ stop: { refusals: 3, lossReasons: ['no_need'] }, rules: [] });
    expect(bundle.ladder).toEqual([]);
  });

  it('loads an older bundle written without them as empty, with its hash unchanged', () => {
    const bundle = buildBundle([parsePlaybook('id: bare\ntitle: Bare\n', 'bare.playbook.yaml')]);
    const { customerTags: _tags, followups: _followups, ladder: _ladder, ...older } = bundle;
    const loaded = loadBundle(JSON.stringify(older));
    expect(loaded.hash).toBe(bundle.hash);
    expect(loaded.customerTags).toEqual([]);
    expect(loaded.followups.stop.refusals).toBe(3);
    expect(loaded.ladder).toEqual([]);
  });

  it('refuses a bundle whose merged parts were changed after it was built', () => {
    const bundle = buildBundle([parsePlaybook(tagsYaml, 'tags.playbook.yaml')]);
    const changed = { ...bundle, followups: { ...bundle.followups, stop: { refusals: 99, lossReasons: [] } } };
    expect(() => loadBundle(JSON.stringify(changed))).toThrow(BundleError);
    expect(() => loadBundle(JSON.stringify(changed))).toThrow(/"followups" differ from its playbooks/);
  });
});
