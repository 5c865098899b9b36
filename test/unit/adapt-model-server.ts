// A stand-in for a model: a local HTTP server on 127.0.0.1 that speaks the OpenAI
// chat-completions protocol and answers with scripted completions. No model runs and nothing
// leaves the machine; the real protocol and the real client are what the tests exercise.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Scripted {
  /** The completion text the "model" answers with. */
  text?: string;
  /** Answer with this raw body instead (malformed JSON, an error object). */
  raw?: string;
  status?: number;
  /** Wait this long before answering (a stalled model). */
  delayMs?: number;
}

export interface StandInModel {
  url: string;
  /** The bodies of the requests received, parsed. */
  requests: { model: string; messages: { role: string; content: string }[] }[];
  headers: IncomingMessage['headers'][];
  /** What the next requests get, in order; the last one repeats. */
  script(...answers: Scripted[]): void;
  close(): Promise<void>;
}

export async function startStandInModel(): Promise<StandInModel> {
  let answers: Scripted[] = [{ text: '' }];
  const requests: StandInModel['requests'] = [];
  const headers: StandInModel['headers'] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (request.method === 'OPTIONS') {
        response.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'POST' });
        return void response.end();
      }
      try {
        requests.push(JSON.parse(body));
      } catch {
        requests.push({ model: '', messages: [] });
      }
      headers.push(request.headers);
      const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
      const send = () => {
        if (response.destroyed) return;
        response.writeHead(answer.status ?? 200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
        response.end(answer.raw ?? JSON.stringify({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: answer.text ?? '' }, finish_reason: 'stop' }] }));
      };
      if (answer.delayMs) {
        const timer = setTimeout(() => (timers.delete(timer), send()), answer.delayMs);
        timers.add(timer);
      } else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    headers,
    script: (...next) => void (answers = next),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
