// Stopping the extension's service worker as Chrome does after 30 s idle (needs launch({ cdp: true })).
import type { Page } from 'playwright-core';
import { waitFor, type Session } from './harness.ts';

/** Stops the extension's service worker and waits until Chromium lists none. */
export async function stopWorker(session: Session, page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach().catch(() => {});
  }
  const browser = await session.cdp!.newBrowserCDPSession();
  try {
    await waitFor(async () => {
      const { targetInfos } = (await browser.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
      return !targetInfos.some((target) => target.type === 'service_worker' && target.url.includes(session.extensionId));
    }, 'the service worker to stop');
  } finally {
    await browser.detach().catch(() => {});
  }
}
