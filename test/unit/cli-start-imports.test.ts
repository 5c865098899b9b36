// What `closer suggest` loads at start (issue 12: under 150 ms wall). Its static imports must not
// reach zod, yaml, the linter or pinyin-pro: each of them cost tens of milliseconds at every start.
// A full check of an unseen bundle loads zod later, through a dynamic import.
import path from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Every module the entry reaches through static imports, as esbuild resolves them. */
function staticModules(entry: string): string[] {
  const { metafile } = buildSync({ entryPoints: [path.join(root, entry)], bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', outdir: path.join(root, '.cache/start-imports'), logLevel: 'silent' });
  const start = Object.keys(metafile.inputs).find((input) => path.join(root, input) === path.join(root, entry))!;
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const imported of metafile.inputs[queue.shift()!]!.imports) {
      if (imported.kind !== 'import-statement' || imported.external || seen.has(imported.path)) continue;
      seen.add(imported.path);
      queue.push(imported.path);
    }
  }
  return [...seen];
}

describe('closer suggest at start', () => {
  it('statically imports no zod, yaml, linter or pinyin-pro', () => {
    const modules = staticModules('shared/node/commands/suggest.ts');
    expect(modules.length).toBeGreaterThan(20);
    expect(modules.filter((module) => /node_modules\/(zod|yaml|pinyin-pro)\/|playbook\/lint\/(index|rules)|bundle-(load|schema|build)\.ts|playbook\/schema\.ts|cases\/case\.ts/.test(module))).toEqual([]);
  });
});
