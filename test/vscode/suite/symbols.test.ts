import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, open } from './helpers.ts';

describe('document symbols', () => {
  it('outlines variables, objections with replies, the sequence with its steps, and stories', async () => {
    await api();
    const { document } = await open('authoring.playbook.yaml');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const names = symbols.map((symbol) => symbol.name);
    assert.deepStrictEqual(names, ['product', 'weight', 'tea-price', 'tea-doubt', 'golden', 'tea-story']);
    const price = symbols.find((symbol) => symbol.name === 'tea-price')!;
    assert.deepStrictEqual(price.children.map((child) => child.name), ['tea-value']);
    assert.strictEqual(price.detail, '嫌贵');
    assert.strictEqual(document.lineAt(price.selectionRange.start.line).text.trim(), '- id: tea-price');
    const golden = symbols.find((symbol) => symbol.name === 'golden')!;
    assert.deepStrictEqual(golden.children.map((child) => child.name), ['icebreak', 'consider']);
    assert.deepStrictEqual(golden.children[0]!.children.map((child) => child.name), ['tea-hello']);
  });
});
