// Builds the unpacked extension into dist/ and zips it beside it (closer-browser-<version>.zip):
// what users install. With --test (npm run build:browser -- --test) it builds the test build
// into dist-test/ instead, no zip: the same code, plus the loopback host permission and content
// script that the demo page and the browser tests' fixture pages on 127.0.0.1 need, since a
// permission prompt cannot be answered in a headless test. Users never get those.
// Four steps: the panel (an ES module page), the default playbooks compiled into
// dist/bundles/default.json by the core, then the background worker (which is told that bundle's
// hash; its two files are said below) and the content script (classic IIFE files: content
// scripts cannot be ES modules, and Firefox's background.scripts fallback loads the same files).
// Run: npm run build -w closer-browser (CLOSER_UNMINIFIED=1 leaves the scripts readable, for
// reading a trace of the worker; never for a release).
import { mkdirSync, rmSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { build } from 'vite';
import preact from '@preact/preset-vite';
import { writeIcons } from './icons.js';
import { zipFolder } from './zip.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// `npm run build:browser -- --test` reaches this script as npm's own `test` setting.
const testBuild = process.argv.includes('--test') || process.env.npm_config_test === 'true';
const finalDist = join(root, testBuild ? 'dist-test' : 'dist');
// Built beside dist/ and swapped in at the end, so a browser running on dist/ (another test) never
// sees a half-written extension.
const dist = join(root, `.dist-building-${process.pid}`);
const production = { 'process.env.NODE_ENV': JSON.stringify('production') };

// webextension-polyfill runs as a plain script before each bundle (it sets globalThis.browser where
// the browser has none) and the code's imports of it read that global (src/browser-global.ts).
// Imported as a CommonJS module, its export (the browser's own `browser` object in Chromium and
// Firefox) was copied property by property, which builds every extension API the worker never
// uses: about 10 ms of each worker start.
const polyfill = readFileSync(createRequire(import.meta.url).resolve('webextension-polyfill/dist/browser-polyfill.min.js'), 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '');

/**
 * One IIFE file per entry; vite's library mode takes one entry per build for this format. `name`
 * is the global its exports are left in; `banner` runs before it. The file is ASCII (see asciiOnly).
 */
async function buildScript(entry, fileName, { define = {}, name = fileName.replace(/\W/g, '_'), banner = polyfill } = {}) {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    define: { ...production, ...define },
    resolve: {
      alias: [
        // PouchDB imports Node's `events`; the worker gets the small EventEmitter it needs instead.
        { find: /^events$/, replacement: join(root, 'src/background/sync/events-shim.ts') },
        { find: /^webextension-polyfill$/, replacement: join(root, 'src/browser-global.ts') },
      ],
    },
    build: {
      rollupOptions: { output: { banner, charset: 'ascii' } },
      outDir: dist,
      emptyOutDir: false,
      minify: !process.env.CLOSER_UNMINIFIED,
      target: 'chrome120',
      lib: { entry: join(root, entry), formats: ['iife'], name, fileName: () => fileName },
    },
  });
  // A readable build keeps the comments, whose characters no bundler escapes; it is for reading a trace, never a release.
  if (!process.env.CLOSER_UNMINIFIED) asciiOnly(join(dist, fileName));
}

/**
 * A script with one character beyond ASCII is decoded by Chromium to two bytes a character, and
 * V8 reads and keeps it so: the worker's 650 KB of code (its Chinese cue words) cost a restarted
 * worker about 2 ms more before its first answer. The bundler escapes what is in strings,
 * identifiers and regular-expression literals (charset: 'ascii'); the text of a tagged template
 * such as String.raw it must leave as written, so a pattern with Chinese is written as a
 * literal (its .source), and this names any character left.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  const at = text.search(/[^\x00-\x7f]/);
  if (at === -1) return;
  throw new Error(`build: ${file} has a character beyond ASCII at offset ${at} (…${text.slice(Math.max(0, at - 60), at + 20)}…); ` +
    'write a pattern with such characters as a regular-expression literal (its .source), not String.raw');
}

async function buildPanel() {
  await build({
    configFile: false,
    root: join(root, 'src/panel'),
    base: './',
    logLevel: 'warn',
    publicDir: join(root, 'public'),
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
    define: production,
    build: {
      outDir: dist,
      emptyOutDir: false,
      minify: true,
      target: 'chrome120',
      modulePreload: false,
      rollupOptions: { input: join(root, 'src/panel/panel.html'), output: { charset: 'ascii', entryFileNames: 'panel/[name].js', chunkFileNames: 'panel/[name].js', assetFileNames: 'panel/[name][extname]' } },
    },
  });
  asciiOnly(join(dist, 'panel/panel.js'));
}

function buildDefaultBundle() {
  const out = join(dist, 'bundles/default.json');
  mkdirSync(dirname(out), { recursive: true });
  // The core is TypeScript; tsx runs it without a separate compile step. From the repository
  // root, so the bundle names files as authors know them (playbooks/price.playbook.yaml).
  try {
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/default-bundle.ts'), out], { stdio: 'inherit', cwd: resolve(root, '..') });
  } catch {
    // default-bundle.ts has printed the diagnostics; the dist/ in place stays as it was.
    rmSync(dist, { recursive: true, force: true });
    console.error('build: the default playbooks did not compile; dist/ was not changed');
    process.exit(1);
  }
}

mkdirSync(dist, { recursive: true });
try {
  await buildPanel();
  // The default bundle first: the worker is built knowing its hash, so a restart can tell its
  // own copy of it in IndexedDB (faster to read than the file) from one an older build left.
  buildDefaultBundle();
  const defaultHash = JSON.parse(readFileSync(join(dist, 'bundles/default.json'), 'utf8')).hash;
  // The worker in two files: its first script, which listens and asks for the bundle, and its
  // code (src/background/start.ts says why), left in the global closerWorker that start.ts reads.
  await buildScript('src/background/start.ts', 'background.js');
  await buildScript('src/background/worker.ts', 'worker.js', { define: { __CLOSER_DEFAULT_BUNDLE_HASH__: JSON.stringify(defaultHash) }, name: 'closerWorker', banner: '' });
  await buildScript('src/content/index.ts', 'content.js');
  writeIcons(join(dist, 'icons'));
} catch (error) {
  rmSync(dist, { recursive: true, force: true });
  throw error;
}
const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
if (testBuild) {
  // Loopback only: any port of 127.0.0.1, where the demo and the fixture pages are served.
  manifest.host_permissions = ['http://127.0.0.1/*'];
  manifest.content_scripts = [{ matches: ['http://127.0.0.1/*'], js: ['content.js'], run_at: 'document_idle' }];
  writeFileSync(join(dist, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
} else {
  zipFolder(dist, join(root, `closer-browser-${manifest.version}.zip`));
}
rmSync(finalDist, { recursive: true, force: true });
renameSync(dist, finalDist);
console.log(testBuild ? 'build: dist-test/ written (the test build: loopback host permission and content script)' : `build: dist/ and closer-browser-${manifest.version}.zip written`);
