import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { buildBundle, lintPlaybooks, parsePlaybook } from '@closer/shared';
import { chatPagesDir, launch, openChatPage, openPanelTab, openRealSidePanel, waitForContentScript, type Session } from './harness.ts';

// The whole loop on every editor kind, through the real built extension and its panel: a
// customer message appears in the chat → the panel shows it with its intent and replies →
// Insert → the editor's own state holds the reply after what the user typed, and nothing was sent.

const editors = [
  { page: 'textarea', selector: 'textarea' },
  { page: 'react-input', selector: 'input' },
  { page: 'contenteditable', selector: '.editor' },
  { page: 'lexical', selector: '[data-lexical-editor]' },
  { page: 'slate', selector: '[data-slate-editor]' },
  { page: 'prosemirror', selector: '.ProseMirror' },
  { page: 'quill', selector: '.ql-editor' },
  { page: 'draft', selector: '.public-DraftEditor-content' },
];

const CUSTOMER = '太贵了，能便宜点吗';
let session: Session;

/** The test's own playbook, so the replies do not depend on the default playbooks. */
function fixtureBundle(): string {
  const file = join(chatPagesDir, 'full-loop.playbook.yaml');
  const parsed = parsePlaybook(readFileSync(file, 'utf8'), file);
  const problems = lintPlaybooks([parsed]).filter((diagnostic) => diagnostic.severity === 'error');
  if (problems.length > 0) throw new Error(`full-loop.playbook.yaml: ${problems.map((p) => p.message).join('; ')}`);
  return JSON.stringify(buildBundle([parsed]));
}

beforeAll(async () => {
  session = await launch({ cdp: true });
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/panel.html`);
  const answer = await page.evaluate((text) => chrome.runtime.sendMessage({ type: 'bundle-import-text', text, source: 'full-loop.playbook.yaml' }), fixtureBundle());
  expect(answer).toMatchObject({ ok: true });
  await page.close();
});

afterAll(async () => {
  await session?.close();
});

const readEditor = (page: Page) => page.evaluate(() => window.chat.readEditor());

describe.each(editors)('the full loop on $page', (editor) => {
  test('customer message → intent and replies → Insert → editor holds the reply, nothing sent', async () => {
    const chat = await openChatPage(session, editor.page);
    const tabId = await waitForContentScript(session, chat);
    await chat.click(editor.selector);
    await chat.keyboard.type('好的，');
    // Clicking the panel takes the focus from the page; clicking elsewhere also moves the caret.
    await chat.click('header');

    const panel = await openPanelTab(session, tabId);
    // On opening, the panel shows the customer's latest message already in the page.
    await panel.locator('[data-testid=customer-message]', { hasText: '这款课程多少钱？' }).waitFor();

    await chat.evaluate((text) => window.chat.addCustomerMessage(text), CUSTOMER);
    await panel.locator(`[data-testid=replies][data-for="${CUSTOMER}"]`).waitFor();
    await panel.locator('[data-testid=intent][data-intent=price]').waitFor();
    expect(await panel.locator('[data-testid=customer-message]').textContent()).toBe(CUSTOMER);

    const card = panel.locator('[data-reply-id=loop-price-value]');
    const replyText = (await card.locator('.reply-text').textContent()) ?? '';
    expect(replyText).toBe('这门课程包含一年答疑，算下来每天不到一块钱。');
    await card.locator('.row button').first().click();
    await card.locator('[role=status].ok').waitFor();

    await expect.poll(() => readEditor(chat)).toBe(`好的，${replyText}`);
    expect(await chat.evaluate(() => window.chat.sends.length)).toBe(0);
    await panel.close();
    await chat.close();
  });
});

test('the same loop through the real side panel, opened by a trusted click, on Draft.js', async () => {
  const chat = await openChatPage(session, 'draft');
  const tabId = await waitForContentScript(session, chat);
  await chat.click('.public-DraftEditor-content');
  await chat.keyboard.type('好的，');
  const panel = await openRealSidePanel(session, tabId);
  await chat.evaluate((text) => window.chat.addCustomerMessage(text), CUSTOMER);
  await panel.locator(`[data-testid=replies][data-for="${CUSTOMER}"]`).waitFor();
  const card = panel.locator('[data-reply-id=loop-price-value]');
  const replyText = (await card.locator('.reply-text').textContent()) ?? '';
  await card.locator('.row button').first().click();
  await card.locator('[role=status].ok').waitFor();
  await expect.poll(() => readEditor(chat)).toBe(`好的，${replyText}`);
  expect(await chat.evaluate(() => window.chat.sends.length)).toBe(0);
  await chat.close();
});

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
