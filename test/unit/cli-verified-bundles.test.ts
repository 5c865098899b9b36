import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { bundleText, precompileBundle } from '@closer/shared';
import { runCli, type Io } from '@closer/shared/node';
import { engineBundle } from './engine-fixture.ts';

// The CLI checks a bundle file's schema and hash once and then trusts that exact file (same size
// and time of change) on later starts. These tests check that the shortcut never lets a changed
// or broken file through.

const dir = mkdtempSync(path.join(tmpdir(), 'closer-verified-'));

async function suggest(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), lines: async function* () {}, cwd: dir };
  const code = await runCli(['suggest', '--json', '--bundle', file, '太贵了'], io);
  return { code, stdout, stderr };
}

test('a bundle changed after a checked start is checked again and refused', async () => {
  const file = path.join(dir, 'changed.json');
  writeFileSync(file, JSON.stringify(precompileBundle(engineBundle())));
  expect((await suggest(file)).code).toBe(0);
  expect((await suggest(file)).code).toBe(0);
  // A reply's text changed by hand, the hash left as it was.
  writeFileSync(file, readFileSync(file, 'utf8').replace('给您看一个和您情况很像的客户案例。', '保证有效，无效退款。'));
  const later = await suggest(file);
  expect(later.code).toBe(1);
  expect(later.stderr).toMatch(/hash/);
});

test('a broken bundle is refused on every start, never remembered as checked', async () => {
  const file = path.join(dir, 'broken.json');
  const bundle = precompileBundle(engineBundle()) as unknown as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...bundle, playbooks: 'none' }));
  const fixed = new Date('2026-01-01T00:00:00Z');
  for (let run = 0; run < 2; run++) {
    utimesSync(file, fixed, fixed);
    const result = await suggest(file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/playbooks/);
  }
});

test('a bundle written a member a line is read a member at a time once checked, and answers the same', async () => {
  const file = path.join(dir, 'members.json');
  writeFileSync(file, bundleText(precompileBundle(engineBundle())));
  const fixed = new Date('2026-01-01T00:00:00Z');
  utimesSync(file, fixed, fixed);
  const first = await suggest(file);
  const second = await suggest(file);
  expect(first.code).toBe(0);
  expect(second).toEqual(first);
  // The precompiled intent model broken by hand, with the file's size and time kept: a command that
  // never reads them (followups) is not stopped, and one that does says which file and member.
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf('\n"intent":', text.indexOf('\n"precompiled":')) + '\n"intent":'.length;
  writeFileSync(file, `${text.slice(0, at)}!${text.slice(at + 1)}`);
  utimesSync(file, fixed, fixed);
  const cases = path.join(dir, 'none.jsonl');
  writeFileSync(cases, '');
  let stderr = '';
  const io: Io = { stdout: () => {}, stderr: (line) => void (stderr += line), lines: async function* () {}, cwd: dir };
  const code = await runCli(['followups', '--json', '--bundle', file, cases], io);
  expect(stderr).not.toMatch(/precompiled|JSON/);
  expect(code).toBe(0);
  const broken = await suggest(file);
  expect(broken.code).toBe(1);
  expect(broken.stderr).toBe(`closer suggest: ${file}: the bundle is not valid JSON in "precompiled.intent" (${jsonError(`!${text.slice(at + 1, text.indexOf('\n', at))}`)})\n`);
});

/** JSON.parse's own message for the text, as the CLI quotes it. */
function jsonError(text: string): string {
  try {
    JSON.parse(text.replace(/,$/, ''));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected invalid JSON');
}
