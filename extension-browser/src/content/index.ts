import browser from 'webextension-polyfill';
import {
  ContentRequestSchema, SelectorResultSchema, parseMessage,
  type ContentEvent, type ContentRequest, type ContentResult,
} from '../protocol.ts';
import { insertInto } from './insert/index.ts';
import { focusLastEditor, watchTyping } from './last-editor.ts';
import { watchMessageList } from './message-list.ts';
import { startPicking, stopPicking } from './pick-list.ts';
import { findCustomerName, nameStillShown, type NameFinding } from './reader/customer-name.ts';
import { latestCustomerMessage, latestOwnMessage, type ReadOptions } from './reader/read-chat.ts';
import { normaliseText } from './reader/reading.ts';
import { selectedText } from './selection.ts';
import { selectorFor } from './selector.ts';
import { adapterFor } from './sites/index.ts';

// The content script: reads the customer's messages from the chat page and inserts replies
// into its chat box. It answers the panel's requests and reports new customer messages.

const adapter = adapterFor(location);
const site = location.host;
let pickedSelector: string | undefined;
let list: Element | undefined;
let stopWatching: (() => void) | undefined;
let stopAll: (() => void) | undefined;
// The replies inserted from the panel in this page: a bubble showing one is the salesperson's.
const ownTexts = new Set<string>();
const MAX_OWN_TEXTS = 200;

function readOptions(): ReadOptions {
  return { ownTexts, knownDirection: adapter.knownDirection };
}

function latestText(found: Element): string | undefined {
  return latestCustomerMessage(found, readOptions())?.text;
}

let nameFound: NameFinding | undefined;
// Conversations whose customer the background has been told about already.
const announced = new Set<string>();

/**
 * The conversation open in the page: the customer its header shows, on this site; the page's
 * address only when no name is shown. Single-URL inboxes thus keep one case per customer.
 */
function conversation(): { key: string; customer?: string } {
  let customer = nameFound ? nameStillShown(nameFound) : undefined;
  if (!customer && list?.isConnected) {
    nameFound = findCustomerName(list);
    customer = nameFound?.name;
  }
  return customer ? { key: `${site} @${customer}`, customer } : { key: adapter.conversationKey(location) };
}

/** The conversation's key, after telling the background whose it is (so {{customer}} is filled first). */
async function conversationKey(): Promise<string> {
  const { key, customer } = conversation();
  if (customer && !announced.has(key)) {
    announced.add(key);
    await send({ type: 'conversation-seen', conversationKey: key, customer });
  }
  return key;
}

function send(event: ContentEvent): Promise<unknown> {
  // After the extension is updated or removed, this script is an orphan: stop watching the page.
  if (!chrome.runtime?.id) {
    stopAll?.();
    return Promise.resolve(undefined);
  }
  // No receiver (the worker restarting) is not an error worth a page's console.
  return browser.runtime.sendMessage(event).catch(() => undefined);
}

// Reports go out in the order the messages appeared: the first of a new conversation waits for
// the background to learn whose it is, and a second must not overtake it.
let reports: Promise<unknown> = Promise.resolve();
function reportCustomerMessage(text: string): void {
  const at = Date.now();
  reports = reports.then(() => conversationKey()).then((key) => send({ type: 'customer-message', text, conversationKey: key, site, at }), () => undefined);
}

function useList(next: Element | undefined): void {
  stopWatching?.();
  stopWatching = undefined;
  list = next;
  nameFound = undefined;
  if (list) stopWatching = watchMessageList(list, readOptions, (message) => reportCustomerMessage(message.text));
}

/**
 * The list being watched; found again when the page re-rendered it (single-page apps do).
 * A picked list stays; a guessed one is guessed again on `refresh`, since chat pages often
 * render their conversation after the script first looked.
 */
function currentList(refresh = false): Element | undefined {
  if (list?.isConnected && (pickedSelector || !refresh)) return list;
  const picked = pickedSelector ? document.querySelector(pickedSelector) ?? undefined : undefined;
  const found = picked ?? adapter.findMessageList()?.list;
  if (found !== list) useList(found);
  return list;
}

/**
 * Single-page chats replace their message list when the user switches conversation. When the
 * watched list leaves the page, or none was found yet, find it (and report its newest message)
 * once the page settles, instead of searching on every mutation.
 */
