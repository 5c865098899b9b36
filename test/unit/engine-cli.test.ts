import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, type Io } from '@closer/shared/node';
import { precompileBundle } from '@closer/shared';
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
    expect(Object.keys(result)).toEqual(['intent', 'intents', 'step', 'next', 'replies']);
    expect(result.intent).toBe('price');
    expect(result.step).toBe('consider');
    expect(result.next).toBe('ask_close');
    expect(result.intents).toHaveLength(6);
    // The evidence stays in the answer: the keyword or example found, and whose it is.
    expect(Object.keys(result.intents[0])).toEqual(expect.arrayContaining(['intent', 'score', 'objection']));
    expect(result.intents[0].keyword ?? result.intents[0].example).toBeTruthy();
    expect(Object.keys(result.replies[0])).toEqual(['id', 'text', 'playbook', 'score', 'why']);
    expect(result.replies[0].id).toBe('price-value');
  });

  test('stories are ranked among the replies when the customer doubts', async () => {
    const result = JSON.parse((await cli(['suggest', '--json', '--bundle', bundleFile, '真的有效果吗'])).stdout);
    expect(result.intent).toBe('doubt');
    expect(result.replies.map((reply: { id: string }) => reply.id)).toContain('busy-mom');
  });

  test('--jsonl answers line for line, in order; a blank line gets an error of its own', async () => {
    const lines = ['太贵了', '', '怎么下单', '{"message": "太贵了", "used": ["price-value"]}', '{not json'];
    const { code, stdout } = await cli(['suggest', '--jsonl', '--bundle', bundleFile], lines);
    expect(code).toBe(0);
    const answers = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(answers.map((answer) => answer.intent ?? answer.error)).toEqual(['price', 'the line is empty: give the customer’s message', 'buy_signal', 'price', 'other']);
    expect(answers[1].line).toBe(2);
    expect(answers[3].replies[0].id).not.toBe('price-value');
  });

  test('--jsonl takes the conversation: history (oldest first) moves the step, and next is given', async () => {
    const lines = [
      JSON.stringify({ message: '嗯嗯，有道理', history: ['你好', '这个真的有效果吗'] }),
      JSON.stringify({ message: '我再考虑一下', history: ['太贵了', '嗯'] }),
      JSON.stringify({ message: '这个课适合零基础吗', history: ['你好'] }),
    ];
    const answers = (await cli(['suggest', '--jsonl', '--bundle', bundleFile], lines)).stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(answers.map((answer) => [answer.step, answer.next])).toEqual([
      ['push_close', null],
      ['push_close', null],
      ['introduce', 'consider'],
    ]);
  });

  test('--jsonl bad lines: each gets its line number and what is wrong, the others are answered', async () => {
    const lines = [
      '[1, 2]',
      '{"message": 42}',
      '{"message": "太贵了", "history": "你好"}',
      '{"message": "太贵了", "history": ["ok", 3]}',
      '{"mesage": "太贵了"}',
      JSON.stringify({ message: '太贵了', history: Array.from({ length: 10_000 }, (_, i) => `第${i}条`) }),
      'x'.repeat(100_000),
      '😂😂😂',
      '\u0001\u0002',
      '<b>太贵了</b>',
    ];
    const { code, stdout } = await cli(['suggest', '--jsonl', '--bundle', bundleFile], lines);
    expect(code).toBe(0);
    const answers = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(answers).toHaveLength(lines.length);
    expect(answers.slice(0, 5).map((answer) => answer.line)).toEqual([1, 2, 3, 4, 5]);
    expect(answers[0].error).toMatch(/must be an object/);
    expect(answers[1].error).toMatch(/"message" must be .* string, not a number/);
    expect(answers[2].error).toMatch(/"history" must be a list of strings, not a string/);
    expect(answers[3].error).toMatch(/entry 2 is a number/);
    expect(answers[4].error).toMatch(/unknown key "mesage"/);
    expect(answers.slice(5).map((answer) => answer.intent)).toEqual(['price', 'other', 'other', 'other', 'price']);
  });

  test('--bundle reads a bundle saved with a UTF-8 byte-order mark, as the extension does', async () => {
    const withBom = path.join(dir, 'bom.json');
    writeFileSync(withBom, '\uFEFF' + JSON.stringify(precompileBundle(engineBundle())));
    const result = await cli(['suggest', '--json', '--bundle', withBom, '太贵了']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).intent).toBe('price');
  });

  test('--history FILE gives one message its earlier messages; a missing file is a clear error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'closer-history-'));
    const history = path.join(dir, 'history.txt');
    writeFileSync(history, '你好\n这个真的有效果吗\n');
    const result = JSON.parse((await cli(['suggest', '--json', '--bundle', bundleFile, '--history', history, '嗯嗯，有道理'])).stdout);
    expect(result.step).toBe('push_close');
    const missing = await cli(['suggest', '--json', '--bundle', bundleFile, '--history', path.join(dir, 'nope.txt'), '太贵了']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.txt: no such file/);
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
