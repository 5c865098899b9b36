// The reader, bundled on its own into a test page (test/browser/reader/harness.ts): the same
// code the content script runs, called directly, so each signal can be shown winning and losing.
import { findMessageList, rankMessageLists } from '../../../extension-browser/src/content/reader/find-list.ts';
import { listAround } from '../../../extension-browser/src/content/reader/list-around.ts';
import { latestCustomerMessage, latestOwnMessage, readNewestFirst } from '../../../extension-browser/src/content/reader/read-chat.ts';
import { normaliseText } from '../../../extension-browser/src/content/reader/reading.ts';

function describe(element: Element | undefined): string | undefined {
  if (!element) return undefined;
  return element.getAttribute('data-name') ?? (element.id || element.localName);
}

const api = {
  /** The data-name (or id) of the list the reader finds, and why. */
  findList() {
    const found = findMessageList(document);
    return found ? { name: describe(found.list), reasons: found.reasons, score: found.score } : undefined;
  },
  /** The finalists, best first (for looking into a page while writing a test). */
  rank() {
    return rankMessageLists(document).map((found) => ({ name: describe(found.list), html: found.list.outerHTML.slice(0, 80), score: found.score, reasons: found.reasons }));
  },
  /** Every message of the found (or named) list, oldest first. */
  read(listSelector?: string, ownTexts: string[] = []) {
    const list = listSelector ? document.querySelector(listSelector) ?? undefined : findMessageList(document)?.list;
    if (!list) return undefined;
    const options = { ownTexts: new Set(ownTexts.map(normaliseText)) };
    return [...readNewestFirst(list, options)].reverse().map(({ text, own, notice, why }) => ({ text, who: notice ? 'notice' : own ? 'own' : 'customer', why }));
  },
  latest(listSelector?: string, ownTexts: string[] = []) {
    const list = listSelector ? document.querySelector(listSelector) ?? undefined : findMessageList(document)?.list;
    if (!list) return { customer: undefined, own: undefined };
    const options = { ownTexts: new Set(ownTexts.map(normaliseText)) };
    return { customer: latestCustomerMessage(list, options)?.text, own: latestOwnMessage(list, options)?.text };
  },
  /** The data-name of the list pick mode frames when `selector` is hovered. */
  around(selector: string) {
    const target = document.querySelector(selector);
    return target ? describe(listAround(target)) : undefined;
  },
  /** Milliseconds for one read of the newest customer message, the median of `runs`. */
  timeLatest(runs: number) {
    const list = findMessageList(document)?.list;
    if (!list) return undefined;
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const start = performance.now();
      latestCustomerMessage(list, { ownTexts: new Set() });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  },
};

(window as unknown as { closerReader: typeof api }).closerReader = api;
export type ReaderApi = typeof api;
