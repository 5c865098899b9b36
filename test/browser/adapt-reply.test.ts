// "Adapt" on a reply card, through the real built extension, its real panel and the worker's real
// fetch. The model is a stand-in: test/unit/adapt-model-server.ts is a local HTTP server on
// 127.0.0.1 that speaks the OpenAI chat-completions protocol and answers with scripted
// completions. No model runs and nothing leaves the machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '@closer/shared';
import type { Page } from 'playwright-core';
import { startStandInModel, type StandInModel } from '../unit/adapt-model-server.ts';
import { launch, openChatPage, openPanelTab, waitForContentScript, type Session } from './harness.ts';
import { importBundleFile, openView, waitForSuggestions } from './panel-helpers.ts';
import { bundleOf, SHOP_PLAYBOOK, writeTempFile } from './test-bundles.ts';

// The shop playbook with the team's policy turned on for a model on this computer.
const POLICY_PLAYBOOK = SHOP_PLAYBOOK.replace('id: teashop\n', 'id: teashop\nadapt: { allowed: true, backends: [openai-compatible] }\n');

let session: Session;
let model: StandInModel;
let chat: Page;
let panel: Page;

const readEditor = () => chat.evaluate(() => window.chat.readEditor());
const card = () => panel.locator('[data-reply-id=tea-price-value]');
const approvedText = async () => (await card().locator('.reply-text').first().textContent()) ?? '';

/** Fills Settings → Adaptation the way a salesperson would, and saves. */
async function turnAdaptationOn(timeoutSeconds: number): Promise<void> {
  await openView(panel, 'Settings');
  const settings = panel.getByTestId('adapt-settings');
  await settings.getByTestId('adapt-policy').and(panel.locator('[data-allowed=true]')).waitFor();
  await settings.getByLabel('Base URL').fill(model.url);
  await settings.getByLabel('Model', { exact: true }).fill('stand-in');
  await settings.getByLabel('Time-out (seconds)').fill(String(timeoutSeconds));
  await settings.getByLabel('Adapt replies with a model').check();
  await settings.getByRole('button', { name: 'Save' }).click();
  await settings.getByText('Adaptation settings saved.').waitFor();
  await openView(panel, 'Suggest');
}

/** The inserted events of every case, as the worker stores them. */
async function inserts(): Promise<Extract<Case['timeline'][number], { type: 'inserted' }>[]> {
  const answer = (await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'cases-list' }))) as { result: { cases: Case[] } };
  return answer.result.cases.flatMap((record) => record.timeline).filter((event) => event.type === 'inserted');
}

async function askCustomer(text: string): Promise<void> {
  await chat.evaluate((message) => window.chat.addCustomerMessage(message), text);
  await waitForSuggestions(panel, text);
}

beforeAll(async () => {
  model = await startStandInModel();
  session = await launch();
  chat = await openChatPage(session, 'textarea');
  panel = await openPanelTab(session, await waitForContentScript(session, chat));
  const status = await importBundleFile(panel, writeTempFile('adapt-policy.bundle.json', JSON.stringify(bundleOf(POLICY_PLAYBOOK))));
  expect(status).toMatch(/imported/);
});

afterAll(async () => {
  await session?.close();
  await model?.close();
});

