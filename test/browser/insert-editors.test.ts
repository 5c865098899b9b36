import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { insertStrategies } from '../../extension-browser/src/content/insert/index.ts';
import { launch, openChatPage, sendToTab, waitForContentScript, type Session } from './harness.ts';

// The insertion ladder on every editor kind, through the real built extension: the text lands
// at the caret the user left, what they typed stays, the editor's own state (not just the DOM)
// holds the result, and nothing is sent.

interface Editor {
  page: string;
  strategy: string;
  /** The element a user clicks to type. */
  selector: string;
  /** The iframe the chat box is in, when it is in one. */
  frame?: string;
}

const editors: Editor[] = [
  { page: 'textarea', strategy: 'textarea', selector: 'textarea' },
  { page: 'react-input', strategy: 'textarea', selector: 'input' },
  { page: 'contenteditable', strategy: 'contenteditable', selector: '.editor' },
  { page: 'lexical', strategy: 'lexical', selector: '[data-lexical-editor]' },
  { page: 'slate', strategy: 'slate', selector: '[data-slate-editor]' },
  { page: 'prosemirror', strategy: 'prosemirror', selector: '.ProseMirror' },
  { page: 'quill', strategy: 'quill', selector: '.ql-editor' },
  { page: 'draft', strategy: 'draft', selector: '.public-DraftEditor-content' },
  { page: 'ckeditor', strategy: 'ckeditor', selector: '.ck-editor__editable' },
  { page: 'custom-editor', strategy: 'contenteditable', selector: '.composer-input' },
  { page: 'shadow-editor', strategy: 'contenteditable', selector: 'chat-composer .box' },
  { page: 'iframe-chat', strategy: 'textarea', selector: 'textarea', frame: 'iframe' },
];

const boxOf = (page: Page, editor: Editor) => (editor.frame ? page.frameLocator(editor.frame).locator(editor.selector) : page.locator(editor.selector));

let session: Session;

test('every rung of the insertion ladder is proven on a fixture page here', () => {
  const tested = new Set(editors.map((editor) => editor.strategy));
  expect(insertStrategies.map((strategy) => strategy.id).filter((id) => !tested.has(id))).toEqual([]);
});

beforeAll(async () => {
  session = await launch();
});

afterAll(async () => {
  await session?.close();
});

const readEditor = (page: Page) => page.evaluate(() => window.chat.readEditor());
const sends = (page: Page) => page.evaluate(() => window.chat.sends.length);

async function insert(page: Page, tabId: number, text: string) {
  return sendToTab(session, tabId, { type: 'insert', text }) as Promise<{ ok: boolean; strategy: string; error?: string }>;
}

describe.each(editors)('inserting into $page', (editor) => {
  test('lands at the caret, keeps what the user typed, and sends nothing', async () => {
    const page = await openChatPage(session, editor.page);
    const tabId = await waitForContentScript(session, page);
    await boxOf(page, editor).click();
    await page.keyboard.type('Hello world');
    for (let i = 0; i < 'world'.length; i += 1) await page.keyboard.press('ArrowLeft');
    // The user clicks away (as clicking the side panel would), so the caret must be restored.
    await page.click('header');
    await expect.poll(() => readEditor(page)).toBe('Hello world');

    const result = await insert(page, tabId, '您好，这是回复 ');
    expect(result).toEqual({ ok: true, strategy: editor.strategy });
    await expect.poll(() => readEditor(page)).toBe('Hello 您好，这是回复 world');
    expect(await sends(page)).toBe(0);

    // The editor still works as the user's own afterwards: typing continues after the insertion.
    await page.keyboard.type('!');
    await expect.poll(() => readEditor(page)).toBe('Hello 您好，这是回复 !world');
    expect(await sends(page)).toBe(0);
    await page.close();
  });

  test('a one-letter insertion, which editors may leave to the browser, lands in the state', async () => {
    const page = await openChatPage(session, editor.page);
    const tabId = await waitForContentScript(session, page);
    await boxOf(page, editor).click();
    await page.keyboard.type('ok');
    const result = await insert(page, tabId, 'x');
    expect(result).toEqual({ ok: true, strategy: editor.strategy });
    await expect.poll(() => readEditor(page)).toBe('okx');
    expect(await sends(page)).toBe(0);
    await page.close();
  });

  test('inserts a reply with a line break without sending', async () => {
    const page = await openChatPage(session, editor.page);
    const tabId = await waitForContentScript(session, page);
    await boxOf(page, editor).click();
    await page.keyboard.type('OK.');
    const result = await insert(page, tabId, ' first line\nsecond line');
    expect(result.ok).toBe(true);
    const expected = editor.page === 'react-input' ? 'OK. first line second line' : 'OK. first line\nsecond line';
    await expect.poll(() => readEditor(page)).toBe(expected);
    expect(await sends(page)).toBe(0);
    await page.close();
  });
});

test('the reply goes to the box the user typed in, not a field they clicked into afterwards', async () => {
  const page = await openChatPage(session, 'lexical');
  const tabId = await waitForContentScript(session, page);
  await page.evaluate(() => {
    const search = document.createElement('input');
    search.id = 'search';
    search.placeholder = 'Search chats';
    document.querySelector('header')!.append(search);
  });
  await page.click('[data-lexical-editor]');
  await page.keyboard.type('好的');
  await page.click('#search');
  const result = await insert(page, tabId, '，马上安排。');
  expect(result).toEqual({ ok: true, strategy: 'lexical' });
  await expect.poll(() => readEditor(page)).toBe('好的，马上安排。');
  expect(await page.inputValue('#search')).toBe('');
  expect(await sends(page)).toBe(0);
  await page.close();
});

test('without any typing in the page, the reply goes into the page\'s chat box', async () => {
  const page = await openChatPage(session, 'quill');
  const tabId = await waitForContentScript(session, page);
  const result = await insert(page, tabId, '您好！');
  expect(result).toEqual({ ok: true, strategy: 'quill' });
  await expect.poll(() => readEditor(page)).toBe('您好！');
  expect(await sends(page)).toBe(0);
  await page.close();
});

test('a second copy of the content script (the panel injects one when none answers) replaces the first', async () => {
  const page = await openChatPage(session, 'textarea');
  const tabId = await waitForContentScript(session, page);
  await session.worker.evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, files: ['content.js'] }), tabId);
  await page.click('textarea');
  await page.keyboard.type('A');
  const result = await insert(page, tabId, 'B');
  expect(result.ok).toBe(true);
  // Two live copies would both have inserted.
  await expect.poll(() => readEditor(page)).toBe('AB');
  await new Promise((settle) => setTimeout(settle, 300));
  expect(await readEditor(page)).toBe('AB');
  await page.close();
});

test('a page without any editor gets a clear refusal', async () => {
  const page = await openChatPage(session, 'textarea');
  const tabId = await waitForContentScript(session, page);
  await page.evaluate(() => document.querySelector('textarea')!.remove());
  const result = await insert(page, tabId, 'x');
  expect(result.ok).toBe(false);
  expect(result.error).toMatch(/no chat box/);
  await page.close();
});

test('a malformed insert request is refused with the reason', async () => {
  const page = await openChatPage(session, 'textarea');
  const tabId = await waitForContentScript(session, page);
  const result = await sendToTab(session, tabId, { type: 'insert', text: 42 }) as { ok: boolean; error?: string };
  expect(result.ok).toBe(false);
  expect(result.error).toMatch(/text/);
  expect(await readEditor(page)).toBe('');
  await page.close();
});

declare const chrome: { scripting: { executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown> } };
