// A team's own small bundle in real Chromium: built the way `closer build` builds it (with the
// core's base intent corpus), it recognises plain customers; for an intent it has no objection
// for, the panel says so and shows the method's principle, and the step is named by the method.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildBundle, parsePlaybook } from '@closer/shared';
import { loadBaseCorpus } from '@closer/shared/node';
import { launch, openChatPage, openPanelTab, waitForContentScript, type Session } from './harness.ts';
import { importBundleFile, shownIntent, shownReplies, waitForSuggestions } from './panel-helpers.ts';
import { writeTempFile } from './test-bundles.ts';

const GYM = `id: gym
title: { zh-CN: 健身房, en: Gym }
objections:
  - id: gym-price
    intent: price
    title: { zh-CN: 嫌贵, en: Too expensive }
    principle: 先讲价值。
    triggers:
      keywords: [年卡太贵]
      examples: [私教课能不能打个折]
    replies:
      - id: gym-price-value
        label: 讲价值
        text: 年卡算下来每天不到三块钱。
`;

let session: Session;
let chat: Page;
let panel: Page;

beforeAll(async () => {
  session = await launch();
  chat = await openChatPage(session, 'textarea');
  panel = await openPanelTab(session, await waitForContentScript(session, chat));
  const bundle = buildBundle([parsePlaybook(GYM, 'gym.playbook.yaml')], { base: loadBaseCorpus() });
  expect(await importBundleFile(panel, writeTempFile('gym.json', JSON.stringify(bundle)))).toMatch(/imported/);
});

afterAll(async () => {
  await session?.close();
});

describe('a small team bundle with the base corpus', () => {
  it('recognises a plain price message the team never wrote down, and suggests its reply', async () => {
    await chat.evaluate((text) => window.chat.addCustomerMessage(text), '能便宜点吗');
    await waitForSuggestions(panel, '能便宜点吗');
    expect(await shownIntent(panel)).toBe('price');
    expect((await shownReplies(panel))[0]?.id).toBe('gym-price-value');
    expect(await panel.getByTestId('uncovered').count()).toBe(0);
  });

  it('says when the playbooks have no objection for the intent and gives the method’s principle instead', async () => {
    await chat.evaluate((text) => window.chat.addCustomerMessage(text), 'let me think about it');
    // No reply fits, so the list is there but empty (and hidden).
    await panel.locator('[data-testid=replies][data-for="let me think about it"]').waitFor({ state: 'attached', timeout: 15_000 });
    expect(await shownIntent(panel)).toBe('hesitation');
    const uncovered = panel.getByTestId('uncovered');
    await expect.poll(() => uncovered.textContent()).toMatch(/no objection for this/);
    expect(await uncovered.textContent()).toMatch(/ask directly and kindly what still worries them/);
    // No golden sequence in this bundle: the step is named by the method itself.
    expect(await panel.getByTestId('step').getAttribute('data-step')).toBe('consider');
    expect(await panel.getByTestId('step').textContent()).toContain('Weighing time or money');
  });
});
