import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { buildBundle, parsePlaybook } from '@closer/shared';
import { chatPagesDir, launch, openChatPage, openPanelTab, waitForContentScript, type Session } from './harness.ts';

// The panel's paste box: when no list or selection fits, the user pastes the customer's message.

let session: Session;
let panel: Page;

beforeAll(async () => {
  session = await launch();
  const chat = await openChatPage(session, 'textarea');
  const tabId = await waitForContentScript(session, chat);
  panel = await openPanelTab(session, tabId);
  const file = join(chatPagesDir, 'full-loop.playbook.yaml');
  const bundle = JSON.stringify(buildBundle([parsePlaybook(readFileSync(file, 'utf8'), file)]));
  expect(await panel.evaluate((text) => chrome.runtime.sendMessage({ type: 'bundle-import-text', text, source: 'test' }), bundle)).toMatchObject({ ok: true });
});

afterAll(async () => {
  await session?.close();
});

test('a pasted message gets its intent and replies', async () => {
  await panel.locator('#paste-box').fill('this is too expensive for me');
  await panel.getByRole('button', { name: /^(Suggest|建议)$/ }).click();
  await expect.poll(() => panel.locator('[data-testid=customer-message]').textContent()).toBe('this is too expensive for me');
  await panel.locator('[data-testid=intent][data-intent=price]').waitFor();
  await panel.locator('[data-reply-id=loop-price-value]').waitFor();
});

test('a pasted message with markup is shown as text and runs nothing', async () => {
  const markup = '<img src=x onerror="document.title=\'pwned\'"><b>太贵了</b>';
  await panel.locator('#paste-box').fill(markup);
  await panel.getByRole('button', { name: /^(Suggest|建议)$/ }).click();
  await expect.poll(() => panel.locator('[data-testid=customer-message]').textContent()).toBe(markup);
  expect(await panel.locator('[data-testid=customer-message] img, [data-testid=customer-message] b').count()).toBe(0);
  expect(await panel.title()).not.toBe('pwned');
});

test('an empty paste suggests nothing new', async () => {
  const before = await panel.locator('[data-testid=customer-message]').textContent();
  await panel.locator('#paste-box').fill('   ');
  await panel.getByRole('button', { name: /^(Suggest|建议)$/ }).click();
  expect(await panel.locator('[data-testid=customer-message]').textContent()).toBe(before);
});

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
