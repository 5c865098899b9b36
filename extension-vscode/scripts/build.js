// Bundles the extension (with the core) into dist/extension.js and copies the committed JSON
// Schema beside it for `yamlValidation`; the preview's webview script goes to dist/webview.js.
const { build } = require('esbuild');
const { copyFileSync, cpSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const here = join(__dirname, '..');
mkdirSync(join(here, 'dist'), { recursive: true });
copyFileSync(join(here, '../shared/playbook.schema.json'), join(here, 'dist/playbook.schema.json'));
// The core's base intent corpus is data the extension reads at run time (src/base-corpus.ts).
cpSync(join(here, '../shared/src/engine/base-intents'), join(here, 'dist/base-intents'), { recursive: true });
const common = { bundle: true, sourcemap: true, minify: process.argv.includes('--minify'), logLevel: 'warning' };
copyFileSync(join(here, 'src/preview/webview/preview.css'), join(here, 'dist/webview.css'));
copyFileSync(join(here, 'src/review/webview/review.css'), join(here, 'dist/review.css'));
Promise.all([
  build({
    ...common,
    entryPoints: [join(here, 'src/extension.ts')],
    outfile: join(here, 'dist/extension.js'),
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  }),
  build({
    ...common,
    entryPoints: [join(here, 'src/preview/webview/preview-view.ts')],
    outfile: join(here, 'dist/webview.js'),
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
  }),
  build({ ...common, entryPoints: [join(here, 'src/review/webview/review-view.ts')], outfile: join(here, 'dist/review.js'), platform: 'browser', format: 'iife', target: 'chrome120' }),
]).catch(() => process.exit(1));
