// The panel's boundary, checked by a tool rather than remembered: code the panel loads imports
// only types from the core (a value import would bundle all of it, yaml and pinyin included, into
// the panel's 150 KB), and nothing renders HTML from a string.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './harness.ts';

const src = join(repoRoot, 'extension-browser/src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const panelFiles = [...filesUnder(join(src, 'panel')), join(src, 'requests.ts'), join(src, 'protocol.ts')];

describe('the panel boundary', () => {
  it('imports only types from @closer/shared', () => {
    const offenders = panelFiles.filter((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .some((line) => /from '@closer\/shared(\/[^']*)?'/.test(line) && !/^\s*import type /.test(line)),
    );
    expect(offenders.map((file) => relative(repoRoot, file))).toEqual([]);
  });

  it('never sets HTML from a string', () => {
    const offenders = filesUnder(src).filter((file) => /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(repoRoot, file))).toEqual([]);
  });
});
