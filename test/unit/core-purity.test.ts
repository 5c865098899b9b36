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

// A circle of imports means two modules cannot be read, tested or moved apart; the one-way
// arrows between folders are what let a newcomer learn the product a room at a time.
const PROJECT = ['shared/src', 'shared/node', 'extension-browser/src', 'extension-vscode/src'];
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g;

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const folder of PROJECT) {
    for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
      if (!/\.tsx?$/.test(name)) continue;
      const file = path.join(folder, name);
      const targets = [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((match) => path.join(path.dirname(file), match[1]!));
      graph.set(file, targets);
    }
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the list of files around it. */
function importCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (file: string): void => {
    const at = onPath.indexOf(file);
    if (at >= 0) return void cycles.push([...onPath.slice(at), file]);
    if (done.has(file) || !graph.has(file)) return;
    onPath.push(file);
    for (const target of graph.get(file)!) visit(target);
    onPath.pop();
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return cycles;
}

it('no import circles among the project’s own modules', () => {
  const graph = importGraph();
  expect(graph.size).toBeGreaterThan(100);
  expect(importCycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
});

it('the cycle check sees a circle when there is one', () => {
  const graph = new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts']]]);
  expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
});
