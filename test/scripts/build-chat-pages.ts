// Builds the fixture chat pages (test/fixtures/chat-pages/<editor>/) with their real editors
// from npm into test/fixtures/chat-pages/dist/<editor>/ (git-ignored). The browser harness runs
// this when a source is newer than dist/index.json. Run: node --import tsx test/scripts/build-chat-pages.ts
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const pagesDir = resolve(import.meta.dirname, '../fixtures/chat-pages');
const outDir = join(pagesDir, 'dist');
const template = readFileSync(join(pagesDir, 'common/page.html'), 'utf8');

// The customer each editor page's header names: a different person per page, so that two pages
// on the one fixture server are two conversations, as two customers on one site are.
const customers: Record<string, string> = {
  textarea: '王小雨', 'react-input': '李雷', contenteditable: '韩梅梅', lexical: '张伟', slate: '刘洋',
  prosemirror: '陈晨', quill: '赵敏', draft: '孙丽', picker: '周杰',
};

const pages = readdirSync(pagesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'common' && entry.name !== 'dist')
  .map((entry) => entry.name)
  .sort();

rmSync(outDir, { recursive: true, force: true });
mkdirSync(join(outDir, 'common'), { recursive: true });
copyFileSync(join(pagesDir, 'common/chat.css'), join(outDir, 'common/chat.css'));

for (const page of pages) {
  const entry = ['main.ts', 'main.tsx'].map((name) => join(pagesDir, page, name)).find(existsSync);
  if (!entry) throw new Error(`chat page ${page}: no main.ts or main.tsx`);
  mkdirSync(join(outDir, page), { recursive: true });
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    jsx: 'automatic',
    outfile: join(outDir, page, 'main.js'),
    // React and Draft.js read these at load time; production keeps React quiet. Vue's flags
    // say what its bundler build should keep.
    define: {
      'process.env.NODE_ENV': '"production"', global: 'globalThis',
      __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    // The chat libraries' stylesheets bring fonts and icons; they are inlined into main.css.
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.eot': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl', '.gif': 'dataurl' },
    logLevel: 'error',
  });
  if (!existsSync(join(outDir, page, 'main.css'))) writeFileSync(join(outDir, page, 'main.css'), '');
  // A page built from a chat library lays out its own page (page.html); the editor pages share the template.
  const own = join(pagesDir, page, 'page.html');
  const html = existsSync(own) ? readFileSync(own, 'utf8') : template;
  writeFileSync(join(outDir, page, 'index.html'), html.replaceAll('{{title}}', page).replaceAll('{{customer}}', customers[page] ?? '王小雨'));
}
writeFileSync(join(outDir, 'index.json'), JSON.stringify(pages, null, 2) + '\n');
console.log(`chat pages: built ${pages.join(', ')}`);
