import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, lowerRungReply, parsePlaybook, suggestReplies, withLowerRung, type Bundle } from '@closer/shared';
import { loadPlaybookFiles, runCli, type Io } from '@closer/shared/node';
import { ENGINE_PLAYBOOK } from './engine-fixture.ts';

// The engine's small playbook plus a ladder and a tag tree, so these tests do not move when the
// default playbooks are edited.
const LADDER_PLAYBOOK = `
id: ladder-test
title: 阶梯测试
replies:
  - id: offer-trial
    label: 先试一节
    text: 先上一节体验课，觉得有用再往下走。
  - id: offer-recorded
    label: 先从录播课开始
    text: 预算紧的话，可以先从录播课开始，同一套方法按自己的节奏学。
  - id: offer-recorded-en
    lang: en
    label: Start with the recorded course
    text: If money is tight, start with the recorded course, the same method at your own pace.
  - id: offer-camp
    label: 训练营
    text: 训练营有人带着每天练。
customerTags:
  - id: means
    label: 消费能力
  - id: means_group
    parent: means
    label: { zh-CN: 预算, en: Budget }
  - id: means_little
    parent: means_group
    label: { zh-CN: 预算有限, en: Little to spend }
    tier: entry
  - id: means_high
    parent: means_group
    label: 预算充足
    tier: top
ladder:
  rungs:
    - { id: rung_trial, label: { zh-CN: 体验课, en: Trial class }, kind: lead_magnet, price: { min: 0, max: 9.9 }, tier: entry, reply: offer-trial }
    - { id: rung_recorded, label: { zh-CN: 录播课, en: Recorded course }, kind: recorded, price: { min: 99, max: 299 }, tier: entry, reply: offer-recorded, translations: { en: offer-recorded-en } }
    - { id: rung_camp, label: 训练营, kind: camp, price: { min: 1999, max: 2999 }, tier: middle, reply: offer-camp }
`;

let bundle: Bundle;
beforeAll(() => {
  bundle = buildBundle([parsePlaybook(ENGINE_PLAYBOOK, 'engine.playbook.yaml'), parsePlaybook(LADDER_PLAYBOOK, 'ladder.playbook.yaml')]);
});

