import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, open, positionOf } from './helpers.ts';

async function definitionLine(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position);
  assert.strictEqual(found.length, 1, `expected one definition, got ${found.length}`);
  const location = found[0]!;
  const uri = 'targetUri' in location ? location.targetUri : location.uri;
  const range = 'targetRange' in location ? location.targetRange : location.range;
  const target = await vscode.workspace.openTextDocument(uri);
  return target.lineAt(range.start.line).text.trim();
}

describe('go to definition', () => {
  let document: vscode.TextDocument;
  before(async () => {
    await api();
    document = (await open('authoring.playbook.yaml')).document;
  });

  it('goes from {{variable}} to its declaration', async () => {
    assert.strictEqual(await definitionLine(document, positionOf(document, '{{weight}} g', 3)), 'weight:');
  });

  it('goes from a step’s "next" to that step', async () => {
    assert.strictEqual(await definitionLine(document, positionOf(document, 'next: consider', 7)), '- id: consider');
  });

  it('goes from "uses" to the reply it names', async () => {
    assert.strictEqual(await definitionLine(document, positionOf(document, 'uses: [tea-value]', 9)), '- id: tea-value');
  });

  it('goes from a story tag to its declaration', async () => {
    assert.strictEqual(await definitionLine(document, positionOf(document, 'tags: [green-tea]', 9)), 'green-tea:');
  });
});
