// Text from chat pages and from playbooks is shown as text, never parsed as HTML: a customer
// message or a reply carrying <img src=x onerror=…> appears literally and runs nothing, in the
// panel and in the chat box it is inserted into.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openChatPage, openPanelTab, waitForContentScript, type Session } from './harness.ts';
import { importBundleFile, openView, shownReplies, waitForSuggestions } from './panel-helpers.ts';
import { bundleOf, writeTempFile } from './test-bundles.ts';

// Each payload records that it ran in the window it ran in; the tests check no window has it.
const PAYLOAD = '<img src=x onerror="window.__closerXss=(window.__closerXss||0)+1">';
const PLAYBOOK = `
id: xss
title: XSS
objections:
  - id: xss-price
    intent: price
    title: "嫌贵 <b>bold</b>"
    principle: 'Principle ${PAYLOAD}'
    triggers:
      keywords: [太贵]
    replies:
      - id: xss-reply
        label: '<script>window.__closerXss=1</script>label'
        text: 'Reply ${PAYLOAD} text'
stories:
  - id: xss-story
    title: 'Story ${PAYLOAD}'
    background: '${PAYLOAD}'
    problem: p
    solution: s
    feeling: { before: b, after: a }
`;

let session: Session;
let chat: Page;
let panel: Page;
const dialogs: string[] = [];

async function ranAnything(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __closerXss?: number }).__closerXss);
}

beforeAll(async () => {
  session = await launch();
  session.context.on('page', (page) => page.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message()))));
  chat = await openChatPage(session, 'contenteditable');
  panel = await openPanelTab(session, await waitForContentScript(session, chat));
  chat.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
  panel.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
  // The file name is shown in Settings too; it carries the payload as well.
  const status = await importBundleFile(panel, writeTempFile(`x${PAYLOAD.replaceAll('/', '')}.json`, JSON.stringify(bundleOf(PLAYBOOK))));
  expect(status).toMatch(/imported/);
});

afterAll(async () => {
  await session?.close();
});

describe('chat and playbook text is rendered as text', () => {
  it('shows a customer message with HTML literally in the panel', async () => {
    const message = `太贵了 ${PAYLOAD}`;
    await chat.evaluate((text) => window.chat.addCustomerMessage(text), message);
    await waitForSuggestions(panel, message);
    expect(await panel.getByTestId('customer-message').textContent()).toBe(message);
    expect(await panel.locator('#view-suggest img, #view-suggest script, #view-suggest b').count()).toBe(0);
  });

  it('shows a playbook reply, label and story with HTML literally', async () => {
    const [reply] = await shownReplies(panel);
    expect(reply).toEqual({ id: 'xss-reply', label: '<script>window.__closerXss=1</script>label', text: `Reply ${PAYLOAD} text` });
    await openView(panel, 'Search');
    await panel.getByRole('searchbox', { name: 'Search the playbooks' }).fill('Reply');
    await panel.locator('[data-testid=hits] .hit').first().click();
    expect(await panel.getByTestId('principle').textContent()).toBe(`Principle ${PAYLOAD}`);
    await openView(panel, 'Settings');
    expect(await panel.getByTestId('bundle-info').textContent()).toContain(PAYLOAD.replaceAll('/', ''));
    expect(await panel.locator('img, script:not([src]), b').count()).toBe(0);
    await openView(panel, 'Suggest');
  });

  it('inserts the reply into a contenteditable chat box as text', async () => {
    await chat.locator('[contenteditable=true]').first().click();
    await panel.locator('[data-reply-id=xss-reply]').getByRole('button', { name: 'Insert' }).click();
    await expect.poll(() => chat.evaluate(() => window.chat.readEditor())).toContain(PAYLOAD);
    expect(await chat.locator('#editor-host img').count()).toBe(0);
  });

  it('ran nothing anywhere', async () => {
    // Give any broken-image error event the time to fire.
    await panel.waitForTimeout(300);
    expect(await ranAnything(panel)).toBeUndefined();
    expect(await ranAnything(chat)).toBeUndefined();
    expect(await session.worker.evaluate(() => (globalThis as unknown as { __closerXss?: number }).__closerXss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});
