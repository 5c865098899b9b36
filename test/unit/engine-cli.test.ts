import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, type Io } from '@closer/shared/node';
import { engineBundle } from './engine-fixture.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'closer-engine-'));
const bundleFile = path.join(dir, 'bundle.json');
writeFileSync(bundleFile, JSON.stringify(engineBundle()));

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
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('closer suggest', () => {
  test('--json prints exactly the contract object', async () => {
    const { code, stdout } = await cli(['suggest', '--json', '--bundle', bundleFile, '太贵了，能便宜点吗']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['intent', 'intents', 'step', 'replies']);
    expect(result.intent).toBe('price');
    expect(result.step).toBe('consider');
    expect(result.intents).toHaveLength(6);
    expect(Object.keys(result.intents[0])).toEqual(['intent', 'score']);
    expect(Object.keys(result.replies[0])).toEqual(['id', 'text', 'playbook', 'score', 'why']);
    expect(result.replies[0].id).toBe('price-value');
  });

  test('stories are ranked among the replies when the customer doubts', async () => {
    const result = JSON.parse((await cli(['suggest', '--json', '--bundle', bundleFile, '真的有效果吗'])).stdout);
    expect(result.intent).toBe('doubt');
    expect(result.replies.map((reply: { id: string }) => reply.id)).toContain('busy-mom');
  });

  test('--jsonl answers line for line, in order, blank lines included', async () => {
    const lines = ['太贵了', '', '怎么下单', '{"message": "太贵了", "used": ["price-value"]}', '{not json'];
    const { code, stdout } = await cli(['suggest', '--jsonl', '--bundle', bundleFile], lines);
    expect(code).toBe(0);
    const answers = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(answers.map((answer) => answer.intent)).toEqual(['price', 'other', 'buy_signal', 'price', 'other']);
    expect(answers[3].replies[0].id).not.toBe('price-value');
  });

  test('text output shows the intent, the step and the replies with why', async () => {
    const { code, stdout } = await cli(['suggest', '--bundle', bundleFile, '--set', 'product=私教课', '太贵了']);
    expect(code).toBe(0);
    expect(stdout).toContain('intent: price');
    expect(stdout).toContain('step:   consider');
    expect(stdout).toContain('私教课');
    expect(stdout).toContain('why:');
  });

  test('usage errors exit 2, a broken bundle exits 1 with a clear message', async () => {
    expect((await cli(['suggest', '--bundle', bundleFile])).code).toBe(2);
    expect((await cli(['suggest', '--limit', 'many', '--bundle', bundleFile, 'hi'])).code).toBe(2);
    expect((await cli(['suggest', '--jsonl', '--bundle', bundleFile, 'hi'])).code).toBe(2);
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"format": "closer-bundle", "version": 1');
    const result = await cli(['suggest', '--bundle', broken, 'hi']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('broken.json');
    expect(result.stderr).toContain('not valid JSON');
    expect((await cli(['suggest', '--help'])).stdout).toContain('--jsonl');
  });
});

describe('closer search', () => {
  test('--json prints an array of the contract objects', async () => {
    const { code, stdout } = await cli(['search', '--json', '--limit', '2', '--bundle', bundleFile, '价值']);
    expect(code).toBe(0);
    const results = JSON.parse(stdout);
    expect(results).toHaveLength(2);
    expect(Object.keys(results[0])).toEqual(['id', 'title', 'text', 'category', 'score']);
    const pinyin = JSON.parse((await cli(['search', '--json', '--bundle', bundleFile, 'pobing'])).stdout);
    expect(pinyin[0]).toMatchObject({ id: 'icebreak', title: '破冰', category: 'icebreak' });
  });

  test('--jsonl prints one array a line, in order', async () => {
    const { stdout } = await cli(['search', '--jsonl', '--limit', '1', '--bundle', bundleFile], ['故事', '', 'jiage']);
    const answers = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(answers).toHaveLength(3);
    expect(answers[0][0].category).toBe('story');
    expect(answers[1]).toEqual([]);
    expect(answers[2][0].category).toBe('price');
  });

  test('text output and nothing found', async () => {
    expect((await cli(['search', '--bundle', bundleFile, '破冰'])).stdout).toContain('[icebreak · step icebreak');
    expect((await cli(['search', '--bundle', bundleFile, 'zzzzqqq'])).stdout).toBe('nothing found\n');
    expect((await cli(['search', '--bundle', bundleFile, '--limit', '0', 'x'])).code).toBe(2);
  });
});
