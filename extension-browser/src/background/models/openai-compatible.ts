import { chatCompletionsBody, chatCompletionsUrl, completionText, type ChatMessage } from '@closer/shared';

export interface OpenAiCompatibleSettings {
  endpoint: string;
  model: string;
  key?: string;
}

/**
 * One chat-completions request with the worker's own fetch. Plain fetch against the documented
 * protocol rather than the openai package: one POST and one JSON answer is all that is needed, and
 * the package's Node-first transport and size buy nothing in an MV3 worker.
 */
export async function askOpenAiCompatible(settings: OpenAiCompatibleSettings, messages: ChatMessage[], timeoutMs: number): Promise<{ text: string } | { error: string }> {
  const url = chatCompletionsUrl(settings.endpoint);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(settings.key ? { authorization: `Bearer ${settings.key}` } : {}) },
      body: JSON.stringify(chatCompletionsBody(settings.model || 'default', messages)),
      signal: controller.signal,
      credentials: 'omit',
    });
    // Ollama refuses an extension's origin with 403 unless OLLAMA_ORIGINS allows it.
    if (response.status === 403) return { error: `the endpoint refused the extension (HTTP 403); for Ollama, start it with OLLAMA_ORIGINS=chrome-extension://${chrome.runtime.id}` };
    return completionText(response.status, await response.text());
  } catch {
    if (controller.signal.aborted) return { error: `the model did not answer within ${Math.round(timeoutMs / 100) / 10} s` };
    return { error: `cannot reach ${url} (is the server running, and does it accept requests from the extension?)` };
  } finally {
    clearTimeout(timer);
  }
}
