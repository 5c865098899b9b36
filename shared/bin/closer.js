#!/usr/bin/env node
// The `closer` CLI. The core is TypeScript; esbuild compiles the CLI into one cached file
// (shared/.cache/cli-<newest source time>/closer.cjs) whenever a source is newer, so there is no
// build step to forget, and a run evaluates only the modules of its own command.
// This file is CommonJS (bin/package.json says so): an ES module entry costs Node about 13 ms
// more CPU at every start.
const { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const { Script } = require('node:vm');

const shared = `${path.dirname(__dirname)}/`;

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
  newest = Math.max(newest, statSync(__filename).mtimeMs);
  return Math.floor(newest);
}

const compiled = `${shared}.cache/cli-${newestSource()}`;
const program = `${compiled}/closer.cjs`;
if (!existsSync(program)) {
  const { buildSync } = require('esbuild');
  // Written beside and renamed, so two CLIs starting at once never run a half-written file.
  const partial = `${compiled}.${process.pid}.tmp`;
  buildSync({
    entryPoints: [`${shared}node/main.ts`],
    outfile: `${partial}/closer.cjs`,
    bundle: true,
    platform: 'node',
    // One CommonJS file, because only a classic script can be run from V8's code cache (below).
    // A command's modules are still evaluated only when it imports them: esbuild keeps every
    // dynamic import() a lazy step inside the file.
    format: 'cjs',
    target: 'node20',
    // The few libraries are bundled too: loaded from node_modules they are hundreds of small
    // modules (zod alone), each resolved, read and compiled at every start.
    external: ['esbuild'],
    // Shorter to read and to keep in the code cache; names are kept, so stack traces still say where.
    minifyWhitespace: true,
    minifySyntax: true,
    // The core's folder is found from import.meta.url (node/shared-dir.ts), which CommonJS lacks.
    define: { 'import.meta.url': '__closerUrl' },
    banner: { js: "const __closerUrl = require('node:url').pathToFileURL(__filename).href;" },
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

// V8's code cache, one a command: a start of a command run before skips parsing and compiling the
// code that run needed (about 30 ms of `closer suggest`'s start here). The cache is written after
// the command's first run, so it holds the functions that run compiled, not only the outer ones;
// V8 refuses a cache from another Node or other flags, and then it is written again. It lives
// beside the file it was made from, so a rebuilt file never meets an old cache.
const command = /^[a-z]+$/.test(process.argv[2] ?? '') ? process.argv[2] : 'help';
const cacheFile = `${compiled}/${command}.v8-cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // No cache yet: this run compiles as usual and writes one.
}
// The wrapper CommonJS gives a module, kept on the file's first line so stack traces keep its line numbers.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(program, 'utf8')}\n})`, { filename: program, cachedData });
if (cachedData === undefined || script.cachedDataRejected) {
  process.once('exit', (code) => {
    // A usage error (exit 2) may be a mistyped command name, which should leave no cache behind.
    if (code === 2) return;
    try {
      const partial = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, cacheFile);
    } catch {
      // A read-only checkout: every start compiles, as without a cache.
    }
  });
}
const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(program), cli, program, compiled);
