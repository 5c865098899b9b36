import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, closerDiagnostics, positionOf, waitFor, writeFile } from './helpers.ts';

// A drill being written: completion offers the golden steps for a turn's step, hover names the
// step and shows how the engine reads a customer line (and warns when it reads another intent),
// and a drill without turns is a diagnostic on its line.
const DRILLS = `id: scratch-drills
title: Scratch drills
drills:
  - id: scratch-parent
    title: The careful parent
    turns:
      - step: consider
        intent: price
        customer: That is too expensive for me
      - step: resolve_doubt
        intent: doubt
        customer:
          zh-CN: 好的，怎么下单
          en: OK how do I order
  - id: scratch-empty
    title: Nobody
    turns: []
`;

function text(contents: (vscode.MarkdownString | vscode.MarkedString)[]): string {
  return contents.map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : '')).join('\n').replaceAll('&nbsp;', ' ');
}

describe('drills in the editor', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;
  before(async () => {
    await api();
    uri = await writeFile('scratch-drills.playbook.yaml', DRILLS);
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
  });
  after(async () => {
    await vscode.workspace.fs.delete(uri);
  });

  it('completes a turn’s step with the golden model’s steps, in order, with their goals', async () => {
    const position = positionOf(document, '      - step: resolve_doubt', '      - step: '.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
    const steps = list.items.filter((item) => item.kind === vscode.CompletionItemKind.EnumMember).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepStrictEqual(steps.map((item) => (typeof item.label === 'string' ? item.label : item.label.label)), ['icebreak', 'introduce', 'consider', 'ask_close', 'resolve_doubt', 'push_close']);
    const doc = steps[3]!.documentation;
    // MarkdownString.appendText keeps spaces as &nbsp;.
    assert.match((typeof doc === 'string' ? doc : (doc?.value ?? '')).replaceAll('&nbsp;', ' '), /ask them to buy now/);
  });

  it('hovers a step with its name and goal', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(document, 'step: consider', 8));
    assert.match(text(hovers.flatMap((hover) => hover.contents)), /Weighing time or money · 考虑时间或金钱/);
  });

  it('hovers a customer line with the engine’s reading, and warns when the turn says another intent', async () => {
    const price = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(document, 'That is too expensive', 4));
    const priceText = text(price.flatMap((hover) => hover.contents));
    assert.match(priceText, /"price"/, priceText);
    assert.doesNotMatch(priceText, /drill turn/);
    const order = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(document, 'OK how do I order', 3));
    const orderText = text(order.flatMap((hover) => hover.contents));
    assert.match(orderText, /this drill turn is "doubt".*"buy\\?_signal"/s, orderText);
  });

  it('marks a drill without turns on its line', async () => {
    const diagnostics = await waitFor('the empty-drill diagnostic', () => {
      const found = closerDiagnostics(uri).filter((diagnostic) => diagnostic.code === 'empty-drill' || /has no turns/.test(diagnostic.message));
      return found.length > 0 ? found : undefined;
    });
    assert.strictEqual(diagnostics[0]!.range.start.line, 16);
  });
});
