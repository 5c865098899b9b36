// Every string the extension localises has its Chinese translation, and the manifest's %keys%
// exist in both package.nls files: a new message cannot ship untranslated.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';

const EXTENSION = resolve(import.meta.dirname, '../../extension-vscode');
const read = (path: string) => readFileSync(join(EXTENSION, path), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(join(EXTENSION, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

test('every vscode.l10n.t message has a zh-CN translation', () => {
  const messages = new Set<string>();
  for (const file of sources('src')) {
    for (const match of read(file).matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) messages.add(match[1]!.replace(/\\'/g, "'"));
  }
  expect(messages.size).toBeGreaterThan(30);
  const zh = JSON.parse(read('l10n/bundle.l10n.zh-cn.json')) as Record<string, string>;
  expect([...messages].filter((message) => !zh[message])).toEqual([]);
  // Placeholders survive translation.
  for (const message of messages) {
    const holes = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    expect(holes(zh[message]!), message).toEqual(holes(message));
  }
});

test('every %key% of package.json is in package.nls.json and package.nls.zh-cn.json', () => {
  const keys = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]!);
  expect(keys.length).toBeGreaterThan(3);
  for (const nls of ['package.nls.json', 'package.nls.zh-cn.json']) {
    const table = JSON.parse(read(nls)) as Record<string, string>;
    expect(keys.filter((key) => !table[key]), nls).toEqual([]);
  }
});
