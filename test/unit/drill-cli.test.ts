// closer drill: scoring a transcript line by line, and playing a drill in the terminal.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildBundle, bundleReplies, parsePlaybook, renderReply, replyLanguage, type Bundle } from '@closer/shared';
import { runCli, type Io } from '@closer/shared/node';
import { defaultBundle, teamMinimalBundle } from '../eval/evaluate.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'closer-drill-'));
const bundleFile = path.join(dir, 'bundle.json');
let bundle: Bundle;
beforeAll(async () => {
  bundle = await defaultBundle();
  writeFileSync(bundleFile, JSON.stringify(bundle));
});

async function cli(args: string[], input: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    lines: async function* () {
      yield* input;
    },
    cwd: dir,
  };
  return { code: await runCli(args, io), stdout, stderr };
}

function approved(id: string): string {
  const entry = bundleReplies(bundle).find((candidate) => candidate.reply.id === id)!;
  return renderReply(entry.reply.text, entry.variables, {}, replyLanguage(entry.reply)).text;
}

describe('closer drill score --jsonl', () => {
  test('prints one contract object: an approved reply scores high, an off-topic one low', async () => {
    const lines = [
      JSON.stringify({ customer: '太贵了，能便宜点吗', reply: approved('price-value-first') }),
      JSON.stringify({ customer: '好的，怎么下单', reply: '今天天气不错，您吃饭了吗' }),
    ];
    const { code, stdout } = await cli(['drill', 'score', '--jsonl', '--bundle', bundleFile], lines);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['turns', 'total']);
    expect(result.turns.map((turn: { intent: string }) => turn.intent)).toEqual(['price', 'buy_signal']);
    expect(Object.keys(result.turns[0])).toEqual(expect.arrayContaining(['intent', 'score', 'why']));
    expect(result.turns[0].score).toBeGreaterThanOrEqual(90);
    expect(result.turns[1].score).toBeLessThan(40);
    expect(result.turns[0].why).toHaveLength(6);
    expect(result.total).toBe(Math.round((result.turns[0].score + result.turns[1].score) / 2));
  });

  test('a bad line gets its line number and what is wrong; the others are scored', async () => {
    const lines = ['{not json', JSON.stringify({ customer: '太贵了', reply: approved('price-value-first') }), '', JSON.stringify({ customer: '', reply: 'x' }), JSON.stringify({ customer: '太贵了', reply: 'ok', intent: 'haggle' })];
    const result = JSON.parse((await cli(['drill', 'score', '--jsonl', '--bundle', bundleFile], lines)).stdout);
    expect(result.turns).toHaveLength(4);
    expect(result.turns[0]).toEqual({ line: 1, error: expect.stringContaining('not JSON') });
    expect(result.turns[1].score).toBeGreaterThanOrEqual(90);
    expect(result.turns[2]).toEqual({ line: 4, error: expect.stringContaining('"customer"') });
    expect(result.turns[3].error).toContain('buy_signal');
    expect(result.total).toBe(result.turns[1].score);
  });

  test('usage mistakes exit 2 with a reason', async () => {
    expect((await cli(['drill', 'score', '--bundle', bundleFile])).code).toBe(2);
    expect((await cli(['drill', 'play'])).code).toBe(2);
  });
});

describe('closer drill (in the terminal)', () => {
  test('plays the written drill, shows each turn’s points and reasons, the approved reply and the principle, and the total', async () => {
    const file = `id: t
title: T
objections:
  - id: dear
    intent: price
    title: Dear
    principle: Value before the discount.
    triggers: { examples: [too expensive, can you do it cheaper] }
    replies: [{ id: value, label: Value, text: "Let me show you what the price pays for: the materials and a year of support." }]
drills:
  - id: quick
    title: A quick one
    persona: A careful buyer.
    turns:
      - intent: price
        customer: That is too expensive.
      - intent: price
        customer: Can you do it cheaper?
`;
    const small = path.join(dir, 'small.json');
    writeFileSync(small, JSON.stringify(buildBundle([parsePlaybook(file, 't.playbook.yaml')])));
    const { code, stdout } = await cli(['drill', '--bundle', small, '--lang', 'en'], ['Let me show you what the price pays for: the materials and a year of support.', 'I guarantee it, risk-free!']);
    expect(code).toBe(0);
    expect(stdout).toContain('A quick one');
    expect(stdout).toContain('[1/2] Customer: That is too expensive.');
    expect(stdout).toContain('Approved reply: Let me show you what the price pays for');
    expect(stdout).toContain('Principle: Value before the discount.');
    expect(stdout).toMatch(/compliance 0\/15: not compliant: the reply makes a guarantee/);
    expect(stdout).toMatch(/Total \d+\/100 \(2 turns\)/);
  });

  test('without a written drill, plays one made from the objections; input ending early still scores what was answered', async () => {
    // A team bundle that writes no drill.
    const team = path.join(dir, 'team.json');
    writeFileSync(team, JSON.stringify(await teamMinimalBundle()));
    const { code, stdout } = await cli(['drill', '--bundle', team], ['您好呀，有什么可以帮您？']);
    expect(code).toBe(0);
    expect(stdout).toContain('按黄金销售模型走一遍');
    expect(stdout).toContain('练习在第 2 轮提前结束');
    expect(stdout).toMatch(/总分 \d+\/100（1 轮）/);
  });

  test('an unknown drill, or a bundle without objections, says what is missing and exits 1', async () => {
    expect((await cli(['drill', '--bundle', bundleFile, '--drill', 'nope'])).stderr).toContain('no drill "nope"');
    const bare = path.join(dir, 'bare.json');
    writeFileSync(bare, JSON.stringify(buildBundle([parsePlaybook('id: b\ntitle: B\nreplies: [{ id: hi, label: Hi, text: Hello }]\n', 'b.playbook.yaml')])));
    const { code, stderr } = await cli(['drill', '--bundle', bare, '--lang', 'en']);
    expect(code).toBe(1);
    expect(stderr).toContain('no objections');
  });
});