describe('adapting a reply in the panel', () => {
  it('offers no "Adapt" and asks no model until the salesperson turns adaptation on', async () => {
    await askCustomer('太贵了，能便宜点吗');
    await expect.poll(() => card().count()).toBe(1);
    expect(await card().getByRole('button', { name: 'Adapt' }).count()).toBe(0);
    await openView(panel, 'Settings');
    await panel.getByTestId('ollama-note').getByText(`OLLAMA_ORIGINS=chrome-extension://${session.extensionId}`).waitFor();
    expect(await panel.getByTestId('adapt-policy').textContent()).toContain('allowed');
    expect(await panel.getByLabel('Time-out (seconds)').inputValue()).toBe('8');
    expect(model.requests).toEqual([]);
  });

  it('shows an accepted adaptation as a word diff beside the approved reply, and records the adapted insert', async () => {
    await turnAdaptationOn(8);
    await askCustomer('这个太贵了吧，便宜点');
    const approved = await approvedText();
    expect(approved).toContain('两块钱');
    const adapted = approved.replace(/。$/, '，其实很划算。');
    model.script({ text: adapted });

    await card().getByRole('button', { name: 'Adapt' }).click();
    const result = card().getByTestId('adapt-result');
    await result.and(panel.locator('[data-accepted=true]')).waitFor();
    // The added words are marked, the approved words kept as they were, all as text.
    expect(await result.locator('[data-testid=adapt-diff] ins').allTextContents()).toEqual(['，其实很划算']);
    expect(await result.getByTestId('adapt-text').textContent()).toBe(adapted);
    expect(await result.getByTestId('adapt-backend').textContent()).toContain(`stand-in @ ${model.url}`);
    // The approved reply is still there, unchanged, beside the adaptation.
    expect(await approvedText()).toBe(approved);
    // What the stand-in received: the customer's message and the approved reply, by the real protocol.
    const sent = JSON.stringify(model.requests.at(-1));
    expect(sent).toContain('这个太贵了吧，便宜点');
    expect(sent).toContain('两块钱');

    await chat.locator('textarea').click();
    await result.getByRole('button', { name: 'Insert adapted' }).click();
    await expect.poll(readEditor).toBe(adapted);
    expect(await chat.evaluate(() => window.chat.sends.length)).toBe(0);

    // The panel reports the use without waiting for it to be stored: poll the case.
    await expect.poll(async () => (await inserts()).filter((event) => event.adapted)).toEqual([
      expect.objectContaining({ reply: 'tea-price-value', adapted: { backend: 'openai-compatible', hosted: false } }),
    ]);
    // The verbatim Insert is recorded without the mark.
    await chat.locator('textarea').fill('');
    await card().locator('.row').first().getByRole('button', { name: 'Insert', exact: true }).click();
    await expect.poll(readEditor).toBe(approved);
    await expect.poll(async () => (await inserts()).filter((event) => !('adapted' in event)).length).toBe(1);
  });

  it('rejects an adaptation that changes the price, says why, and keeps the approved text', async () => {
    await askCustomer('还是太贵了');
    const approved = await approvedText();
    model.script({ text: approved.replace('两块钱', '五块钱') });
    await card().getByRole('button', { name: 'Adapt' }).click();
    const result = card().getByTestId('adapt-result');
    await result.and(panel.locator('[data-accepted=false]')).waitFor();
    const reasons = await result.getByTestId('adapt-reasons').textContent();
    expect(reasons).toMatch(/number "两".*missing or changed/);
    // Said in the panel's language from the reason's code (the locale's words, not the core's English).
    expect(await result.getByTestId('adapt-reasons').locator('li[data-code="figures-kept.missing"]').count()).toBeGreaterThan(0);
    expect(await result.textContent()).toContain('The approved text stays as it is.');
    expect(await result.getByRole('button', { name: 'Insert adapted' }).count()).toBe(0);
    expect(await approvedText()).toBe(approved);
  });

  it('a stalled model leaves the panel usable and ends in the time-out set in Settings', async () => {
    await turnAdaptationOn(2);
    await askCustomer('能不能再便宜一点啊');
    const approved = await approvedText();
    model.script({ text: approved, delayMs: 30_000 });
    const started = Date.now();
    await card().getByRole('button', { name: 'Adapt' }).click();
    await card().getByTestId('adapt-working').waitFor();
    // While the model stalls, the approved reply inserts as usual.
    await chat.locator('textarea').fill('');
    await chat.locator('textarea').click();
    await card().locator('.row').first().getByRole('button', { name: 'Insert', exact: true }).click();
    await expect.poll(readEditor).toBe(approved);
    const result = card().getByTestId('adapt-result');
    await result.waitFor({ timeout: 10_000 });
    expect(await result.textContent()).toContain('the model did not answer within 2 s');
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(await card().getByRole('button', { name: 'Adapt' }).isEnabled()).toBe(true);
  });
});

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
