// Runs inside the preview webview. Draws what the extension computed; every playbook text goes
// through textContent (via `el`), never innerHTML, so an author's words can never become markup.
import type { PreviewModel, PreviewSection, ToWebview, TryResult } from '../preview-model.ts';
import { el, format } from '../../webview/dom.ts';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const vscode = acquireVsCodeApi();
let labels: Record<string, string> = {};


function lineLink(file: string, line: number, text: string): HTMLElement {
  const link = el('a', 'line-link', text);
  link.setAttribute('href', '#');
  link.title = `${file}:${line}`;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    vscode.postMessage({ type: 'reveal', file, line });
  });
  return link;
}

function section(file: string, item: PreviewSection): HTMLElement {
  const card = el('article', 'card');
  if (item.title) card.append(el('header', undefined, undefined, lineLink(file, item.line, item.title), el('span', 'tag', item.tag)));
  if (item.note) card.append(el('p', 'note', item.note));
  for (const reply of item.replies) {
    const box = el('div', 'reply', undefined, el('div', 'label', undefined, lineLink(file, reply.line, reply.label)), el('div', 'text', reply.text));
    if (reply.missing.length > 0) box.append(el('div', 'missing', format(labels.missing, reply.missing.join(', '))));
    card.append(box);
  }
  return card;
}

function drawPlaybook(model: PreviewModel): void {
  const root = document.getElementById('playbook')!;
  root.replaceChildren(el('h1', undefined, model.title), el('p', model.problems.errors > 0 ? 'problems errors' : 'problems', format(labels.problems, model.problems.errors, model.problems.warnings)));
  if (model.unreadable) {
    root.append(el('p', 'unreadable', format(labels.unreadable, model.unreadable)));
    return;
  }
  if (model.objections.length > 0) root.append(el('h2', undefined, labels.objections), ...model.objections.map((item) => section(model.file, item)));
  if (model.steps.length > 0) root.append(el('h2', undefined, labels.steps), ...model.steps.map((item) => section(model.file, item)));
  if (model.replies.length > 0) {
    root.append(el('h2', undefined, labels.otherReplies), section(model.file, { id: '', title: '', tag: '', note: '', line: 1, replies: model.replies }));
  }
  if (model.stories.length > 0) {
    root.append(
      el('h2', undefined, labels.stories),
      ...model.stories.map((story) => el('article', 'card', undefined, el('header', undefined, undefined, lineLink(model.file, story.line, story.title)), el('p', 'text', story.text))),
    );
  }
}

function drawPlayground(): void {
  const root = document.getElementById('playground')!;
  if (root.childElementCount > 0) return;
  const input = el('textarea', 'message') as HTMLTextAreaElement;
  input.rows = 2;
  input.placeholder = labels.tryPlaceholder ?? '';
  const button = el('button', undefined, labels.tryButton);
  const send = () => input.value.trim() && vscode.postMessage({ type: 'try', text: input.value });
  button.addEventListener('click', send);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      send();
    }
  });
  root.append(el('h2', undefined, labels.tryTitle), el('div', 'try', undefined, input, button), el('div', 'result'));
}

function drawResult(result: TryResult): void {
  drawPlayground();
  const root = document.querySelector('#playground .result')!;
  const evidence = result.intents.slice(0, 3).map((item) => {
    const example = item.example ? format(item.source === 'base' ? labels.baseExample : labels.example, item.example) : '';
    const why = item.keyword ? format(labels.keyword, item.keyword) : example;
    return el('li', undefined, `${item.intent} ${item.score.toFixed(2)}${why ? ' — ' + why : ''}`);
  });
  const replies = result.replies.map((reply) =>
    el('li', 'reply', undefined, el('span', 'score', reply.score.toFixed(2)), lineLink(reply.file, reply.line, reply.label), el('div', 'text', reply.text), el('div', 'why', reply.why)),
  );
  root.replaceChildren(
    el('p', 'quote', result.message),
    el('p', undefined, `${labels.intent}: `, el('strong', 'intent', result.intent)),
    el('p', undefined, `${labels.evidence}:`),
    el('ul', 'evidence', undefined, ...evidence),
    el('p', undefined, `${labels.step}: ${result.step ?? '—'}${result.nextStep ? ' → ' + result.nextStep : ''}${result.stepWhy ? ' — ' + result.stepWhy : ''}`),
    ...(result.uncovered ? [el('p', 'uncovered', format(labels.uncovered, result.uncovered.intent)), el('p', 'principle', result.uncovered.principle)] : []),
    el('h3', undefined, labels.replies),
    replies.length > 0 ? el('ol', 'replies', undefined, ...replies) : el('p', undefined, labels.noReplies),
  );
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message?.type === 'playbook') {
    labels = message.labels;
    drawPlaybook(message.model);
    drawPlayground();
  } else if (message?.type === 'result') {
    drawResult(message.result);
  }
});
vscode.postMessage({ type: 'ready' });
