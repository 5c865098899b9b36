import { ContentResultSchemas, type ContentRequest, type ContentResult } from '../protocol.ts';
import { EnvelopeSchema, ResultSchemas, type Request, type Result } from '../requests.ts';

// The panel uses the promise-based `chrome.*` of MV3 directly (Chromium and Firefox both have
// it); webextension-polyfill would add 9 KB to the panel's budget for no behaviour it needs here.
// The panel's two channels: requests to the background worker (storage, engine) and requests to
// the chat tab's content script (read, insert). Every answer is checked before it is used.

/** Asks the background worker; throws an Error with the worker's reason when it refuses. */
export async function ask<T extends Request['type']>(request: Extract<Request, { type: T }>): Promise<Result<T>> {
  const envelope = EnvelopeSchema.parse(await chrome.runtime.sendMessage(request));
  if (!envelope.ok) throw new Error(envelope.error);
  return ResultSchemas[request.type].parse(envelope.result) as Result<T>;
}

/** Asks the content script in the chat tab. */
export async function askTab<T extends ContentRequest['type']>(tabId: number, request: Extract<ContentRequest, { type: T }>): Promise<ContentResult<T>> {
  const answer: unknown = await chrome.tabs.sendMessage(tabId, request);
  return ContentResultSchemas[request.type].parse(answer) as ContentResult<T>;
}
