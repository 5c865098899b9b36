// The built manifest asks for as little as works, both languages say the same things, and
// Mozilla's linter (web-ext lint, offline) finds no error in dist/, what users install. The
// loopback permission and content script the tests need are in the test build (dist-test/) only.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureExtensionBuilt, ensureProductionBuilt, extensionDir, productionDir, repoRoot } from './harness.ts';

const read = (path: string, dir = productionDir) => JSON.parse(readFileSync(join(dir, path), 'utf8'));
type Manifest = Record<string, unknown> & { permissions: string[]; optional_permissions?: string[]; host_permissions?: string[]; optional_host_permissions: string[]; content_scripts?: unknown[] };
let manifest: Manifest;

beforeAll(() => {
  ensureProductionBuilt();
  ensureExtensionBuilt();
  manifest = read('manifest.json');
});

describe('the manifest', () => {
  it('asks only for sidePanel, contextMenus, activeTab, scripting and alarms; sites one at a time at runtime; no loopback', () => {
    // No `storage`: IndexedDB needs no permission.
    expect(manifest.permissions).toEqual(['sidePanel', 'contextMenus', 'activeTab', 'scripting', 'alarms']);
    // A system notification for a due follow-up only when the user allows it.
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  it('names the worker’s first script, and Firefox’s background page both of its files, in order', () => {
    expect(manifest.background).toEqual({ service_worker: 'background.js', scripts: ['background.js', 'worker.js'] });
    // The first script stays small (start.ts): its run is what a restart waits for before asking for the bundle.
    expect(statSync(join(productionDir, 'background.js')).size).toBeLessThan(20_000);
    expect(readFileSync(join(productionDir, 'worker.js'), 'utf8')).toContain('closerWorker');
  });

  it('the test build differs only by the loopback host permission and content script', () => {
    const test = read('manifest.json', extensionDir) as Manifest;
    expect(test.host_permissions).toEqual(['http://127.0.0.1/*']);
    expect(test.content_scripts).toEqual([{ matches: ['http://127.0.0.1/*'], js: ['content.js'], run_at: 'document_idle' }]);
    const { host_permissions: _hosts, content_scripts: _scripts, ...rest } = test;
    expect(rest).toEqual(manifest);
    expect(readFileSync(join(extensionDir, 'content.js'))).toEqual(readFileSync(join(productionDir, 'content.js')));
  });

  it('has every message in both Chinese and English', () => {
    const zh = read('_locales/zh_CN/messages.json');
    const en = read('_locales/en/messages.json');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of ['extName', 'extDescription', 'actionTitle', 'commandOpenPanel', 'menuSuggest']) expect(zh[key].message).toBeTruthy();
  });

  it('passes web-ext lint with no error', () => {
    const bin = join(repoRoot, 'node_modules/.bin/web-ext');
    let output: string;
    try {
      output = execFileSync(bin, ['lint', '--source-dir', productionDir, '--self-hosted', '--output', 'json', '--no-input'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its update check would wait on the network, which CI does not have.
      env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
    });
    } catch (error) {
      // web-ext exits 1 when it finds errors; its report is still on stdout.
      output = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(output.slice(output.indexOf('{'))) as { summary: { errors: number }; errors: { code: string; message: string }[] };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 120_000);

  it('is packed whole into the zip beside dist/, byte for byte', () => {
    const zip = readFileSync(join(repoRoot, `extension-browser/closer-browser-${manifest.version as string}.zip`));
    const entries = new Map<string, Buffer>();
    // Walk the local file headers (the build writes no data descriptors).
    for (let at = 0; zip.readUInt32LE(at) === 0x04034b50; ) {
      const size = zip.readUInt32LE(at + 18);
      const nameLength = zip.readUInt16LE(at + 26);
      const extra = zip.readUInt16LE(at + 28);
      const name = zip.subarray(at + 30, at + 30 + nameLength).toString();
      const start = at + 30 + nameLength + extra;
      entries.set(name, inflateRawSync(zip.subarray(start, start + size)));
      at = start + size;
    }
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [relative(productionDir, join(dir, name)).split(sep).join('/')]));
    const unpacked = files(productionDir).filter((name) => !name.startsWith('demo/'));
    expect([...entries.keys()].sort()).toEqual(unpacked.sort());
    for (const name of ['manifest.json', 'background.js', 'worker.js', 'panel.html']) expect(entries.get(name)?.equals(readFileSync(join(productionDir, name)))).toBe(true);
  });
});
