// Where a cold start's time goes (issue 12): a tool, not a bench (the underscore keeps it out of
// `npm run bench`). It stops the extension's worker, records a Chromium trace around one request
// from an extension page and prints the worker thread's timeline (script compile and run, storage,
// fetches, tasks). With SAMPLES=1 the V8 sampler is on too and the functions with the most self
// and total time are printed (its start costs the worker a few hundred ms, so read the timeline
// without it). MIN_US leaves out shorter events (500 µs by default). The trace is kept in /tmp.
//   npx tsx test/bench/_trace-worker.ts [suggest|search] [default|imported|big] [extension dir]
import { readFileSync, writeFileSync } from 'node:fs';
import { contentHashOf, loadBundle, precompileBundle, type Bundle } from '@closer/shared';
import { launch, waitFor } from '../browser/harness.ts';
import { generatedBundle } from './_generated-bundle.ts';

const [what = 'suggest', size = 'default', extension = 'extension-browser/dist-test'] = process.argv.slice(2);

interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: any; id?: string }

const session = await launch({ extension, cdp: true, chatPages: false });
try {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/panel.html`);
  await page.waitForLoadState('load');
  await page.waitForTimeout(2500);
  if (size !== 'default') {
    const shipped = loadBundle(readFileSync(`${extension}/bundles/default.json`, 'utf8'));
    const base = shipped.precompiled ? shipped : precompileBundle(shipped);
    const { precompiled: _p, ...rest } = size === 'big' ? generatedBundle(base, 10_000) : base;
    const big = precompileBundle({ ...rest, hash: contentHashOf(rest) } as Bundle);
    await page.evaluate(async (text) => {
      const answer = (await chrome.runtime.sendMessage({ type: 'bundle-import-text', text, source: 'bench.json' })) as { ok: boolean; error?: string };
      if (!answer.ok) throw new Error(answer.error);
    }, JSON.stringify(big));
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const browser = await session.cdp!.newBrowserCDPSession();
  await waitFor(async () => {
    const { targetInfos } = (await browser.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
    return !targetInfos.some((target) => target.type === 'service_worker' && target.url.includes(session.extensionId));
  }, 'the service worker to stop');
  await session.cdp!.startTracing(undefined, { categories: [...(process.env.SAMPLES ? ['disabled-by-default-v8.cpu_profiler'] : []), 'devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-devtools.timeline', 'blink', 'ServiceWorker', 'IndexedDB', 'loading', 'toplevel', 'extensions'] });
  await page.waitForTimeout(300);
  const request = what === 'suggest'
    ? { type: 'suggest', text: '太贵了，能不能便宜点', conversationKey: 'trace-cold' }
    : { type: 'search', query: '价格太贵怎么回' };
  const ms = await page.evaluate(async (body) => {
    const start = performance.now();
    await chrome.runtime.sendMessage(body);
    return performance.now() - start;
  }, request);
  await page.waitForTimeout(300);
  const buffer = await session.cdp!.stopTracing();
  const file = `/tmp/closer-trace-${what}-${size}.json`;
  writeFileSync(file, buffer);
  const { traceEvents } = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] };
  console.log(`${what} (${size}): ${ms.toFixed(0)} ms seen by the page (tracing on); trace in ${file}`);
  // The worker's thread: the one named for service workers in the extension's process.
  const threads = traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name');
  const swThreads = threads.filter((e) => /ServiceWorker/i.test(e.args?.name ?? ''));
  for (const thread of swThreads) {
    const events = traceEvents.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && (e.dur ?? 0) > Number(process.env.MIN_US ?? 500));
    if (events.length === 0) continue;
    const t0 = Math.min(...events.map((e) => e.ts));
    console.log(`thread ${thread.args.name} pid ${thread.pid} tid ${thread.tid}`);
    for (const e of events.sort((a, b) => a.ts - b.ts).filter((x) => !/^(V8\.GC|ThreadControllerImpl|SimpleWatcher|Receive mojo|AsyncTask|IDBRequest::dispatchEvent|v8\.callFunction|V8\.HandleInterrupts)/.test(x.name))) {
      const detail = e.args?.data?.url ?? e.args?.data?.functionName ?? e.args?.fileName ?? '';
      console.log(`  +${((e.ts - t0) / 1000).toFixed(1).padStart(7)} ${(e.dur! / 1000).toFixed(1).padStart(7)} ms  ${e.name} ${String(detail).slice(-60)}`);
    }
    // Samples: ProfileChunk events carry the nodes and samples of the V8 profile.
    const nodes = new Map<number, { callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; parent?: number }>();
    const self = new Map<number, number>();
    const profileId = traceEvents.find((x) => x.pid === thread.pid && x.tid === thread.tid && x.name === 'Profile')?.id;
    for (const e of traceEvents.filter((x) => x.pid === thread.pid && x.name === 'ProfileChunk' && x.id === profileId)) {
      const data = e.args?.data?.cpuProfile;
      for (const node of data?.nodes ?? []) nodes.set(node.id, { callFrame: node.callFrame, parent: node.parent });
      const deltas = e.args?.data?.timeDeltas ?? [];
      (data?.samples ?? []).forEach((id: number, i: number) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0) / 1000));
    }
    const keyOf = (id: number) => { const f = nodes.get(id)!.callFrame; return `${f.functionName || '(anonymous)'} ${(f.url ?? '').split('/').pop()}:${(f.lineNumber ?? 0) + 1}`; };
    const selfBy = new Map<string, number>();
    const totalBy = new Map<string, number>();
    for (const [id, time] of self) {
      if (!nodes.has(id)) continue;
      selfBy.set(keyOf(id), (selfBy.get(keyOf(id)) ?? 0) + time);
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined && nodes.has(at); at = nodes.get(at)!.parent) {
        const key = keyOf(at);
        if (!seen.has(key)) totalBy.set(key, (totalBy.get(key) ?? 0) + time);
        seen.add(key);
      }
    }
    console.log('  self:');
    for (const [key, time] of [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${time.toFixed(1).padStart(7)} ms  ${key}`);
    console.log('  inclusive:');
    for (const [key, time] of [...totalBy].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(`  ${time.toFixed(1).padStart(7)} ms  ${key}`);
  }
} finally {
  await session.close();
}
