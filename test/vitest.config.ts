import { defineConfig } from 'vitest/config';

// One config, three projects: fast unit tests of the core, the browser extension in real
// Chromium, and the VS Code extension in a real extension host. Run from the repository root.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          root: '.',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'browser',
          root: '.',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Chromium instances are heavy on a 2-core machine: one test file at a time.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'vscode',
          root: '.',
          include: ['test/vscode/**/*.test.ts'],
          // The mocha suites run inside the extension host (test/vscode/extension-host.test.ts), not here.
          exclude: ['test/vscode/suite/**', '**/node_modules/**'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
