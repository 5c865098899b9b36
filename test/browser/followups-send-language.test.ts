// Due today in real Chromium with a rule that sends one reply per language: in English the card
// carries the English reply's approved text, and after the panel's language is set to Chinese the
// same follow-up (same rule, same due) carries the Chinese one. Nothing is sent by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openChatPage, openPanelTab, waitFor, waitForContentScript, type Session } from './harness.ts';
import { openView } from './panel-helpers.ts';
import { loadBundle, PLAN_PLAYBOOK, wonCase, writeCases } from './profile-followups-bundle.ts';
import { bundleOf, SHOP_PLAYBOOK, writeTempFile } from './test-bundles.ts';

let session: Session;
let panel: Page;
const SLOW = { timeout: 15_000 };

// The test plan, its day-one care sent per language, with the English reply beside the Chinese one.
const BY_LANGUAGE = PLAN_PLAYBOOK.replace('      send: tea-care-day1\n', '      send: { zh-CN: tea-care-day1, en: tea-care-day1-en }\n') + `replies:
  - id: tea-care-day1-en
    label: Ask how it tastes
    lang: en
    text: "{{customer}}, has the tea arrived? Brew the first cup at about 80 degrees and tell me how it tastes."
`;

function cards(): Promise<{ rule: string; text: string }[]> {
  return panel.getByTestId('followup').evaluateAll((items) => items.map((card) => ({
    rule: card.getAttribute('data-rule') ?? '',
    text: card.querySelector('[data-testid=followup-text]')?.textContent ?? '',
  })));
}

/** The worker's list, as the panel receives it: the reply id and the due of the day-one care. */
async function careDue(): Promise<{ reply: string; due: string }> {
  const answer = await panel.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ result: { items: { rule: string; reply: string; due: string }[] } }> } } })
    .chrome.runtime.sendMessage({ type: 'followups-due' }));
  const { reply, due } = answer.result.items.find((item) => item.rule === 'care_day1')!;
  return { reply, due };
}

async function setLanguage(language: string): Promise<void> {
  const answer = await panel.evaluate((lang) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } })
    .chrome.runtime.sendMessage({ type: 'settings-set', language: lang }), language);
  expect(answer.ok, answer.error).toBe(true);
  await panel.reload();
}

beforeAll(async () => {
  session = await launch();
  const chat = await openChatPage(session, 'textarea');
  panel = await openPanelTab(session, await waitForContentScript(session, chat));
  expect(BY_LANGUAGE).toContain('en: tea-care-day1-en');
  await loadBundle(panel, bundleOf(SHOP_PLAYBOOK, BY_LANGUAGE));
  await openView(panel, 'Cases');
  await panel.locator('input[name=import-cases]').setInputFiles(writeTempFile('won-language.jsonl', writeCases([wonCase('shop.example @Mia', 'Mia', 1)])));
  await waitFor(async () => (await panel.getByTestId('cases-status').textContent())?.includes('1 new'), 'the case to be imported');
}, 120_000);

afterAll(async () => {
  await session?.close();
});

describe('a follow-up sent per language', () => {
  it('shows the English reply in English and the Chinese one in Chinese, for the same follow-up', async () => {
    await setLanguage('en');
    await openView(panel, /Due today/);
    await expect.poll(async () => (await cards()).find((card) => card.rule === 'care_day1')?.text, SLOW)
      .toBe('Mia, has the tea arrived? Brew the first cup at about 80 degrees and tell me how it tastes.');
    const english = await careDue();
    expect(english.reply).toBe('tea-care-day1-en');

    await setLanguage('zh-CN');
    await openView(panel, /今日回访|Due today/);
    await expect.poll(async () => (await cards()).find((card) => card.rule === 'care_day1')?.text, SLOW)
      .toBe('Mia，茶收到了吗？第一泡水温八十度左右，喝着怎么样跟我说说。');
    expect(await careDue()).toEqual({ reply: 'tea-care-day1', due: english.due });
  });
});
