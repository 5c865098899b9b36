import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { parsePlaybook } from '@closer/shared';
import { api, fileUri, open, positionOf, writeFile } from './helpers.ts';

async function complete(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items;
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function docOf(item: vscode.CompletionItem): string {
  const text = typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? '');
  // MarkdownString.appendText keeps spaces as &nbsp;.
  return text.replaceAll('&nbsp;', ' ');
}

function find(items: vscode.CompletionItem[], label: string): vscode.CompletionItem {
  const item = items.find((candidate) => labelOf(candidate) === label && candidate.kind !== vscode.CompletionItemKind.Text);
  assert.ok(item, `no completion "${label}" among: ${items.map(labelOf).join(', ')}`);
  return item;
}

// Half-typed lines, as an author leaves them mid-word; the file is not valid YAML at these points.
const SCRATCH = `id: scratch
title: Scratch
variables:
  shop:
    label: Shop name
    default: Green Leaf
tags:
  oolong:
    label: Oolong
objections:
  - id: scratch-objection
    intent: 
    prin
    title: T
    triggers:
      keywords: [scratch-word]
    replies:
      - id: scratch-reply
        label: L
        text: "Welcome to {{sh"
sequences:
  - id: scratch-sequence
    title: S
    steps:
      - id: scratch-one
        title: One
        goal: Start the chat warmly
        next: scr
      - id: scratch-two
        title: Two
        goal: Close the sale
stories:
  - id: scratch-story
    tags: [oo]
`;

describe('completion', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;
  before(async () => {
    await api();
    uri = await writeFile('scratch-completion.playbook.yaml', SCRATCH);
    document = (await open('scratch-completion.playbook.yaml')).document;
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });

  it('offers the keys of an objection where a key belongs, with what each means', async () => {
    const items = await complete(uri, positionOf(document, '    prin', 8));
    const principle = find(items, 'principle');
    assert.match(docOf(principle), /Why the replies work/);
    for (const key of ['source']) find(items, key);
    assert.ok(!items.some((item) => labelOf(item) === 'steps'), 'steps is not a key of an objection');
    assert.ok(!items.some((item) => labelOf(item) === 'triggers' && item.kind === vscode.CompletionItemKind.Property), 'triggers is written already');
  });

  it('offers the intent ids after "intent:", each explained', async () => {
    const items = await complete(uri, positionOf(document, '    intent: ', 12));
    for (const intent of ['price', 'comparison', 'hesitation', 'doubt', 'buy_signal', 'other']) find(items, intent);
    assert.match(docOf(find(items, 'price')), /expensive|discount/);
  });

  it('offers declared variables inside {{ in reply text, with label and default', async () => {
    const items = await complete(uri, positionOf(document, '{{sh', 4));
    const shop = find(items, 'shop');
    assert.match(docOf(shop), /Shop name/);
    assert.match(docOf(shop), /Green Leaf/);
    assert.strictEqual(shop.insertText, 'shop}}');
  });

  it('offers the step ids after "next:", with each step’s goal', async () => {
    const items = await complete(uri, positionOf(document, 'next: scr', 9));
    const two = find(items, 'scratch-two');
    assert.match(docOf(two), /Close the sale/);
    find(items, 'scratch-one');
  });

  it('offers the declared story tags', async () => {
    const items = await complete(uri, positionOf(document, 'tags: [oo', 9));
    assert.match(docOf(find(items, 'oolong')), /Oolong/);
  });

  it('offers snippets for a new objection, reply, story and step', async () => {
    const items = await complete(uri, positionOf(document, '    prin', 8));
    for (const name of ['objection', 'reply', 'story', 'step']) {
      const snippet = find(items, name);
      assert.strictEqual(snippet.kind, vscode.CompletionItemKind.Snippet);
      assert.ok(snippet.insertText instanceof vscode.SnippetString && snippet.insertText.value.startsWith('- id: '));
    }
  });

  it('inserts a snippet that makes a valid playbook, and a list key nested under its parent', async () => {
    const file = 'scratch-snippet.playbook.yaml';
    const snippetUri = await writeFile(file, 'id: snip\ntitle: Snip\nobjections:\n  \n');
    try {
      const editor = await open(file);
      const items = await complete(snippetUri, new vscode.Position(3, 2));
      const objection = find(items, 'objection');
      assert.ok(await editor.insertSnippet(objection.insertText as vscode.SnippetString, objection.range as vscode.Range));
      const inserted = editor.document.getText();
      const parsed = parsePlaybook(inserted, file);
      assert.deepStrictEqual(parsed.diagnostics, []);
      assert.ok(parsed.playbook, `the snippet does not make a valid playbook:\n${inserted}\n${JSON.stringify(parsed.schemaIssues)}`);
      assert.strictEqual(parsed.playbook.objections?.[0]?.replies[0]?.id, 'new-objection-reply');

      // A key whose value is a list opens the list one level deeper.
      const end = editor.document.lineCount - 1;
      await editor.edit((edit) => edit.insert(new vscode.Position(end, 0), 'sequences:\n  - id: seq\n    title: S\n    '));
      const position = new vscode.Position(editor.document.lineCount - 1, 4);
      const steps = find(await complete(snippetUri, position), 'steps');
      assert.ok(await editor.insertSnippet(steps.insertText as vscode.SnippetString, position));
      assert.match(editor.document.getText(), /\n {4}steps:\n {6}- /);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(snippetUri);
    }
  });

  it('offers at the top of a playbook only the keys it does not have yet', async () => {
    const items = await complete(fileUri('authoring.playbook.yaml'), new vscode.Position(0, 0));
    find(items, 'guides');
    find(items, 'replies');
    assert.ok(!items.some((item) => labelOf(item) === 'objections' && item.kind === vscode.CompletionItemKind.Property), 'objections is written already');
  });
});
