import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { TryResult } from '../../../extension-vscode/src/preview/preview-model.ts';
import { api, open } from './helpers.ts';

describe('try a customer message', () => {
  it('shows the intent, its evidence, the step and the replies with scores and lines', async () => {
    const { preview } = await api();
    const { document } = await open('authoring.playbook.yaml');
    const result = await vscode.commands.executeCommand<TryResult>('closer.tryMessage', 'hmm, the tea is too pricey for me');
    assert.strictEqual(result.intent, 'price');
    const evidence = result.intents[0]!;
    assert.strictEqual(evidence.intent, 'price');
    assert.strictEqual(evidence.keyword, 'too pricey');
    assert.strictEqual(evidence.objection, 'tea-price');
    assert.ok(result.replies.length > 0);
    const first = result.replies[0]!;
    assert.strictEqual(first.id, 'tea-value');
    assert.ok(first.score > 0 && first.score <= 1, `score ${first.score}`);
    assert.match(first.text, /明前龙井 comes in 250 g tins/);
    assert.strictEqual(first.file, 'authoring.playbook.yaml');
    assert.strictEqual(document.lineAt(first.line - 1).text.trim(), '- id: tea-value');
    for (let i = 1; i < result.replies.length; i++) assert.ok(result.replies[i - 1]!.score >= result.replies[i]!.score, 'replies are ranked by score');
    assert.strictEqual(result.step, 'consider');
    assert.ok(preview.isOpen, 'the result is shown in the preview');
  });

  it('learns from the core’s base corpus too, and gives the method’s principle for an intent the playbooks lack', async () => {
    const result = await vscode.commands.executeCommand<TryResult>('closer.tryMessage', '怎么付款啊，发个链接给我');
    assert.strictEqual(result.intent, 'buy_signal');
    assert.strictEqual(result.intents[0]!.source, 'base');
    assert.strictEqual(result.uncovered?.intent, 'buy_signal');
    assert.match(result.uncovered!.principle, /成交/);
    assert.strictEqual(result.step, 'ask_close');
  });

  it('recognises doubt from a trigger example', async () => {
    const result = await vscode.commands.executeCommand<TryResult>('closer.tryMessage', 'is this tea genuine or fake?');
    assert.strictEqual(result.intent, 'doubt');
    assert.strictEqual(result.replies[0]?.id, 'tea-proof');
  });
});
