import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, open, positionOf, waitFor } from './helpers.ts';

describe('preview', () => {
  it('shows the playbook as the salesperson sees it and follows the author’s typing', async () => {
    const { preview } = await api();
    const editor = await open('authoring.playbook.yaml');
    const document = editor.document;
    await vscode.commands.executeCommand('closer.showPreview');
    const model = await waitFor('the preview of authoring', () => (preview.lastModel?.title === '茶叶店' ? preview.lastModel : undefined));
    assert.deepStrictEqual(model.objections.map((objection) => objection.id), ['tea-price', 'tea-doubt']);
    const value = model.objections[0]!.replies[0]!;
    assert.strictEqual(value.text, '明前龙井 comes in 250 g tins that last a month.', 'variables are filled with their defaults');
    assert.strictEqual(document.lineAt(value.line - 1).text.trim(), '- id: tea-value');
    assert.deepStrictEqual(model.steps.map((step) => step.id), ['icebreak', 'consider']);
    assert.deepStrictEqual(model.steps[1]!.replies.map((reply) => reply.id), ['tea-value'], 'a step shows the replies it uses');
    assert.match(model.stories[0]!.text, /A tin of 明前龙井 on his desk/);

    const label = positionOf(document, 'label: Value first', 'label: '.length);
    await editor.edit((edit) => edit.replace(new vscode.Range(label, label.translate(0, 'Value first'.length)), 'Worth every cent'));
    await waitFor('the preview to follow the edit', () => (preview.lastModel?.objections[0]?.replies[0]?.label === 'Worth every cent' ? true : undefined));
    await vscode.commands.executeCommand('undo');
    await waitFor('the preview to follow the undo', () => (preview.lastModel?.objections[0]?.replies[0]?.label === 'Value first' ? true : undefined));
    await document.save();
  });
});
