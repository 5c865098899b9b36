import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

// The core runs in the browser panel, the VS Code host and the CLI alike, so it may not reach
// for Node, VS Code, the DOM or the extensions. The compiler enforces the DOM part (no "dom"
// lib in shared/tsconfig.json); this test enforces the imports and runs that compiler.
const core = path.resolve('shared/src');
const files = readdirSync(core, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
const FORBIDDEN = /from\s+['"](node:[^'"]*|fs|path|os|child_process|vscode|[^'"]*extension-(browser|vscode)[^'"]*|[^'"]*\/node\/[^'"]*)['"]/;

it('shared/src imports nothing from node:, vscode or the extensions', () => {
  const offenders = files.filter((name) => FORBIDDEN.test(readFileSync(path.join(core, name), 'utf8')));
  expect(offenders).toEqual([]);
});

it('shared/src type-checks without the DOM or Node typings', () => {
  const tsc = path.resolve('node_modules/typescript/bin/tsc');
  expect(() => execFileSync(process.execPath, [tsc, '-p', 'shared/tsconfig.json', '--noEmit'], { stdio: 'pipe' })).not.toThrow();
}, 60_000);
