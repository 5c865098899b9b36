import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIGURABLE_RULES, lintPlaybooks, parseCloserConfig, parsePlaybook, RULE_LIMITS } from '@closer/shared';
import { runCli } from '@closer/shared/node';

// Diagnostics as "file:line:col rule", the way closer lint locates them.
function lint(files: Record<string, string>, settings?: Parameters<typeof lintPlaybooks>[1]) {
  return lintPlaybooks(Object.entries(files).map(([name, text]) => parsePlaybook(text, name)), settings).map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`);
}

const categories = `id: categories
title: 分类
customerTags:
  - id: source
    label: 客户来源
  - id: source_referral
    parent: source
    label: 转介绍
`;

function tags(count: number, lintKey = '') {
  const lines = ['id: many', 'title: 标签', lintKey, 'customerTags:'];
  for (let i = 1; i <= count; i++) lines.push(`  - id: tag_${i}`, '    parent: source_referral', `    label: 标签${i}`);
  return lines.filter(Boolean).join('\n') + '\n';
}

describe('lint: the customer tag tree', () => {
  it('a tree split over two playbooks is one tree: a tag under another file\'s group is fine', () => {
    expect(lint({ 'a.playbook.yaml': categories, 'b.playbook.yaml': tags(2) })).toEqual([]);
  });

  it('a parent that no playbook declares is located at the parent', () => {
    expect(lint({ 'b.playbook.yaml': tags(1) })).toEqual(['b.playbook.yaml:5:13 unknown-tag']);
  });

  it('a duplicate tag id is an error within one playbook and across playbooks, naming where it was first given', () => {
    const twice = categories + '  - id: source_referral\n    parent: source\n    label: 又一个\n';
    const found = lintPlaybooks([parsePlaybook(twice, 'a.playbook.yaml'), parsePlaybook(categories.replace('id: categories', 'id: other'), 'c.playbook.yaml')]);
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual([
      'a.playbook.yaml:9:9 duplicate-id',
      'c.playbook.yaml:4:9 duplicate-id',
      'c.playbook.yaml:6:9 duplicate-id',
    ]);
    expect(found[0]!.message).toBe('tag id "source_referral" is already used at a.playbook.yaml:6:9; ids must be unique across all playbooks');
  });

  it('a cycle through two files is named in both files, at each parent', () => {
    const a = 'id: a\ntitle: A\ncustomerTags:\n  - id: one\n    parent: two\n    label: 一\n';
    const b = 'id: b\ntitle: B\ncustomerTags:\n  - id: two\n    parent: one\n    label: 二\n';
    expect(lint({ 'a.playbook.yaml': a, 'b.playbook.yaml': b })).toEqual(['a.playbook.yaml:5:13 tag-cycle', 'b.playbook.yaml:5:13 tag-cycle']);
  });

  it('a self-parent is a cycle, not a crash', () => {
    expect(lint({ 'a.playbook.yaml': 'id: a\ntitle: A\ncustomerTags:\n  - id: me\n    parent: me\n    label: 我\n' })).toEqual(['a.playbook.yaml:5:13 tag-cycle']);
  });

  it('a wrong tier and a wrong suggest key are schema errors, located', () => {
    const bad = categories + '  - id: friend\n    parent: source_referral\n    label: 朋友\n    tier: cheap\n    suggest: { intent: [price] }\n';
    const found = lintPlaybooks([parsePlaybook(bad, 'a.playbook.yaml')]);
    expect(found.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      '12:11 wrong-type "tier" must be one of entry, middle, top; "cheap" is not',
      expect.stringMatching(/^13:16 unknown-key unknown key "intent" — did you mean "intents"\?/),
    ]);
  });
});

describe('lint: more tags than a salesperson can scan', () => {
  it('warns past 30 tags by default, once, at the customerTags of the playbook that declares the most', () => {
    expect(lint({ 'a.playbook.yaml': categories, 'b.playbook.yaml': tags(30) })).toEqual([]);
    const found = lintPlaybooks([parsePlaybook(categories, 'a.playbook.yaml'), parsePlaybook(tags(31), 'b.playbook.yaml')]);
    expect(found).toMatchObject([{ file: 'b.playbook.yaml', line: 3, column: 1, rule: 'too-many-tags', severity: 'warning' }]);
    expect(found[0]!.message).toContain('more than 30 customer tags');
    expect(found[0]!.message).toContain('this playbook declares 31 of them');
  });

  it('counts only tags (level 3): categories and groups are not scanned as tags', () => {
    expect(RULE_LIMITS.get('too-many-tags')).toBe(30);
    expect(lint({ 'a.playbook.yaml': categories, 'b.playbook.yaml': tags(29) })).toEqual([]);
  });

  it('the team changes the number in closer.config.yaml, and a playbook\'s own number wins over it', () => {
    const files = { 'a.playbook.yaml': categories, 'b.playbook.yaml': tags(12) };
    const config = parseCloserConfig('lint:\n  too-many-tags: 10\n', 'closer.config.yaml', CONFIGURABLE_RULES, new Set(RULE_LIMITS.keys()));
    expect(config.diagnostics).toEqual([]);
    expect(config.lint).toEqual({ 'too-many-tags': 10 });
    expect(lint(files, { settings: config.lint })).toEqual(['b.playbook.yaml:3:1 too-many-tags']);
    expect(lint({ ...files, 'b.playbook.yaml': tags(12, 'lint:\n  too-many-tags: 15') }, { settings: config.lint })).toEqual([]);
    expect(lint(files, { settings: { 'too-many-tags': 'off' } })).toEqual([]);
  });

  it('a number for a rule without one, or a number that is not a count, is a located error', () => {
    expect(lint({ 'a.playbook.yaml': 'id: a\ntitle: A\nlint:\n  hard-coded-figure: 3\n' })).toEqual(['a.playbook.yaml:4:22 lint-settings']);
    const config = parseCloserConfig('lint:\n  too-many-tags: 2.5\n  hard-coded-figure: 4\n', 'closer.config.yaml', CONFIGURABLE_RULES, new Set(RULE_LIMITS.keys()));
    expect(config.lint).toEqual({});
    expect(config.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '2:18 the number for "too-many-tags" is a whole number above 0; 2.5 is not',
      expect.stringMatching(/^3:22 the level of "hard-coded-figure" must be one of off, warning, error/),
    ]);
  });
});

describe('closer lint with the team\'s number', () => {
  it('reads too-many-tags: N from closer.config.yaml in the folder, and names a bad number by line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'closer-tags-'));
    writeFileSync(path.join(dir, 'a.playbook.yaml'), categories);
    writeFileSync(path.join(dir, 'b.playbook.yaml'), tags(3));
    const run = async () => {
      let stdout = '';
      const code = await runCli(['lint', '.'], { stdout: (text) => void (stdout += text), stderr: (text) => void (stdout += text), lines: async function* () {}, cwd: dir });
      return { code, stdout };
    };
    expect(await run()).toEqual({ code: 0, stdout: '2 playbook(s) checked: 0 error(s), 0 warning(s)\n' });
    writeFileSync(path.join(dir, 'closer.config.yaml'), 'lint:\n  too-many-tags: 2\n');
    const limited = await run();
    // closer lint exits 1 on any diagnostic, warnings included.
    expect(limited.code).toBe(1);
    expect(limited.stdout).toMatch(/b\.playbook\.yaml:3:1 warning the tag tree has more than 2 customer tags/);
    writeFileSync(path.join(dir, 'closer.config.yaml'), 'lint:\n  too-many-tags: -1\n');
    const bad = await run();
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/closer\.config\.yaml:2:18 error the number for "too-many-tags" is a whole number above 0; -1 is not/);
  });
});
