import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, open, positionOf, waitFor, writeFile } from './helpers.ts';

const FILE = 'scratch-defaults.playbook.yaml';
const TEXT = `id: defaults
title: Defaults
variables:
  price:
    label: { zh-CN: 价格, en: Price }
    default: { zh-CN: 每月399元, en: 399 a month }
  gift:
    label: 赠品
    default: { zh-CN: 茶具一套 }
replies:
  - id: defaults-zh
    label: 中文
    text: 只要{{price}}，再送{{gift}}
  - id: defaults-en
    label: English
    text: Only {{price}}, plus {{gift}}
`;

function contentText(contents: readonly (vscode.MarkdownString | vscode.MarkedString)[] | vscode.MarkdownString | string | undefined): string {
  const list = contents === undefined ? [] : Array.isArray(contents) ? contents : [contents];
  return list.map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : '')).join('\n').replaceAll('&nbsp;', ' ');
}

describe('variable defaults per language', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;
  before(async () => {
    await api();
    uri = await writeFile(FILE, TEXT);
    document = (await open(FILE)).document;
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
  });

  it('hover shows the default of each language', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(document, 'Only {{price}}', 7));
    const text = contentText(hovers.flatMap((hover) => hover.contents));
    assert.match(text, /Default in zh-CN replies: 每月399元/);
    assert.match(text, /Default in en replies: 399 a month/);
  });

  it('completion inside {{ shows the default of each language', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, positionOf(document, '再送{{gift', 4));
    const price = list.items.find((item) => item.label === 'price' && item.kind === vscode.CompletionItemKind.Variable);
    assert.ok(price, 'price is offered');
    const doc = contentText(price.documentation as vscode.MarkdownString);
    assert.match(doc, /Default in zh-CN replies: 每月399元/);
    assert.match(doc, /Default in en replies: 399 a month/);
    const gift = list.items.find((item) => item.label === 'gift' && item.kind === vscode.CompletionItemKind.Variable);
    assert.ok(gift, 'gift is offered');
    assert.doesNotMatch(contentText(gift.documentation as vscode.MarkdownString), /en replies/);
  });

  it('the preview fills each reply with its own language\'s default, and an English reply never with Chinese', async () => {
    const { preview } = await api();
    await vscode.commands.executeCommand('closer.showPreview');
    const model = await waitFor('the preview of the defaults playbook', () => (preview.lastModel?.file === FILE ? preview.lastModel : undefined));
    const [zh, en] = model.replies;
    assert.deepStrictEqual([zh?.text, zh?.missing], ['只要每月399元，再送茶具一套', []]);
    assert.deepStrictEqual([en?.text, en?.missing], ['Only 399 a month, plus ', ['gift']]);
  });
});