describe('the product ladder in the suggestions', () => {
  it('offers the lower rung second, beside the best value reply, to a customer with little to spend who finds it dear', () => {
    const plain = suggestReplies('太贵了，能不能再便宜点', {}, bundle);
    const tagged = suggestReplies('太贵了，能不能再便宜点', { tags: ['means_little'] }, bundle);
    expect(plain.intent).toBe('price');
    expect(plain.replies.map((reply) => reply.id)).not.toContain('offer-recorded');
    expect(tagged.replies[0]!.id).toBe(plain.replies[0]!.id);
    expect(tagged.replies[1]).toMatchObject({ id: 'offer-recorded', rung: 'rung_recorded', used: false, playbook: 'ladder-test', file: 'ladder.playbook.yaml' });
    expect(tagged.replies[1]!.why).toBe('客户标签“预算有限”：嫌贵时先推小一级的录播课，而不是降价');
    expect(tagged.replies).toHaveLength(plain.replies.length);
  });

  it('offers the next cheaper entry rung once the first was offered in this chat, and nothing once both were', () => {
    const once = suggestReplies('太贵了', { tags: ['means_little'], usedReplies: ['offer-recorded'] }, bundle);
    expect(once.replies.find((reply) => reply.rung)?.id).toBe('offer-trial');
    const twice = suggestReplies('太贵了', { tags: ['means_little'], usedReplies: ['offer-recorded', 'offer-trial'] }, bundle);
    expect(twice.replies.some((reply) => reply.rung)).toBe(false);
  });

  it('uses the rung\'s English reply in an English chat, with an English why', () => {
    const english = suggestReplies('It costs too much for me', { tags: ['means_little'] }, bundle);
    expect(english.replies[1]).toMatchObject({ id: 'offer-recorded-en', why: 'tagged “Little to spend”: offer a smaller step (Recorded course) instead of a discount' });
  });

  it('offers no rung for another intent, for a customer of another tier, or without tags', () => {
    expect(suggestReplies('我再考虑一下', { tags: ['means_little'] }, bundle).replies.some((reply) => reply.rung)).toBe(false);
    expect(suggestReplies('太贵了', { tags: ['means_high'] }, bundle).replies.some((reply) => reply.rung)).toBe(false);
    expect(suggestReplies('太贵了', { tags: ['no_such_tag'] }, bundle).replies.some((reply) => reply.rung)).toBe(false);
    expect(lowerRungReply(bundle, { intent: 'price', language: 'zh-CN' }, 1)).toBeUndefined();
  });

  it('offers nothing from a bundle without a ladder, and keeps the limit', () => {
    const bare = buildBundle([parsePlaybook(ENGINE_PLAYBOOK, 'engine.playbook.yaml')]);
    expect(suggestReplies('太贵了', { tags: ['means_little'] }, bare).replies.some((reply) => reply.rung)).toBe(false);
    expect(suggestReplies('太贵了', { tags: ['means_little'] }, bundle, { limit: 1 }).replies.map((reply) => reply.id)).toHaveLength(1);
    expect(withLowerRung([{ id: 'a', score: 1 }, { id: 'b', score: 0.5 }], { id: 'b', score: 1 }, 5).map((reply) => reply.id)).toEqual(['a', 'b']);
    expect(withLowerRung([], { id: 'x', score: 1 }, 3).map((reply) => reply.id)).toEqual(['x']);
  });

  it('with the default playbooks, a price objection from a customer with little to spend gets the recorded course offer', async () => {
    const defaults = buildBundle(await loadPlaybookFiles(['playbooks']));
    const suggestion = suggestReplies('太贵了，学生党真的买不起', { tags: ['means_little'] }, defaults);
    expect(suggestion.intent).toBe('price');
    expect(suggestion.replies[1]).toMatchObject({ id: 'ladder-offer-recorded', rung: 'rung_recorded' });
    expect(suggestion.replies[0]!.rung).toBeUndefined();
  });
});

describe('closer suggest with the customer\'s tags', () => {
  async function cli(args: string[], input: string[] = []) {
    const dir = mkdtempSync(path.join(tmpdir(), 'closer-ladder-'));
    writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify(bundle));
    let stdout = '';
    let stderr = '';
    const io: Io = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), lines: async function* () { yield* input; }, cwd: dir };
    const code = await runCli(['suggest', '--bundle', 'bundle.json', ...args], io);
    return { code, stdout, stderr };
  }

  it('--tags puts the lower rung second in --json', async () => {
    const { code, stdout } = await cli(['--json', '--tags', 'means_little', '太贵了，能不能再便宜点']);
    expect(code).toBe(0);
    const replies = JSON.parse(stdout).replies as { id: string; why: string }[];
    expect(replies[1]).toMatchObject({ id: 'offer-recorded', why: expect.stringContaining('而不是降价') });
  });

  it('a --jsonl line gives its own tags, and a tags value that is not a list of strings is that line\'s error', async () => {
    const { code, stdout } = await cli(['--jsonl'], [JSON.stringify({ message: '太贵了', tags: ['means_little'] }), JSON.stringify({ message: '太贵了' }), JSON.stringify({ message: '太贵了', tags: 'means_little' })]);
    expect(code).toBe(0);
    const [tagged, plain, bad] = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(tagged.replies.map((reply: { id: string }) => reply.id)).toContain('offer-recorded');
    expect(plain.replies.map((reply: { id: string }) => reply.id)).not.toContain('offer-recorded');
    expect(bad).toEqual({ line: 3, error: '"tags" must be a list of strings, not a string' });
  });
});
