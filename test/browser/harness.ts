// The shared harness for browser tests: Debian's Chromium driven by playwright-core, with the
// built extension loaded, the fixture chat pages served on 127.0.0.1, the panel opened as a tab,
// and the real side panel reachable over CDP. One browser per test file; reuse it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Worker } from 'playwright-core';
// Brings in the fixture pages' `window.chat` (readEditor, sends, addCustomerMessage) for page.evaluate bodies.
import type {} from '../fixtures/chat-pages/common/chat.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');
/** The test build the browser tests load: the users' build plus the loopback host permission and content script. */
export const extensionDir = join(repoRoot, 'extension-browser/dist-test');
/** What users install (and the zip beside it): no loopback permission, no content script by manifest. */
export const productionDir = join(repoRoot, 'extension-browser/dist');
export const chatPagesDir = join(repoRoot, 'test/fixtures/chat-pages');
export const chatPagesBuildDir = join(chatPagesDir, 'dist');

const chromiumPath = '/usr/bin/chromium';

/** Runs the project's own install script once per process (idempotent, fast when present). */
let chromiumEnsured = false;
export function ensureChromium(): void {
  if (chromiumEnsured) return;
  execFileSync('sh', [join(repoRoot, 'test/scripts/ensure-chromium.sh')], { stdio: 'inherit' });
  chromiumEnsured = true;
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

/** Builds a target when any of its sources is newer than its stamp file. */
function buildIfStale(stamp: string, sources: string[], command: string[]): void {
  if (newestMtime(stamp) >= Math.max(...sources.map(newestMtime))) return;
  // flock: two test processes must not build into the same folder at once.
  execFileSync('flock', ['/tmp/closer-browser-build.lock', ...command], { cwd: repoRoot, stdio: 'inherit' });
}

const extensionSources = () => [join(repoRoot, 'extension-browser/src'), join(repoRoot, 'extension-browser/public'),
  join(repoRoot, 'extension-browser/scripts'), join(repoRoot, 'shared/src'), join(repoRoot, 'playbooks')];

/** The test build (dist-test/), rebuilt when its sources (or the core's) changed. */
export function ensureExtensionBuilt(): void {
  buildIfStale(join(extensionDir, 'manifest.json'), extensionSources(), ['node', join(repoRoot, 'extension-browser/scripts/build.js'), '--test']);
}

/** The users' build (dist/ and the zip), rebuilt when stale. */
export function ensureProductionBuilt(): void {
  buildIfStale(join(productionDir, 'manifest.json'), extensionSources(), ['node', join(repoRoot, 'extension-browser/scripts/build.js')]);
}

/** The fixture chat pages, bundled with their real editors into chat-pages/dist. */
export function ensureChatPagesBuilt(): void {
  buildIfStale(join(chatPagesBuildDir, 'index.json'), [chatPagesDir, join(repoRoot, 'test/scripts/build-chat-pages.ts')],
    [process.execPath, '--import', 'tsx', join(repoRoot, 'test/scripts/build-chat-pages.ts')]);
}

export interface FixtureServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Serves a folder read-only on 127.0.0.1 with a free port; `/x/` serves `/x/index.html`. */
export async function serveFolder(root: string): Promise<FixtureServer> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root + sep) && file !== root) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fixture server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

export interface LaunchOptions {
  /** The unpacked extension to load; defaults to extension-browser/dist (built when stale). */
  extension?: string;
  /** Reuse a profile (e.g. to relaunch on the same IndexedDB); a fresh one otherwise. */
  profileDir?: string;
  /** Also open a CDP connection, which sees the real side panel as a page. */
  cdp?: boolean;
  /** Serve the fixture chat pages (built when stale). Default true. */
  chatPages?: boolean;
}

export interface Session {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  profileDir: string;
  /** The fixture chat pages' server (when chatPages was not false). */
  server: FixtureServer;
  /** Present with `cdp: true` (replaced when openRealSidePanel reconnects). */
  cdp?: Browser;
  cdpPort?: string;
  /** Closes the browser and the server; deletes the profile unless it was passed in. */
  close(): Promise<void>;
}

