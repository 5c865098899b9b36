// Steps the panel tests share: things a salesperson does in the panel, through its real UI.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { waitFor } from './harness.ts';

/** Opens a view by its tab ('Suggest', 'Search', 'Settings' or their Chinese names). */
export async function openView(panel: Page, name: string | RegExp): Promise<void> {
  await panel.getByRole('tab', { name }).click();
}

/** Imports a bundle file through Settings and returns the status line the user reads. */
export async function importBundleFile(panel: Page, path: string): Promise<string> {
  await openView(panel, /Settings|设置/);
  const before = await panel.getByTestId('bundle-info').getAttribute('data-hash');
  const status = panel.locator('section[aria-labelledby=bundle-heading] [data-answer]');
  // The answer to this import, not one left on screen by an earlier import.
  const answered = (await status.count()) > 0 ? Number(await status.first().getAttribute('data-answer')) : 0;
  await panel.locator('input[type=file]').setInputFiles(path);
  await waitFor(async () => (await status.count()) > 0 && Number(await status.first().getAttribute('data-answer')) > answered, 'the answer to the import');
  const text = (await status.first().textContent()) ?? '';
  if (/imported|已导入/.test(text)) await waitFor(async () => (await panel.getByTestId('bundle-info').getAttribute('data-hash')) !== before, 'the new bundle to show');
  await openView(panel, /Suggest|建议/);
  return text;
}

/** Waits until the panel shows suggestions for exactly this customer message. */
export async function waitForSuggestions(panel: Page, message: string): Promise<void> {
  await panel.locator(`[data-testid=replies][data-for="${message.replaceAll('"', '\\"')}"]`).waitFor({ timeout: 15_000 });
}

/** The reply cards on screen, in order: label and filled text. */
export async function shownReplies(panel: Page): Promise<{ id: string; label: string; text: string }[]> {
  return panel.locator('[data-testid=replies] article').evaluateAll((cards) =>
    cards.map((card) => ({
      id: card.getAttribute('data-reply-id') ?? '',
      label: card.querySelector('h3')?.textContent ?? '',
      text: card.querySelector('.reply-text')?.textContent ?? '',
    })),
  );
}

export async function shownIntent(panel: Page): Promise<string | null> {
  return panel.getByTestId('intent').getAttribute('data-intent');
}

export { expect };
