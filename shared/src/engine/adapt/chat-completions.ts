// The OpenAI chat-completions protocol, as data: the request body and reading the answer. Each
// surface sends it with its own fetch (the CLI's Node, the extension's worker), so the core stays pure.
import type { ChatMessage } from './prompt.ts';

/** The URL to POST to: a base URL (…/v1) gets /chat/completions; a full one is kept. */
export function chatCompletionsUrl(endpoint: string): string {
  const base = endpoint.trim().replace(/\/+$/, '');
  if (/\/chat\/completions$/.test(base)) return base;
  return /\/v\d+$/.test(base) ? `${base}/chat/completions` : `${base}/v1/chat/completions`;
}

export function chatCompletionsBody(model: string, messages: readonly ChatMessage[]): Record<string, unknown> {
  // A low temperature: the reply is approved wording to keep close to, not something to invent.
  return { model, messages, temperature: 0.3, stream: false };
}

/** The text of an answer, or what is wrong with it in plain words. */
export function completionText(status: number, body: string): { text: string } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    if (status < 200 || status >= 300) return { error: `the endpoint answered HTTP ${status}` + (body.trim() ? `: ${body.trim().slice(0, 120)}` : '') };
    return { error: 'the endpoint did not answer in JSON (is it an OpenAI-compatible chat-completions endpoint?)' };
  }
  const record = data as { error?: { message?: unknown } | string; choices?: { message?: { content?: unknown } }[] } | null;
  const error = typeof record?.error === 'string' ? record.error : record?.error?.message;
  if (status < 200 || status >= 300 || error !== undefined) {
    return { error: `the endpoint answered HTTP ${status}${typeof error === 'string' ? `: ${error.slice(0, 200)}` : ''}` };
  }
  const content = record?.choices?.[0]?.message?.content;
  if (typeof content !== 'string') return { error: 'the endpoint answered without a message in choices[0].message.content' };
  return { text: content };
}
