#!/usr/bin/env node
// The `closer` CLI. The core is TypeScript; esbuild compiles each command into one cached file
// (shared/.cache/cli-<newest source time>/<command>.cjs) the first time it runs after a source
// changed, so there is no build step to forget, and a run reads only its own command's code.
// This file is CommonJS (bin/package.json says so): an ES module entry costs Node about 13 ms
// more CPU at every start.
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
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

// One file a command: `closer followups` reads and runs a file with the follow-ups' code only
// (its imports), not every command's; the help and an unknown name use the file of them all.
// About 20 ms of a start of `closer followups` here went on the file being a third larger.
const asked = process.argv[2] ?? '';
const command = /^[a-z]+$/.test(asked) && asked !== 'index' && existsSync(`${shared}node/commands/${asked}.ts`) ? asked : 'help';
const compiled = `${shared}.cache/cli-${newestSource()}`;
const program = `${compiled}/${command}.cjs`;
if (!existsSync(program)) {
  const { buildSync } = require('esbuild');
  // The first file built from these sources: the files of older sources go.
  if (mkdirSync(compiled, { recursive: true }) !== undefined) {
    for (const name of readdirSync(`${shared}.cache`)) {
      if ((name.startsWith('cli-') || name === 'closer.mjs') && `${shared}.cache/${name}` !== compiled) rmSync(`${shared}.cache/${name}`, { recursive: true, force: true });
    }
  }
  // A command's file runs it as cli.ts would, without the list of commands (which imports them all).
  const entry = command === 'help'
    ? { entryPoints: [`${shared}node/main.ts`] }
    : {
      stdin: {
        contents: [
          `import { ${command} } from './commands/${command}.ts';`,
          "import { processIo } from './process-io.ts';",
          "import { runCommand } from './run-command.ts';",
          `void runCommand(${command}, process.argv.slice(3), processIo()).then((code) => { process.exitCode = code; });`,
        ].join('\n'),
        resolveDir: `${shared}node`,
        sourcefile: `closer-${command}.ts`,
        loader: 'ts',
      },
    };
  // Written beside and renamed, so two CLIs starting at once never run a half-written file; outside
  // the folder, which a CLI of newer sources may remove meanwhile.
  const partial = `${shared}.cache/building-${process.pid}-${command}.cjs`;
  buildSync({
    ...entry,
    outfile: partial,
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
  // Another CLI may have renamed the same build first; its copy is identical.
  mkdirSync(compiled, { recursive: true });
  renameSync(partial, program);
}

// V8's code cache, one a command: a start of a command run before skips parsing and compiling the
// code that run needed (about 30 ms of `closer suggest`'s start here). The cache is written after
// the command's first run, so it holds the functions that run compiled, not only the outer ones;
// V8 refuses a cache from another Node or other flags, and then it is written again. It lives
// beside the file it was made from, so a rebuilt file never meets an old cache.
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
    // A usage error (exit 2) leaves no cache behind, nor a command's help: the cache would hold
    // only what printing the help compiled, and every later run would compile the rest.
    if (code === 2 || process.argv.includes('--help') || process.argv.includes('-h')) return;
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