function keepListAttached(): MutationObserver {
  let pending: ReturnType<typeof setTimeout> | undefined;
  // A page with no chat yet (a single-page app still loading one) is searched again as it
  // changes, less and less often, so a page that never shows a chat costs next to nothing.
  let searchDelay = 500;
  const observer = new MutationObserver(() => {
    if (pending !== undefined) return;
    const searching = !list && !pickedSelector;
    if (!searching && list?.isConnected) return;
    pending = setTimeout(() => {
      pending = undefined;
      const before = list;
      const found = currentList();
      searchDelay = found ? 500 : Math.min(searchDelay * 2, 8000);
      const latest = found && found !== before ? latestText(found) : undefined;
      if (latest) reportCustomerMessage(latest);
    }, searching ? searchDelay : 200);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  return observer;
}

async function loadSavedSelector(): Promise<void> {
  const answer = parseMessage(SelectorResultSchema, await send({ type: 'selector-get', site }));
  if (answer.ok && answer.message.selector) pickedSelector = answer.message.selector;
  currentList();
}

async function handle(request: ContentRequest): Promise<ContentResult<ContentRequest['type']>> {
  switch (request.type) {
    case 'insert': {
      const editor = await focusLastEditor(() => adapter.findEditor());
      if (!editor) return { ok: false, strategy: 'none', error: 'no chat box found in this page; click into it once, then try again' };
      const result = await insertInto(editor, request.text);
      if (result.ok) {
        if (ownTexts.size >= MAX_OWN_TEXTS) ownTexts.delete(ownTexts.values().next().value!);
        ownTexts.add(normaliseText(request.text));
      }
      return result;
    }
    case 'read-latest': {
      const found = currentList(true);
      const message = found ? latestText(found) : undefined;
      const key = await conversationKey();
      return { message, conversationKey: key, site, customer: conversation().customer };
    }
    case 'read-selection':
      return { text: selectedText(), conversationKey: await conversationKey(), site };
    case 'pick-list-start':
      startPicking((chosen) => {
        pickedSelector = selectorFor(chosen);
        useList(chosen);
        void send({ type: 'selector-saved', site, selector: pickedSelector });
        const latest = latestText(chosen);
        if (latest) reportCustomerMessage(latest);
      }, (chosen) => void send({ type: 'pick-list-done', chosen }));
      return { ok: true };
    case 'reader-describe': {
      const found = currentList(true);
      const finding = pickedSelector ? undefined : adapter.findMessageList();
      const customer = found ? latestCustomerMessage(found, readOptions()) : undefined;
      const { customer: name } = conversation();
      return {
        adapter: adapter.id,
        source: !found ? 'none' : pickedSelector ? 'picked' : 'found',
        list: found ? (pickedSelector ?? selectorFor(found)) : undefined,
        reasons: finding && finding.list === found ? finding.reasons : [],
        customer: name,
        conversationKey: await conversationKey(),
        lastCustomer: customer?.text,
        lastOwn: found ? latestOwnMessage(found, readOptions())?.text : undefined,
        why: customer?.why ?? [],
      };
    }
    case 'pick-list-reset':
      pickedSelector = undefined;
      useList(undefined);
      currentList();
      await send({ type: 'selector-cleared', site });
      return { ok: true };
  }
}

/** Starts reading and answering; returns the function that stops all of it. */
function start(): () => void {
  const lifetime = new AbortController();
  watchTyping(lifetime.signal);
  const listener = (raw: unknown) => {
    const request = parseMessage(ContentRequestSchema, raw);
    if (!request.ok) return Promise.resolve({ ok: false, strategy: 'none', error: request.error });
    return handle(request.message).catch((error: unknown) => ({
      ok: false, strategy: 'none', error: error instanceof Error ? error.message : String(error),
    }));
  };
  browser.runtime.onMessage.addListener(listener);
  let keeper: MutationObserver | undefined;
  void loadSavedSelector().then(() => {
    if (!lifetime.signal.aborted) keeper = keepListAttached();
  });
  return () => {
    lifetime.abort();
    keeper?.disconnect();
    useList(undefined);
    stopPicking();
    try {
      browser.runtime.onMessage.removeListener(listener);
    } catch {
      // An orphaned script's runtime is gone; there is nothing left to remove.
    }
  };
}

// The panel injects this script into a tab whose copy does not answer: one orphaned by an
// extension update, or one still loading. The newest copy replaces the old one, so no listener
// or observer runs twice.
const page = globalThis as { closerContentStop?: () => void };
page.closerContentStop?.();
stopAll = start();
page.closerContentStop = stopAll;
