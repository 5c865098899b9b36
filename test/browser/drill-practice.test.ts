// The Practice view in real Chromium: a new hire starts a drill, answers three turns (the
// replies go to the drill, never to the chat page), sees the score with the approved replies
// and the principles, and the result is kept by the worker and exported as JSON Lines, on its
// own and in the Cases view's export beside the cases.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCases, readDrillResults } from '@closer/shared';
import { launch, openChatPage, openPanelTab, waitForContentScript, type Session } from './harness.ts';
import { importBundleFile, openView } from './panel-helpers.ts';
import { bundleOf, writeTempFile } from './test-bundles.ts';

const PLAYBOOK = `
id: practice
title: Practice
objections:
  - id: dear
    intent: price
    title: Too expensive
    principle: Haggling means they want it; show the value before any discount.
    triggers: { keywords: [expensive, cheaper], examples: [that is too expensive, can you make it cheaper] }
    replies:
      - id: dear-value
        label: Value first
        text: I get it. Let me show you what the price pays for, the materials and a year of support, and then you can judge.
  - id: unsure
    intent: doubt
    title: Does it work
    principle: Tell a real customer's story instead of promising.
    triggers: { keywords: [really work, scam], examples: [does it really work] }
    replies:
      - id: unsure-story
        label: A customer's story
        text: Fair question. A customer of ours had the same worry; before, she wasted weekends on repairs, and after a month she told us it just works.
  - id: ready
    intent: buy_signal
    title: Ready to buy
    principle: Ask for the close and make the next step simple.
    triggers: { keywords: [how do I order, buy now], examples: [ok how do I order] }
    replies:
      - id: ready-link
        label: Send the link
        text: Great! I will send you the order link now; just confirm your address and it ships today.
drills:
  - id: careful-buyer
    title: The careful buyer
    trade: Home repairs
    persona: Wants value, doubts claims, buys when sure.
    turns:
      - intent: price
        customer: That is too expensive.
      - intent: doubt
        customer: Does it really work?
      - intent: buy_signal
        customer: OK, how do I order?
`;

const downloads = mkdtempSync(join(tmpdir(), 'closer-drills-export-'));
let session: Session;
let panel: Page;
let chat: Page;

beforeAll(async () => {
  session = await launch();
  chat = await openChatPage(session, 'textarea');
  panel = await openPanelTab(session, await waitForContentScript(session, chat));
  await importBundleFile(panel, writeTempFile('practice.json', JSON.stringify(bundleOf(PLAYBOOK))));
});

afterAll(async () => {
  await session?.close();
  rmSync(downloads, { recursive: true, force: true });
});

async function answer(text: string): Promise<void> {
  await panel.getByRole('textbox', { name: 'Your reply' }).fill(text);
  await panel.getByRole('button', { name: 'Send to the drill' }).click();
}

describe('Practice view', () => {
  it('plays a drill of three turns, scores it with reasons, keeps and exports the result', async () => {
    await openView(panel, 'Practice');
    await panel.getByRole('checkbox', { name: 'Show the score after each reply' }).check();
    await panel.getByRole('button', { name: 'Start the drill' }).click();
    await expect.poll(() => panel.locator('.drill-current').textContent()).toContain('That is too expensive.');
    expect(await panel.locator('.drill-persona').textContent()).toContain('Wants value');

    await answer('I get it. Let me show you what the price pays for, the materials and a year of support, and then you can judge.');
    // After each turn, the score of that turn, before the next customer line.
    await expect.poll(() => panel.locator('.drill-current').textContent()).toContain('Does it really work?');
    expect(Number(await panel.locator('.drill-turn-score').first().getAttribute('data-score'))).toBeGreaterThanOrEqual(90);

    await answer('I guarantee it works, 100% effective or your money back!');
    await expect.poll(() => panel.locator('.drill-current').textContent()).toContain('how do I order');
    await answer('<b>Nice weather</b> today, right?');

    const total = panel.locator('.drill-total');
    await total.waitFor();
    const score = Number(await total.getAttribute('data-total'));
    const turns = panel.locator('.drill-final .drill-turn-score');
    expect(await turns.count()).toBe(3);
    const scores = (await turns.evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-score')))));
    expect(scores[0]).toBeGreaterThanOrEqual(90);
    expect(scores[2]).toBeLessThan(40);
    expect(score).toBe(Math.round(scores.reduce((sum, value) => sum + value, 0) / 3));
    // The guarantee lost its compliance points, and the approved reply and principle are beside it.
    const second = turns.nth(1);
    expect(await second.locator('[data-check=compliance] .drill-points').textContent()).toBe('compliance 0/15');
    expect(await second.locator('.drill-best').textContent()).toContain('A customer of ours had the same worry');
    expect(await second.locator('.drill-principle').textContent()).toContain("real customer's story");
    // Text is text: the markup typed as a reply is shown, not rendered.
    expect(await turns.nth(2).locator('b').count()).toBe(0);
    expect(await turns.nth(2).textContent()).toContain('<b>Nice weather</b>');
    await expect.poll(() => panel.locator('.practice .status').textContent()).toBe('Result saved');
    // Nothing was typed into the chat page.
    expect(await chat.locator('textarea').first().inputValue()).toBe('');

    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export JSON Lines' }).click()]);
    const file = join(downloads, 'drills.jsonl');
    await download.saveAs(file);
    const { results, problems } = readDrillResults(readFileSync(file, 'utf8'));
    expect(problems).toEqual([]);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: 'drill', drill: 'careful-buyer', title: 'The careful buyer', total: score });
    expect(results[0]!.turns.map((turn) => [turn.intent, turn.score])).toEqual([['price', scores[0]], ['doubt', scores[1]], ['buy_signal', scores[2]]]);

    // The Cases view's export carries the same result, and the case reader skips it cleanly.
    await openView(panel, 'Cases');
    const [casesDownload] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export JSON Lines' }).click()]);
    const casesFile = join(downloads, 'cases.jsonl');
    await casesDownload.saveAs(casesFile);
    const text = readFileSync(casesFile, 'utf8');
    expect(readDrillResults(text)).toEqual({ results, problems: [] });
    const read = readCases(text, 'cases.jsonl');
    expect(read.problems).toEqual([]);
    expect(read.drillResults).toBe(1);
    await expect.poll(() => panel.getByTestId('cases-status').textContent()).toMatch(/^Exported \d+ cases and 1 drill results$/);
  });

  it('opens the same Practice view in a tab of its own, for a bigger window', async () => {
    await openView(panel, 'Practice');
    const [page] = await Promise.all([session.context.waitForEvent('page'), panel.getByRole('button', { name: 'Practise in a bigger window' }).click()]);
    await page.waitForLoadState();
    expect(new URL(page.url()).searchParams.get('view')).toBe('practice');
    await expect.poll(() => page.getByRole('tab', { name: 'Practice' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('button', { name: 'Start the drill' }).waitFor();
    // Already in its own tab: no button to open yet another.
    expect(await page.getByRole('button', { name: 'Practise in a bigger window' }).count()).toBe(0);
    await page.close();
  });

  it('a bundle without objections says what is missing', async () => {
    await importBundleFile(panel, writeTempFile('bare.json', JSON.stringify(bundleOf('id: bare\ntitle: Bare\nreplies: [{ id: hi, label: Hi, text: Hello there }]\n'))));
    await openView(panel, 'Practice');
    await expect.poll(() => panel.locator('.drill-missing').textContent()).toContain('no objections');
  });
});