/** Launches Chromium with the extension loaded and waits for its service worker. */
export async function launch(options: LaunchOptions = {}): Promise<Session> {
  ensureChromium();
  const extension = options.extension ?? extensionDir;
  if (options.extension === undefined) ensureExtensionBuilt();
  if (options.chatPages !== false) ensureChatPagesBuilt();
  const ownsProfile = options.profileDir === undefined;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'closer-profile-'));
  rmSync(join(profileDir, 'DevToolsActivePort'), { force: true });
  const args = [
    '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
    `--disable-extensions-except=${extension}`, `--load-extension=${extension}`,
  ];
  // Playwright's own pipe does not list the side panel; a CDP port does.
  if (options.cdp) args.push('--remote-debugging-port=0');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args,
    viewport: { width: 1100, height: 760 },
  });
  const server = options.chatPages === false ? { url: '', close: async () => {} } : await serveFolder(chatPagesBuildDir);
  try {
    // Cold start is about a second; a machine busy with other builds can take far longer.
    const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 60_000 }).catch((error: Error) => {
      const manifest = existsSync(join(extension, 'manifest.json')) ? 'present' : 'missing';
      throw new Error(`the extension's service worker did not start (${extension}, manifest.json ${manifest}): ${error.message}`);
    });
    const extensionId = new URL(worker.url()).host;
    let cdp: Browser | undefined;
    let cdpPort: string | undefined;
    if (options.cdp) {
      const portFile = join(profileDir, 'DevToolsActivePort');
      cdpPort = await waitFor(() => (existsSync(portFile) ? readFileSync(portFile, 'utf8').split('\n')[0] : undefined), 'DevToolsActivePort');
      cdp = await chromium.connectOverCDP(`http://127.0.0.1:${cdpPort}`);
    }
    const session: Session = {
      context, extensionId, worker, profileDir, server, cdp, cdpPort,
      async close() {
        await session.cdp?.close().catch(() => {});
        await context.close().catch(() => {});
        await server.close();
        if (ownsProfile) rmSync(profileDir, { recursive: true, force: true });
      },
    };
    return session;
  } catch (error) {
    await context.close().catch(() => {});
    await server.close();
    throw error;
  }
}

/** Polls until `check` returns a truthy value; throws naming `what` on timeout. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((wake) => setTimeout(wake, 50));
  }
}

/** Opens a fixture chat page (e.g. 'lexical') and waits until its editor says it is ready. */
export async function openChatPage(session: Session, name: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${session.server.url}/${name}/`);
  await page.waitForFunction(() => window.chatReady === true);
  return page;
}

/** The browser's tab id for a page, asked of the extension's service worker. */
export async function tabIdOf(session: Session, page: Page): Promise<number> {
  const url = page.url();
  return waitFor(() => session.worker.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === target)?.id;
  }, url), `the tab id of ${url}`);
}

/** Sends a message to a tab's content script from the service worker and returns the answer. */
export async function sendToTab(session: Session, tabId: number, message: unknown): Promise<unknown> {
  return session.worker.evaluate(([id, body]) => chrome.tabs.sendMessage(id as number, body), [tabId, message] as const);
}

/** Waits until the content script in `page` answers (it loads at document_idle). */
export async function waitForContentScript(session: Session, page: Page): Promise<number> {
  const tabId = await tabIdOf(session, page);
  await waitFor(() => sendToTab(session, tabId, { type: 'read-latest' }).then(Boolean), 'the content script to answer');
  return tabId;
}

/** The panel page opened as a normal tab for a chat tab: the same code the side panel runs. */
export async function openPanelTab(session: Session, tabId: number): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/${sidePanelPath()}?tabId=${tabId}`);
  return page;
}

function sidePanelPath(): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { side_panel?: { default_path?: string } };
  return manifest.side_panel?.default_path ?? 'panel.html';
}

/**
 * Opens the real side panel for a chat tab with a trusted click (sidePanel.open needs a user
 * gesture; a Playwright click is one) and returns it as a page from the CDP connection.
 * Needs `launch({ cdp: true })`.
 */
export async function openRealSidePanel(session: Session, chatTabId: number): Promise<Page> {
  if (!session.cdp) throw new Error('openRealSidePanel needs launch({ cdp: true })');
  const opener = await session.context.newPage();
  await opener.goto(`chrome-extension://${session.extensionId}/${sidePanelPath()}?opener=1`);
  await opener.evaluate((tabId) => {
    const button = document.createElement('button');
    button.id = 'closer-test-open-side-panel';
    button.textContent = 'open side panel';
    button.style.cssText = 'position:fixed;top:0;left:0;z-index:2147483647';
    button.addEventListener('click', () => void chrome.sidePanel.open({ tabId }));
    document.body.append(button);
  }, chatTabId);
  await opener.click('#closer-test-open-side-panel');
  const panelUrl = `chrome-extension://${session.extensionId}/${sidePanelPath()}`;
  // Playwright's CDP connection does not attach to a side panel opened after it connected;
  // a new connection lists it among the pages.
  const panel = await waitFor(async () => {
    const targets = await listTargets(session);
    if (!targets.some((target) => target.type === 'page' && target.url === panelUrl)) return undefined;
    await session.cdp?.close().catch(() => {});
    session.cdp = await chromium.connectOverCDP(`http://127.0.0.1:${session.cdpPort}`);
    return session.cdp.contexts().flatMap((c) => c.pages()).find((p) => p.url() === panelUrl);
  }, 'the side panel to open');
  await opener.close();
  return panel;
}

async function listTargets(session: Session): Promise<Array<{ type: string; url: string }>> {
  const cdp = await session.cdp!.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets') as { targetInfos: Array<{ type: string; url: string }> };
    return targetInfos;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

// The service worker's global `chrome` as seen by evaluate() bodies; typed loosely on purpose,
// since @types/chrome is not a dependency of the tests.
declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>>; sendMessage(id: number, m: unknown): Promise<unknown> };
  sidePanel: { open(o: { tabId: number }): Promise<void> };
};
