#!/usr/bin/env node
// The `closer` CLI. The core is TypeScript; esbuild compiles the CLI into one cached file
// (shared/.cache/closer.mjs) whenever a source is newer, so there is no build step to forget
// and a run does not pay for compiling TypeScript each time.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const shared = fileURLToPath(new URL('..', import.meta.url));
const compiled = `${shared}.cache/closer.mjs`;

function newestSource() {
  let newest = 0;
  for (const dir of ['src', 'node']) {
    for (const name of readdirSync(`${shared}${dir}`, { recursive: true })) {
      if (String(name).endsWith('.ts')) newest = Math.max(newest, statSync(`${shared}${dir}/${name}`).mtimeMs);
    }
  }
  return newest;
}

function compiledTime() {
  try {
    return statSync(compiled).mtimeMs;
  } catch {
    return -1;
  }
}

if (compiledTime() < newestSource()) {
  const { buildSync } = await import('esbuild');
  // Written beside and renamed, so two CLIs starting at once never run a half-written file.
  const partial = `${compiled}.${process.pid}.tmp`;
  buildSync({
    entryPoints: [`${shared}node/main.ts`],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  const { renameSync } = await import('node:fs');
  renameSync(partial, compiled);
}
await import(compiled);
