import type { ChatMessage } from '@closer/shared';

// Chrome's built-in Prompt API (LanguageModel, Chrome 138+ in extensions). Its types are not in
// @types/chrome yet, so the few members used are declared here.
interface LanguageModelSession {
  prompt(text: string, options?: { signal?: AbortSignal }): Promise<string>;
  destroy(): void;
}
interface LanguageModelApi {
  availability(): Promise<'unavailable' | 'downloadable' | 'downloading' | 'available'>;
  create(options: { initialPrompts?: { role: 'system' | 'user' | 'assistant'; content: string }[]; signal?: AbortSignal }): Promise<LanguageModelSession>;
}

function api(): LanguageModelApi | undefined {
  return (globalThis as { LanguageModel?: LanguageModelApi }).LanguageModel;
}

/** Whether the browser's own model can be used now, and if not, why in plain words. */
export async function builtInAvailability(): Promise<{ available: boolean; reason: string }> {
  const model = api();
  if (!model) return { available: false, reason: "this browser has no built-in model (Chrome's Prompt API, LanguageModel, is in Chrome 138 or later on desktop)" };
  try {
    const state = await model.availability();
    if (state === 'available') return { available: true, reason: "the browser's built-in model is ready" };
    if (state === 'downloadable' || state === 'downloading') return { available: false, reason: `the browser's built-in model is not downloaded yet (${state}); Chrome downloads it on first use` };
    return { available: false, reason: "the browser says its built-in model is unavailable on this device (it needs enough disk space, memory and a supported GPU or CPU)" };
  } catch (error) {
    return { available: false, reason: `the browser's built-in model could not be checked (${(error as Error).message})` };
  }
}

export async function askBuiltIn(messages: ChatMessage[], timeoutMs: number): Promise<{ text: string } | { error: string }> {
  const model = api();
  if (!model) return { error: (await builtInAvailability()).reason };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let session: LanguageModelSession | undefined;
  try {
    const system = messages.filter((m) => m.role === 'system').map((m) => ({ role: 'system' as const, content: m.content }));
    session = await model.create({ initialPrompts: system, signal: controller.signal });
    const text = await session.prompt(messages.filter((m) => m.role !== 'system').map((m) => m.content).join('\n\n'), { signal: controller.signal });
    return { text };
  } catch (error) {
    if (controller.signal.aborted) return { error: `the model did not answer within ${Math.round(timeoutMs / 100) / 10} s` };
    return { error: `the browser's built-in model failed (${(error as Error).message})` };
  } finally {
    clearTimeout(timer);
    session?.destroy();
  }
}
