import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, open, positionOf } from './helpers.ts';

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n')
    .replaceAll('&nbsp;', ' ');
}

describe('hover', () => {
  let document: vscode.TextDocument;
  before(async () => {
    await api();
    document = (await open('authoring.playbook.yaml')).document;
  });

  it('explains a variable: its label and default', async () => {
    const text = await hoverText(document.uri, positionOf(document, '"{{product}} comes', 4));
    assert.match(text, /产品/);
    assert.match(text, /明前龙井/);
  });

  it('explains what a key means', async () => {
    const text = await hoverText(document.uri, positionOf(document, '    principle: Value', 6));
    assert.match(text, /Why the replies work/);
  });

  it('shows the goal of the step a "next" points to', async () => {
    const text = await hoverText(document.uri, positionOf(document, 'next: consider', 8));
    assert.match(text, /time-limited offer/);
  });

  it('shows which intent the engine assigns a trigger example', async () => {
    const price = await hoverText(document.uri, positionOf(document, 'the tea costs too much money', 3));
    assert.match(price, /"price"/);
    const doubt = await hoverText(document.uri, positionOf(document, 'is this tea genuine or fake', 3));
    assert.match(doubt, /"doubt"/);
    assert.doesNotMatch(doubt, /misread/);
  });
});
