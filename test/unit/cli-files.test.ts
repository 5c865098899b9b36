// The CLI against files a careful prober makes: thousands of playbooks under a low open-file
// limit, a symbolic link loop, an unreadable file among good ones, a huge file, deep nesting.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '@closer/shared/node';


const bin = path.resolve('node_modules/.bin/closer');
let dir: string;

function closer(args: string[], options: { cwd?: string; shell?: string } = {}) {
  const result = options.shell
    ? spawnSync('sh', ['-c', `${options.shell} && exec "$0" "$@"`, bin, ...args], { cwd: options.cwd ?? dir, encoding: 'utf8', timeout: 120_000 })
    : spawnSync(bin, args, { cwd: options.cwd ?? dir, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function inProcess(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), lines: async function* () {}, cwd: dir });
  return { code, stdout, stderr };
}

const playbook = (id: string) => `id: ${id}\ntitle: T\nreplies:\n  - id: ${id}-reply\n    label: L\n    text: Hello from ${id}\n`;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'closer-files-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('closer lint and files', { timeout: 180_000 }, () => {
  it('checks 3,000 playbooks under an open-file limit of 256 (reads a bounded number at a time)', () => {
    const many = path.join(dir, 'many');
    mkdirSync(many);
    for (let index = 0; index < 3000; index++) writeFileSync(path.join(many, `p${index}.playbook.yaml`), playbook(`p${index}`));
    const result = closer(['lint', 'many'], { shell: 'ulimit -n 256' });
    expect(result.stderr).not.toMatch(/EMFILE|at .*\.m?js/);
    expect(result.stderr).toContain('3000 playbook(s) checked: 0 error(s)');
    expect(result.code).toBe(0);
  });

  it('a symbolic link loop given by name is one located line, not a stack trace', () => {
    symlinkSync('loop.playbook.yaml', path.join(dir, 'loop.playbook.yaml'));
    writeFileSync(path.join(dir, 'good.playbook.yaml'), playbook('good'));
    const result = closer(['lint', 'loop.playbook.yaml', 'good.playbook.yaml']);
    expect(result.stdout).toMatch(/^loop\.playbook\.yaml:1:1 error the file cannot be read: it is a symbolic link that leads back to itself \(ELOOP\)$/m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    // The good file was still checked.
    expect(result.stderr).toContain('2 playbook(s) checked: 1 error(s)');
    expect(result.code).toBe(1);
  });

  it('an unreadable file or folder is a diagnostic for it, and the others are still checked', () => {
    const folder = path.join(dir, 'mixed');
    mkdirSync(path.join(folder, 'locked'), { recursive: true });
    writeFileSync(path.join(folder, 'a.playbook.yaml'), playbook('a'));
    writeFileSync(path.join(folder, 'b.playbook.yaml'), playbook('b'));
    writeFileSync(path.join(folder, 'locked/c.playbook.yaml'), playbook('c'));
    chmodSync(dir, 0o755);
    chmodSync(path.join(folder, 'b.playbook.yaml'), 0o000);
    chmodSync(path.join(folder, 'locked'), 0o000);
    try {
      // Root reads everything: run as "nobody" then, so the permissions hold.
      const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      const result = spawnSync(bin, ['lint', 'mixed'], { cwd: dir, encoding: 'utf8', timeout: 60_000, ...asUser });
      expect(result.stdout).toMatch(/^mixed\/b\.playbook\.yaml:1:1 error the file cannot be read: permission denied \(EACCES\)$/m);
      expect(result.stdout).toMatch(/^mixed\/locked:1:1 error the folder cannot be read: permission denied \(EACCES\)$/m);
      expect(result.stderr).toContain('3 playbook(s) checked: 2 error(s)');
      expect(result.status).toBe(1);
    } finally {
      chmodSync(path.join(folder, 'b.playbook.yaml'), 0o644);
      chmodSync(path.join(folder, 'locked'), 0o755);
    }
  });

  it('a missing path is a usage error naming it', () => {
    const result = closer(['lint', 'no/such.playbook.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('closer lint: cannot read no/such.playbook.yaml: no such file or folder (ENOENT)\n');
  });

  it('a 55.6 MB file is reported with its real size and the limit, without being read', () => {
    const huge = path.join(dir, 'huge.playbook.yaml');
    writeFileSync(huge, Buffer.alloc(55_600_000, 'a'));
    const result = closer(['lint', 'huge.playbook.yaml']);
    expect(result.stdout).toBe('huge.playbook.yaml:1:1 error the file is 55.6 MB; a playbook may be at most 2.0 MB — split it into several playbooks\n');
    expect(result.code).toBe(1);
    rmSync(huge);
  });

  it('100,000-deep nesting, closed or not, is one clear error', () => {
    writeFileSync(path.join(dir, 'deep.playbook.yaml'), 'id: deep\ntitle: ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n');
    writeFileSync(path.join(dir, 'unclosed.playbook.yaml'), 'id: deep\ntitle: ' + '['.repeat(100_000) + '\n');
    const result = closer(['lint', 'deep.playbook.yaml', 'unclosed.playbook.yaml']);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/:2:\d+ error lists and mappings are nested more than 64 levels deep here/);
    expect(result.stdout).not.toContain('call stack');
    expect(result.code).toBe(1);
  });

  it('the same problem repeated in a file is printed once, with how many more', async () => {
    const replies = Array.from({ length: 30 }, (_, index) => `  - id: r${index}\n    label: L\n    text: "Hi {{nme}}"\n`).join('');
    writeFileSync(path.join(dir, 'repeated.playbook.yaml'), `id: repeated\ntitle: T\nvariables:\n  name:\n    label: Name\nreplies:\n${replies}`);
    const result = await inProcess(['lint', 'repeated.playbook.yaml']);
    // Each reply's message names the reply, so these differ: all 30 are printed.
    expect(result.stdout.trim().split('\n')).toHaveLength(31);
    writeFileSync(path.join(dir, 'same.playbook.yaml'), `id: same\ntitle: T\nreplies:\n  - id: r\n    label: L\n    text: "${'{{}} '.repeat(40)}"\n`);
    const same = await inProcess(['lint', 'same.playbook.yaml']);
    expect(same.stdout.trim().split('\n')).toHaveLength(1);
    expect(same.stdout).toContain('(and 39 more like it in this file)');
  });
});
