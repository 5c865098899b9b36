// Unit-level browser tests of the reader: Debian's Chromium (no extension needed), the reader
// bundled alone with esbuild, and each case a small page set with page.setContent.
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { join } from 'node:path';
import { ensureChromium } from '../harness.ts';
import type { ReaderApi } from './entry.ts';

export interface ReaderSession {
  browser: Browser;
  page: Page;
  /** Replaces the page with `html` and the reader. */
  show(html: string): Promise<void>;
  call<K extends keyof ReaderApi>(name: K, ...args: Parameters<ReaderApi[K]>): Promise<ReturnType<ReaderApi[K]>>;
  close(): Promise<void>;
}

let bundled: string | undefined;
async function readerScript(): Promise<string> {
  if (bundled) return bundled;
  const result = await build({ entryPoints: [join(import.meta.dirname, 'entry.ts')], bundle: true, format: 'iife', target: 'chrome120', write: false, logLevel: 'warning' });
  bundled = result.outputFiles[0]!.text;
  return bundled;
}

export async function launchReader(): Promise<ReaderSession> {
  ensureChromium();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
  const script = await readerScript();
  return {
    browser,
    page,
    async show(html) {
      await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;font:15px/1.5 system-ui,"WenQuanYi Micro Hei",sans-serif}</style></head><body>${html}</body></html>`);
      await page.addScriptTag({ content: script });
    },
    call: (name, ...args) => page.evaluate(([method, rest]) => {
      const reader = (window as unknown as { closerReader: Record<string, (...a: unknown[]) => unknown> }).closerReader;
      return reader[method as string]!(...(rest as unknown[]));
    }, [name, args] as const) as never,
    close: () => browser.close(),
  };
}
