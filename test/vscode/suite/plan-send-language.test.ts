// A follow-up's send per language ({zh-CN: …, en: …}) in the real extension host: each language's
// key completes with the workspace's replies and stories, a value's hover shows the text it sends,
// the rule's hover names each language's text, and go-to-definition reaches each reply.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, open, positionOf, waitFor, writeFile } from './helpers.ts';

const PLAN = `id: ps-plan
title: Plan by language
replies:
  - id: ps-care-zh
    label: 问感受
    text: 用了一天，感觉怎么样？
  - id: ps-care-en
    label: Care in English
    lang: en
    text: How has the first day been?
stories:
  - id: ps-story
    title: A reader's story
    background: A busy reader
    problem: No time to read
    solution: Ten pages a day
    feeling: { before: Guilty, after: Calm }
followups:
  rules:
    - id: ps-care-day1
      label: Ask after the sale
      when: won
      after: { days: 1 }
      send:
        zh-CN: ps-care-zh
        en: ps-care-en
    - id: ps-half
      label: Half written
      when: won
      after: { days: 2 }
      send:
        zh-CN: 
`;

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : '')).join('\n').replaceAll('&nbsp;', ' ').replaceAll('\\', '');
}

describe('a follow-up send per language: completion, hover and definition', () => {
  let plan: vscode.Uri;
  let document: vscode.TextDocument;
  before(async () => {
    const closer = await api();
    plan = await writeFile('plan-send-language.playbook.yaml', PLAN);
    await waitFor('the plan playbook in the workspace', () => closer.workspace.parsed().some((file) => file.file.endsWith('plan-send-language.playbook.yaml')) || undefined);
    document = (await open('plan-send-language.playbook.yaml')).document;
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(plan);
  });

  it('offers replies and stories after a language key of send', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', plan, positionOf(document, '        zh-CN: \n', 15));
    const names = list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Text).map(labelOf);
    for (const id of ['ps-care-zh', 'ps-care-en', 'ps-story']) assert.ok(names.includes(id), `${id} in ${names.join(', ')}`);
  });

  it('shows the text a language sends on hover, and both in the rule\'s hover', async () => {
    assert.match(await hoverText(plan, positionOf(document, 'en: ps-care-en', 6)), /How has the first day been\?/);
    const rule = await hoverText(plan, positionOf(document, '- id: ps-care-day1', 8));
    assert.match(rule, /zh-CN: Sends: 问感受/);
    assert.match(rule, /用了一天，感觉怎么样？/);
    assert.match(rule, /en: Sends: Care in English/);
  });

  it('goes from each language\'s id to the reply', async () => {
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', plan, positionOf(document, 'en: ps-care-en', 6));
    const first = found[0]!;
    const line = 'range' in first ? first.range.start.line : first.targetRange.start.line;
    assert.strictEqual(line, positionOf(document, '- id: ps-care-en').line);
  });
});
