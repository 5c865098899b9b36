#!/usr/bin/env node
// Stands in for the VS Code executable: accepts the Electron-style arguments that
// @vscode/test-electron's runTests passes (--extensionDevelopmentPath=, --extensionTestsPath=,
// --user-data-dir=, --extensions-dir=, a folder), runs the tests in code-server's real extension
// host through headless Chromium, prints the host's console output and exits with its exit code.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { format } from 'node:util';
import { launchChromium, startCodeServer, workbenchUrl } from './code-server.mjs';

/** Printed by the suite's index.ts (test/vscode/suite) when mocha starts. */
const TESTS_START = 'closer-vscode mocha: start';

const options = { folder: undefined };
for (const arg of process.argv.slice(2)) {
  const match = /^--([^=]+)=(.*)$/.exec(arg);
  if (match) options[match[1]] = match[2];
  else if (!arg.startsWith('--')) options.folder = resolve(arg);
  // Electron-only flags (--no-sandbox, --disable-gpu-sandbox, --skip-welcome…) mean nothing here.
}
if (!options.extensionTestsPath) {
  console.error('code-stand-in: --extensionTestsPath= is required');
  process.exit(2);
}
const timeoutMs = Number(process.env.CLOSER_VSCODE_TIMEOUT_MS ?? 180_000);
const verbose = process.env.CLOSER_VSCODE_VERBOSE === '1';

const server = await startCodeServer({
  userDataDir: options['user-data-dir'],
  extensionsDir: options['extensions-dir'],
  log: verbose ? (line) => process.stderr.write(line) : () => {},
});
let browser;
let code = 1;
try {
  const opened = await launchChromium();
  browser = opened.browser;
  const page = await opened.context.newPage();
  const exited = new Promise((done) => {
    page.exposeFunction('codeAutomationExit', (exitCode) => done(Number(exitCode)));
  });
  // The workbench forwards its own console too; show what comes after the suite says it starts.
  let testsStarted = verbose;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    let line = format(...(Array.isArray(args) ? args : [args]));
    if (!testsStarted) {
      testsStarted = line.startsWith(TESTS_START);
      return;
    }
    if (process.env.CLOSER_DEBUG_TYPES) line = `<${type}> ` + line;
    (type === 'error' ? process.stderr : process.stdout).write(line + '\n');
  });
  if (verbose) page.on('console', (message) => process.stderr.write(`[workbench] ${message.text()}\n`));
  const testsPath = resolve(options.extensionTestsPath);
  if (!existsSync(testsPath) && !existsSync(testsPath + '.js')) throw new Error(`no tests at ${testsPath}`);
  await page.goto(
    workbenchUrl(server, {
      folder: options.folder,
      extensionDevelopmentPath: options.extensionDevelopmentPath && resolve(options.extensionDevelopmentPath),
      extensionTestsPath: testsPath,
    }),
  );
  const timeout = new Promise((done) => setTimeout(() => done('timeout'), timeoutMs));
  const result = await Promise.race([exited, timeout]);
  if (result === 'timeout') {
    console.error(`code-stand-in: the extension host did not finish within ${timeoutMs} ms`);
    code = 1;
  } else {
    code = result;
  }
} catch (error) {
  console.error(`code-stand-in: ${error instanceof Error ? error.stack : error}`);
  code = 1;
} finally {
  await browser?.close().catch(() => {});
  await server.stop();
}
process.exit(code);
