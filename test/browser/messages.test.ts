// Messages reaching the worker are checked on arrival: a malformed request is refused with what
// was wrong, a stranger's message is ignored, odd customer text gets a sensible answer, and the
// worker keeps answering afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './harness.ts';

let session: Session;
let page: Page;

/** Sends a runtime message from an extension page, as the panel does, and returns the answer. */
function send(message: unknown): Promise<unknown> {
  return page.evaluate(
    (body) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(body),
    message,
  );
}

beforeAll(async () => {
  session = await launch({ chatPages: false });
  page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/panel.html?tabId=-1`);
});

afterAll(async () => {
  await session?.close();
});

describe('messages to the worker', () => {
  it('refuses a malformed request, naming the field', async () => {
    expect(await send({ type: 'suggest', text: 42, conversationKey: 'k' })).toEqual({ ok: false, error: expect.stringMatching(/^suggest: bad message at text: /) });
    expect(await send({ type: 'variables-set', conversationKey: 'k', values: { customer: 7 } })).toEqual({
      ok: false,
      error: expect.stringMatching(/^variables-set: bad message at values\.customer/),
    });
  });

  it('ignores messages it does not know', async () => {
    expect(await send({ type: 'format-disk' })).toBeUndefined();
    expect(await send('hello')).toBeUndefined();
    expect(await send(null)).toBeUndefined();
  });

  it('answers empty, emoji-only, control-character and 100,000-character messages sensibly', async () => {
    for (const text of ['', '🙂🙂🙂', '\u0000\u0007\u001b[31m太贵', '贵'.repeat(100_000)]) {
      const answer = (await send({ type: 'suggest', text, conversationKey: 'odd' })) as { ok: boolean; result: { intent: string; replies: unknown[] } };
      expect(answer.ok).toBe(true);
      expect(typeof answer.result.intent).toBe('string');
      expect(Array.isArray(answer.result.replies)).toBe(true);
    }
  });

  it('keeps answering after all that', async () => {
    const answer = (await send({ type: 'suggest', text: '太贵了', conversationKey: 'after' })) as { ok: boolean; result: { intent: string } };
    expect(answer).toMatchObject({ ok: true, result: { intent: 'price' } });
  });
});
