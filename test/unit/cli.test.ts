import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundle, formatDiagnostic, loadBundle, parsePlaybook, type Diagnostic, precompileBundle } from '@closer/shared';
import { runCli } from '@closer/shared/node';

/** Run the CLI in-process, for the many-case checks; the rest run the real binary. */
async function closerInProcess(args: string[], cwd: string) {
  let stdout = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: () => {}, lines: async function* () {}, cwd });
  return { code, stdout };
}

// These run the real `closer` binary, as a user would through `npx closer`.
const bin = path.resolve('node_modules/.bin/closer');
function closer(args: string[], cwd = process.cwd()) {
  const result = spawnSync(bin, args, { cwd, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('closer CLI', { timeout: 120_000 }, () => {
  const invalidDir = path.resolve('test/fixtures/playbooks/invalid');

  it('lint prints the expected file:line:col diagnostics for every invalid fixture and exits 1', async () => {
    for (const name of readdirSync(invalidDir).filter((n) => n.endsWith('.playbook.yaml'))) {
      const expected: Diagnostic[] = JSON.parse(readFileSync(path.join(invalidDir, name.replace('.playbook.yaml', '.expected.json')), 'utf8'));
      const { code, stdout } = await closerInProcess(['lint', path.join(invalidDir, name)], invalidDir);
      expect(code, name).toBe(1);
      expect(stdout).toBe(expected.map((d) => formatDiagnostic(d) + '\n').join(''));
    }
  });

  it('the real binary prints a fixture\'s diagnostics and exits 1', () => {
    const { code, stdout } = closer(['lint', 'undeclared-variable.playbook.yaml'], invalidDir);
    expect(code).toBe(1);
    expect(stdout).toContain('undeclared-variable.playbook.yaml:16:16 error reply "value" uses {{prodct}}, which is not declared — did you mean {{product}}?');
  });

  it('lint exits 0 on clean playbooks, 2 on a usage error or a missing path', () => {
    expect(closer(['lint', 'test/fixtures/playbooks/valid']).code).toBe(0);
    expect(closer(['lint', '--bogus']).code).toBe(2);
    expect(closer(['lint', 'no/such/folder']).code).toBe(2);
    expect(closer(['frobnicate']).code).toBe(2);
  });

  it('every command has --help', () => {
    const top = closer(['--help']);
    expect(top.code).toBe(0);
    const names = [...top.stdout.matchAll(/^ {2}([a-z]+) {2,}/gm)].map((m) => m[1]!);
    expect(names).toEqual(expect.arrayContaining(['lint', 'build']));
    for (const name of names) {
      const help = closer([name, '--help']);
      expect(help.code, name).toBe(0);
      expect(help.stdout).toContain(`closer ${name}`);
    }
  });

  it('build writes a bundle that loads back equal to the playbooks', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'closer-')), 'bundle.json');
    const result = closer(['build', 'test/fixtures/playbooks/valid', '-o', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(out);
    const loaded = loadBundle(readFileSync(out, 'utf8'));
    const file = 'test/fixtures/playbooks/valid/shop.playbook.yaml';
    // By default the core's base intent corpus comes along; --no-base leaves it out.
    expect(loaded.base?.name).toBe('closer-base');
    // With its indexes precompiled, so the extension starts without rebuilding them.
    expect(loaded).toEqual(precompileBundle(buildBundle([parsePlaybook(readFileSync(file, 'utf8'), file)], { base: loaded.base })));
    expect(closer(['build', 'test/fixtures/playbooks/valid', '--no-base', '-o', out]).code).toBe(0);
    expect(loadBundle(readFileSync(out, 'utf8'))).toEqual(precompileBundle(buildBundle([parsePlaybook(readFileSync(file, 'utf8'), file)])));
  });

  it('build refuses playbooks with errors, writes nothing, and exits 1; without -o it is a usage error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'closer-'));
    writeFileSync(path.join(dir, 'x.playbook.yaml'), 'id: x\n');
    const result = closer(['build', dir, '-o', path.join(dir, 'bundle.json')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/x\.playbook\.yaml:1:1 error missing "title"/);
    expect(readdirSync(dir)).toEqual(['x.playbook.yaml']);
    expect(closer(['build', dir]).code).toBe(2);
  });
});
