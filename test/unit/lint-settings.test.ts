import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIGURABLE_RULES, lintPlaybooks, parseCloserConfig, parsePlaybook } from '@closer/shared';
import { runCli } from '@closer/shared/node';

const text = (lint = '') => `id: shop\ntitle: Shop\n${lint}replies:\n  - id: deal\n    label: Deal\n    text: 只要399元，保证满意。\n`;

function rules(source: string, settings?: Record<string, 'off' | 'warning' | 'error'>) {
  return lintPlaybooks([parsePlaybook(source, 'shop.playbook.yaml')], { settings }).map((d) => `${d.rule}:${d.severity}`);
}

describe('lint settings: per team (closer.config.yaml) and per playbook ("lint")', () => {
  it('the compliance rules warn by default', () => {
    expect(rules(text())).toEqual(['hard-coded-figure:warning', 'absolute-guarantee:warning']);
  });

  it('a team turns a rule off or makes it an error', () => {
    expect(rules(text(), { 'hard-coded-figure': 'off', 'absolute-guarantee': 'error' })).toEqual(['absolute-guarantee:error']);
  });

  it("a playbook's own setting wins over the team's", () => {
    expect(rules(text('lint:\n  hard-coded-figure: warning\n'), { 'hard-coded-figure': 'off' })).toEqual(['hard-coded-figure:warning', 'absolute-guarantee:warning']);
  });

  it('rules that report errors cannot be configured', () => {
    expect(CONFIGURABLE_RULES.has('undeclared-variable')).toBe(false);
    expect(CONFIGURABLE_RULES.has('false-scarcity')).toBe(true);
  });

  it('the settings file names the line of a misspelt rule or a wrong level', () => {
    const config = parseCloserConfig('lint:\n  hard-coded-figure: off\n  absolute-guarantees: error\n  false-scarcity: loud\nlnt: {}\n', 'closer.config.yaml', CONFIGURABLE_RULES);
    expect(config.lint).toEqual({ 'hard-coded-figure': 'off' });
    expect(config.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      expect.stringMatching(/^5:1 unknown key "lnt" — did you mean "lint"\?/),
      expect.stringMatching(/^3:3 "absolute-guarantees" is not a rule that can be set here — did you mean "absolute-guarantee"\?/),
      expect.stringMatching(/^4:19 the level of "false-scarcity" must be one of off, warning, error; "loud" is not/),
    ]);
  });

  it('closer lint reads closer.config.yaml from the current folder, or --config', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'closer-config-'));
    writeFileSync(path.join(dir, 'shop.playbook.yaml'), text());
    const run = async (...args: string[]) => {
      let stdout = '';
      const code = await runCli(['lint', ...args], { stdout: (t) => (stdout += t), stderr: () => {}, lines: async function* () {}, cwd: dir });
      return { code, stdout };
    };
    expect((await run('shop.playbook.yaml')).stdout).toContain('warning');
    writeFileSync(path.join(dir, 'closer.config.yaml'), 'lint:\n  hard-coded-figure: off\n  absolute-guarantee: off\n');
    expect(await run('shop.playbook.yaml')).toEqual({ code: 0, stdout: '' });
    writeFileSync(path.join(dir, 'strict.yaml'), 'lint:\n  absolute-guarantee: error\n');
    expect((await run('--config', 'strict.yaml', 'shop.playbook.yaml')).stdout).toMatch(/shop\.playbook\.yaml:6:\d+ error reply "deal" makes a guarantee/);
    expect((await run('--config', 'none.yaml', 'shop.playbook.yaml')).stdout).toMatch(/^none\.yaml:1:1 error the settings file cannot be read: no such file or folder \(ENOENT\)$/m);
  });
});
