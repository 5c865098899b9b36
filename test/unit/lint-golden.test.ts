import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_RULES, lintPlaybooks, parsePlaybook } from '@closer/shared';

// Golden files: `<rule>.playbook.yaml` beside `<rule>.expected.json`. Adding a case is adding two files.
// Run with UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change, then review the diff.
const invalidDir = path.resolve('test/fixtures/playbooks/invalid');
const validDir = path.resolve('test/fixtures/playbooks/valid');
const cases = readdirSync(invalidDir).filter((name) => name.endsWith('.playbook.yaml'));

function lintOne(dir: string, name: string) {
  return lintPlaybooks([parsePlaybook(readFileSync(path.join(dir, name), 'utf8'), name)]).map(
    ({ file, line, column, endLine, endColumn, severity, rule, message }) => ({ file, line, column, endLine, endColumn, severity, rule, message }),
  );
}

describe('lint golden fixtures', () => {
  it.each(cases)('%s gives exactly the expected diagnostics', (name) => {
    const expectedFile = path.join(invalidDir, name.replace('.playbook.yaml', '.expected.json'));
    const actual = lintOne(invalidDir, name);
    if (process.env.UPDATE_GOLDEN) writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
    expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
  });

  it.each(cases)('%s only triggers the rule it is named after', (name) => {
    const rule = name.replace('.playbook.yaml', '');
    const actual = lintOne(invalidDir, name);
    expect(actual.length).toBeGreaterThan(0);
    expect(new Set(actual.map((d) => d.rule))).toEqual(new Set([rule]));
  });

  it('every rule has its own file and a golden fixture', () => {
    for (const rule of LINT_RULES) {
      expect(existsSync(path.resolve(`shared/src/playbook/lint/rules/${rule.id}.ts`)), rule.id).toBe(true);
      expect(cases, rule.id).toContain(`${rule.id}.playbook.yaml`);
    }
  });

  it('valid fixtures are clean, without even a warning', () => {
    for (const name of readdirSync(validDir).filter((n) => n.endsWith('.playbook.yaml'))) {
      expect(lintOne(validDir, name)).toEqual([]);
    }
  });

  it('problems across files are found: a duplicate id in two playbooks', () => {
    const a = parsePlaybook('id: a\ntitle: A\nreplies:\n  - id: hello\n    label: Hi\n    text: Hi there\n', 'a.playbook.yaml');
    const b = parsePlaybook('id: b\ntitle: B\nreplies:\n  - id: hello\n    label: Hi\n    text: Hello\n', 'b.playbook.yaml');
    const diagnostics = lintPlaybooks([a, b]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'b.playbook.yaml', line: 4, column: 9, rule: 'duplicate-id' });
    expect(diagnostics[0]!.message).toContain('a.playbook.yaml:4:9');
  });
});
