// Whether a restarted worker reads its IndexedDB copy of the shipped default bundle (issue 12,
// lead 1): a tool, not a bench. It waits as cold-start-browser.ts does, lists the bundles store's
// keys, then stops the worker four times and prints each first suggestion's time, the worker's
// marks and the keys again. Seen at load 1.2-1.4: 'default-copy' present before the first stop and
// read on every round (bundle read mark at 49-59 ms, no fetch of the file), answers 65-87 ms.
//   npx tsx test/bench/_probe-copy.ts [EXTENSION_DIR]   (default: extension-browser/dist, built when stale)
import { launch } from '../browser/harness.ts';
import { stopWorker } from '../browser/stop-worker.ts';
const session = await launch({ ...(process.argv[2] ? { extension: process.argv[2] } : {}), cdp: true, chatPages: false });
try {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/panel.html`);
  await page.waitForLoadState('load');
  await page.waitForTimeout(2500);
  const keys = () => page.evaluate(() => new Promise((done) => { const r = indexedDB.open('closer'); r.onsuccess = () => { const k = r.result.transaction('bundles').objectStore('bundles').getAllKeys(); k.onsuccess = () => { done(k.result); r.result.close(); }; }; }));
  console.log('after panel load + 2.5 s:', await keys());
  for (let i = 0; i < 4; i++) {
    await stopWorker(session, page);
    const ms = await page.evaluate(async () => { const s = performance.now(); await chrome.runtime.sendMessage({ type: 'suggest', text: '太贵了 ' + Math.random(), conversationKey: 'p' }); return performance.now() - s; });
    const w = session.context.serviceWorkers().find((c) => c.url().includes(session.extensionId));
    const marks = await w?.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name} ${m.startTime.toFixed(0)}`));
    console.log(`round ${i}: ${ms.toFixed(0)} ms`, marks, await keys());
  }
} finally { await session.close(); }
