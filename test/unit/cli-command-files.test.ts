// bin/closer.js compiles one file a command from shared/node/commands/<name>.ts, importing the
// export of that name: the list of commands and those files must agree, and the real binary must
// answer through a command's file, its help and an unknown name alike.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { COMMANDS } from '../../shared/node/commands/index.ts';

const commands = path.resolve(import.meta.dirname, '../../shared/node/commands');
const bin = path.resolve(import.meta.dirname, '../../shared/bin/closer.js');

it('every command is the file of its name in commands/, exporting itself by that name', async () => {
  const files = readdirSync(commands).filter((name) => /^[a-z]+\.ts$/.test(name) && name !== 'index.ts').map((name) => name.slice(0, -3)).sort();
  expect(COMMANDS.map((command) => command.name).sort()).toEqual(files);
  for (const name of files) {
    const module = (await import(path.join(commands, `${name}.ts`))) as Record<string, { name?: string; run?: unknown }>;
    expect(module[name]?.name).toBe(name);
    expect(typeof module[name]?.run).toBe('function');
  }
});

it('the binary runs a command from its own file, and still prints the help and names an unknown command', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  const listed = run('search', '--json', '逼单');
  expect(listed.status, listed.stderr).toBe(0);
  expect((JSON.parse(listed.stdout) as { category: string }[]).length).toBeGreaterThan(0);
  expect(run('search', '--help').stdout).toMatch(/^closer search/);
  expect(run('search', '--nope').status).toBe(2);
  expect(run('--help').stdout).toMatch(/Commands:[\s\S]*followups/);
  const unknown = run('index');
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toMatch(/unknown command "index"/);
}, 120_000);
