import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { lintPlaybooks, parsePlaybook } from '@closer/shared';
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

  it('offers a list item\'s snippet only where an item of that list belongs', async () => {
    const file = 'scratch-snippet-where.playbook.yaml';
    const text = [
      'id: where', 'title: W', 'objections:', '  - id: o', '    intent: price', '    title: T', '    principle: P',
      '    triggers: { keywords: [w] }', '    replies:', '      - id: r', '        label: L', '        text: x', '      - ',
      '  ', 'stories:', '  ', 'sequences:', '  - id: s', '    title: S', '    steps:', '      - ', '',
    ].join('\n');
    const where = await writeFile(file, text);
    try {
      const snippetsAt = async (line: number, column: number) =>
        (await complete(where, new vscode.Position(line, column))).filter((item) => item.kind === vscode.CompletionItemKind.Snippet).map(labelOf).sort();
      assert.deepStrictEqual(await snippetsAt(12, 8), ['reply'], 'a "- " typed in a reply list');
      assert.deepStrictEqual(await snippetsAt(13, 2), ['objection'], 'a new line under the objections');
      assert.deepStrictEqual(await snippetsAt(15, 2), ['story'], 'a new line under "stories:"');
      assert.deepStrictEqual(await snippetsAt(20, 8), ['step'], 'a "- " typed in the steps');
      assert.deepStrictEqual(await snippetsAt(6, 4), [], 'a key of an objection is not a place for a new item');
      assert.deepStrictEqual(await snippetsAt(21, 0), [], 'the top of a playbook that has keys');
    } finally {
      await vscode.workspace.fs.delete(where);
    }
  });

  it('offers the playbook skeleton, not an objection, at the top of an empty file, and it lints clean', async () => {
    const file = 'scratch-empty.playbook.yaml';
    const emptyUri = await writeFile(file, '');
    try {
      const editor = await open(file);
      const snippets = (await complete(emptyUri, new vscode.Position(0, 0))).filter((item) => item.kind === vscode.CompletionItemKind.Snippet);
      assert.deepStrictEqual(snippets.map(labelOf), ['playbook']);
      assert.ok(await editor.insertSnippet(snippets[0]!.insertText as vscode.SnippetString, snippets[0]!.range as vscode.Range));
      // The reply's text is the one stop left empty (see snippets.ts): the author writes it.
      for (let stop = 1; stop < 11; stop++) await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      for (const character of 'Welcome') await vscode.commands.executeCommand('type', { text: character });
      const parsed = parsePlaybook(editor.document.getText(), file);
      assert.ok(parsed.playbook, `the skeleton is not a valid playbook:\n${editor.document.getText()}`);
      assert.deepStrictEqual(lintPlaybooks([parsed]), []);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(emptyUri);
    }
  });

  it('keeps a reply typed over the snippet\'s text placeholder as typed, {{variable}} and all', async () => {
    const file = 'scratch-snippet-typed.playbook.yaml';
    const typedUri = await writeFile(file, 'id: typed\ntitle: Typed\nvariables:\n  price:\n    label: Price\nobjections:\n  \n');
    try {
      const editor = await open(file);
      const objection = find(await complete(typedUri, new vscode.Position(6, 2)), 'objection');
      assert.ok(await editor.insertSnippet(objection.insertText as vscode.SnippetString, objection.range as vscode.Range));
      // Tab to the reply's text, the ninth placeholder, and type as an author does, key by key.
      for (let stop = 1; stop < 9; stop++) await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      // Nothing is selected at the text's stop, so nothing typed there is wrapped.
      assert.ok(editor.selection.isEmpty);
      assert.strictEqual(editor.document.lineAt(editor.selection.active.line).text.trim(), 'text: ""');
      for (const character of '{{price}}，今天下单送礼') await vscode.commands.executeCommand('type', { text: character });
      const parsed = parsePlaybook(editor.document.getText(), file);
      assert.deepStrictEqual(parsed.diagnostics, [], editor.document.getText());
      assert.strictEqual(parsed.playbook?.objections?.[0]?.replies[0]?.text, '{{price}}，今天下单送礼', editor.document.getText());
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(typedUri);
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
      for (let stop = 1; stop < 9; stop++) await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      for (const character of 'Hello') await vscode.commands.executeCommand('type', { text: character });
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

// A clean playbook, then the same with a YAML error on a line away from the cursor.
const CLEAN = `id: broken
title: Broken
variables:
  price:
    label: Price
    default: "399"
objections:
  - id: broken-objection
    intent: price
    title: T
    principle: P
    triggers: { keywords: [broken-word] }
    replies:
      - id: broken-first
        label: First
        text: "It is {{pr"
      - id: broken-second
        label: Second
        text: Worth it
sequences:
  - id: broken-sequence
    title: S
    steps:
      - id: broken-one
        title: One
        goal: Open
        next: 
        replies:
          - uses: 
      - id: broken-two
        title: Two
        goal: Close the sale
`;

const BREAKS: [string, (text: string) => string][] = [
  // The lenient reading hangs everything after the tab under "title".
  ['a tab on the objection\'s title line', (text) => text.replace('    title: T\n', '\ttitle: T\n')],
  // The quote swallows the rest of the file.
  ['an unclosed quote in a reply', (text) => text.replace('text: Worth it', 'text: "Worth it')],
  ['a key without its colon', (text) => text.replace('    principle: P', '    principle P')],
];

describe('completion while the YAML is broken on another line', () => {
  const file = 'scratch-broken-completion.playbook.yaml';
  let uri: vscode.Uri;
  let editor: vscode.TextEditor;
  before(async () => {
    await api();
    uri = await writeFile(file, CLEAN);
    editor = await open(file);
    // The clean text is read once, as the author's earlier keystrokes would have.
    await complete(uri, positionOf(editor.document, 'next: ', 6));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });

  async function breakWith(edit: (text: string) => string): Promise<void> {
    const text = edit(CLEAN);
    assert.strictEqual(parsePlaybook(text, file).data, undefined, 'the edit must leave the YAML broken');
    const whole = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
    assert.ok(await editor.edit((builder) => builder.replace(whole, text)));
  }

  for (const [kind, edit] of BREAKS) {
    it(`offers step ids, reply ids and variables with ${kind}`, async () => {
      await breakWith(edit);
      const document = editor.document;
      const steps = await complete(uri, positionOf(document, 'next: ', 6));
      assert.match(docOf(find(steps, 'broken-two')), /Close the sale/);
      find(steps, 'broken-one');
      const replies = await complete(uri, positionOf(document, 'uses: ', 6));
      find(replies, 'broken-first');
      find(replies, 'broken-second');
      // Replies of the workspace's other playbooks are still offered beside this file's.
      assert.ok(replies.filter((item) => item.kind === vscode.CompletionItemKind.Reference).length > 2);
      const variables = await complete(uri, positionOf(document, '{{pr', 4));
      assert.match(docOf(find(variables, 'price')), /399/);
    });
  }

  it('offers a step added after the break, read leniently from the rest of the file', async () => {
    const broken = BREAKS[2]![1](CLEAN) + '      - id: broken-three\n        title: Three\n        goal: Added while broken\n';
    await breakWith(() => broken);
    const steps = await complete(uri, positionOf(editor.document, 'next: ', 6));
    assert.match(docOf(find(steps, 'broken-three')), /Added while broken/);
    find(steps, 'broken-two');
  });
});
