// The extension's OpenAI-compatible back-end against a local stand-in for a model
// (adapt-model-server.ts, 127.0.0.1, scripted completions): the worker's fetch code, run in Node.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { askOpenAiCompatible } from '../../extension-browser/src/background/models/openai-compatible.ts';
import { startStandInModel, type StandInModel } from './adapt-model-server.ts';

let model: StandInModel;
beforeAll(async () => {
  (globalThis as { chrome?: unknown }).chrome = { runtime: { id: 'abcdefghijklmnop' } };
  model = await startStandInModel();
});
afterAll(async () => model.close());
const messages = [{ role: 'user' as const, content: 'hi' }];

test('an answer is read from choices[0].message.content; the key is a bearer token', async () => {
  model.script({ text: '您好' });
  expect(await askOpenAiCompatible({ endpoint: model.url, model: 'm', key: 'k' }, messages, 2000)).toEqual({ text: '您好' });
  expect(model.headers.at(-1)!.authorization).toBe('Bearer k');
});

test('a 500, malformed JSON and a 403 from Ollama are plain reasons', async () => {
  model.script({ status: 500, raw: '{"error":{"message":"boom"}}' });
  expect(await askOpenAiCompatible({ endpoint: model.url, model: 'm' }, messages, 2000)).toEqual({ error: 'the endpoint answered HTTP 500: boom' });
  model.script({ raw: 'not json' });
  expect(await askOpenAiCompatible({ endpoint: model.url, model: 'm' }, messages, 2000)).toMatchObject({ error: expect.stringMatching(/did not answer in JSON/) });
  model.script({ status: 403, raw: '' });
  expect(await askOpenAiCompatible({ endpoint: model.url, model: 'm' }, messages, 2000)).toEqual({ error: 'the endpoint refused the extension (HTTP 403); for Ollama, start it with OLLAMA_ORIGINS=chrome-extension://abcdefghijklmnop' });
});

test('a stalled model is cut off at the time-out (short here; 8 s by default in Settings)', async () => {
  model.script({ text: 'late', delayMs: 30_000 });
  const started = Date.now();
  expect(await askOpenAiCompatible({ endpoint: model.url, model: 'm' }, messages, 300)).toEqual({ error: 'the model did not answer within 0.3 s' });
  expect(Date.now() - started).toBeLessThan(3000);
});

test('a dead endpoint is a plain reason', async () => {
  expect(await askOpenAiCompatible({ endpoint: 'http://127.0.0.1:9/v1', model: 'm' }, messages, 2000)).toMatchObject({ error: expect.stringMatching(/^cannot reach http:\/\/127\.0\.0\.1:9\/v1\/chat\/completions/) });
});
