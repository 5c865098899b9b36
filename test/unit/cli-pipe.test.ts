// A reader that stops early (`closer suggest --jsonl < messages | head`) closes the CLI's standard
// output: the run must end quietly, not with a stack trace about EPIPE.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const bin = path.resolve(import.meta.dirname, '../../shared/bin/closer.js');

it('ends quietly when the reader of its output goes away', async () => {
  const child = spawn(process.execPath, [bin, 'suggest', '--jsonl'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // Many lines, so that the CLI is still writing when the pipe closes.
  child.stdin.end('太贵了\n'.repeat(3000));
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).not.toMatch(/EPIPE|Error|at /);
  expect(code).toBe(0);
}, 60_000);
