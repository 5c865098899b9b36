#!/usr/bin/env node
// The `closer` CLI. The core is TypeScript; esbuild compiles the CLI into cached chunks
// (shared/.cache/cli-<newest source time>/) whenever a source is newer, so there is no build step
// to forget, and a run loads only the chunks of its own command.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const shared = fileURLToPath(new URL('..', import.meta.url));

// A hand-written walk: readdirSync's `recursive` option is several times slower, and this check
// runs at every start of every command.
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(file).mtimeMs);
    }
  };
  walk(`${shared}src`);
  walk(`${shared}node`);
  // This file too: it says how the chunks are built.
  newest = Math.max(newest, statSync(fileURLToPath(import.meta.url)).mtimeMs);
  return Math.floor(newest);
}

const compiled = `${shared}.cache/cli-${newestSource()}`;
if (!existsSync(`${compiled}/main.js`)) {
  const { buildSync } = await import('esbuild');
  const { renameSync, rmSync } = await import('node:fs');
  // Written beside and renamed, so two CLIs starting at once never run half-written chunks.
  const partial = `${compiled}.${process.pid}.tmp`;
  buildSync({
    entryPoints: [`${shared}node/main.ts`],
    outdir: partial,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The few libraries are bundled into the chunks too: loaded from node_modules they are
    // hundreds of small modules (zod alone), each resolved, read and compiled at every start.
    external: ['esbuild'],
    // yaml is CommonJS for Node and requires Node's own modules, which an ES module has no require for.
    banner: { js: "import { createRequire as __closerRequire } from 'node:module'; const require = __closerRequire(import.meta.url);" },
    logLevel: 'error',
  });
  try {
    renameSync(partial, compiled);
  } catch {
    // Another CLI finished the same build first; its copy is identical.
    rmSync(partial, { recursive: true, force: true });
  }
  for (const name of readdirSync(`${shared}.cache`)) {
    if ((name.startsWith('cli-') || name === 'closer.mjs') && `${shared}.cache/${name}` !== compiled && !name.endsWith('.tmp')) rmSync(`${shared}.cache/${name}`, { recursive: true, force: true });
  }
}
await import(pathToFileURL(`${compiled}/main.js`).href);
