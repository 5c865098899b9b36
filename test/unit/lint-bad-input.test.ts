import { describe, expect, it } from 'vitest';
import { decodePlaybookBytes } from '@closer/shared/node';
import { lintPlaybooks, parsePlaybook, type Diagnostic } from '@closer/shared';

function lintText(text: string): Diagnostic[] {
  return lintPlaybooks([parsePlaybook(text, 'bad.playbook.yaml')]);
}

function lintBytes(bytes: Uint8Array): Diagnostic[] {
  const decoded = decodePlaybookBytes(bytes, 'bad.playbook.yaml');
  return lintPlaybooks([typeof decoded === 'string' ? parsePlaybook(decoded, 'bad.playbook.yaml') : decoded]);
}

/** Each bad input must give at least one error that names the file and a position, quickly. */
function expectClearError(diagnostics: Diagnostic[], pattern: RegExp) {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) {
    expect(error.file).toBe('bad.playbook.yaml');
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.column).toBeGreaterThanOrEqual(1);
  }
  expect(errors.map((e) => e.message).join('\n')).toMatch(pattern);
}

function timed<T>(run: () => T): T {
  const start = performance.now();
  const result = run();
  // Not a benchmark: a guard that bad input cannot hang the linter.
  expect(performance.now() - start).toBeLessThan(2000);
  return result;
}

describe('lint survives bad input', () => {
  it('malformed YAML', () => expectClearError(timed(() => lintText('id: x\ntitle: [unclosed\n')), /never closed/));
  it('a tab-indented file', () => expectClearError(timed(() => lintText('id: x\ntitle: y\nobjections:\n\t- id: a\n')), /tab/));
  it('a 5 MB file', () => {
    const huge = 'id: huge\ntitle: Huge\nreplies:\n' + '  - id: r\n    label: l\n    text: aaaaaaaaaa\n'.repeat(120_000);
    expect(huge.length).toBeGreaterThan(5_000_000);
    expectClearError(timed(() => lintText(huge)), /MB/);
    expectClearError(timed(() => lintBytes(new TextEncoder().encode(huge))), /MB/);
  });
  it('a YAML alias bomb', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill('*' + 'abcdefghi'[i]).join(',')}]`)].join('\n');
    expectClearError(timed(() => lintText(bomb)), /alias/);
  });
  it('__proto__ and constructor keys, without polluting prototypes', () => {
    const diagnostics = timed(() => lintText('id: x\ntitle: y\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n'));
    expectClearError(diagnostics, /unknown key "__proto__"/);
    expect(diagnostics.map((d) => d.message).join()).toContain('unknown key "constructor"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('binary garbage', () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expectClearError(timed(() => lintBytes(garbage)), /binary|UTF-8/);
  });
  it('an empty file', () => expectClearError(timed(() => lintText('')), /no content/));
  it('a file that is only a comment', () => expectClearError(timed(() => lintText('# just a note\n')), /no content/));
  it('non-UTF-8 bytes', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('id: x\ntitle: caf'), 0xe9, 0x0a]);
    expectClearError(timed(() => lintBytes(latin1)), /not UTF-8/);
  });
  it('a list or a bare word at the top', () => {
    expectClearError(timed(() => lintText('- a\n- b\n')), /mapping/);
    expectClearError(timed(() => lintText('hello\n')), /mapping/);
  });
  it('a half-typed key', () => expectClearError(timed(() => lintText('id: x\ntitle: y\nobjec\n')), /.+/));
});
