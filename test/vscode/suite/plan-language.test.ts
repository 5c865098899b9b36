// Completion and hover for the customer tag tree, the revisit plan and the product ladder, in the
// real extension host: ids are offered from every playbook of the workspace (a tree or a plan may
// span files), and a hover says what the id is.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, open, positionOf, waitFor, writeFile } from './helpers.ts';

const PLAN = `id: pl-plan
title: Plan
replies:
  - id: pl-care
    label: Care on day one
    text: How is it going on day one?
  - id: pl-offer-course
    label: Start with the course
    text: Start with the recorded course at your own pace.
stories:
  - id: pl-story
    title: A parent's story
    background: A busy parent
    problem: The child could not sit still
    solution: Ten minutes of play a day
    feeling: { before: Shouting every day, after: Playing together }
customerTags:
  - id: pl-source
    label: Source
  - id: pl-referral
    parent: pl-source
    label: Referral
  - id: pl-friend
    parent: pl-referral
    label: A friend's referral
    hint: Mention the friend first
    tier: entry
followups:
  rules:
    - id: pl-care-day1
      label: Ask how it feels, the day after the sale
      when: won
      after: { days: 1 }
      send: pl-care
ladder:
  rungs:
    - id: pl-rung-course
      label: Recorded course
      kind: recorded
      price: { min: 99, max: 299 }
      tier: entry
      reply: pl-offer-course
`;

// Half-typed values in another file, as an author leaves them before choosing.
const SCRATCH = `id: pl-scratch
title: Scratch
customerTags:
  - id: pl-new
    parent: 
    label: New
followups:
  rules:
    - id: pl-rule
      label: Rule
      when: 
      after: { days: 2 }
      send: 
ladder:
  rungs:
    - id: pl-rung
      label: Rung
      kind: 
      price: { min: 1, max: 2 }
      tier: 
      reply: 
`;

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const docOf = (item: vscode.CompletionItem) => (typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? '')).replaceAll('&nbsp;', ' ');

async function labels(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Text);
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : '')).join('\n').replaceAll('&nbsp;', ' ').replaceAll('\\', '');
}

describe('tag tree, revisit plan and ladder: completion and hover', () => {
  let plan: vscode.Uri;
  let scratch: vscode.Uri;
  let planDocument: vscode.TextDocument;
  let scratchDocument: vscode.TextDocument;
  before(async () => {
    const closer = await api();
    plan = await writeFile('plan-language.playbook.yaml', PLAN);
    scratch = await writeFile('plan-scratch.playbook.yaml', SCRATCH);
    // The workspace reads the new files from disk; wait until the plan's tags are known to it.
    await waitFor('the plan playbook in the workspace', () => closer.workspace.parsed().some((file) => file.file.endsWith('plan-language.playbook.yaml')) || undefined);
    planDocument = (await open('plan-language.playbook.yaml')).document;
    scratchDocument = (await open('plan-scratch.playbook.yaml')).document;
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(plan);
    await vscode.workspace.fs.delete(scratch);
  });

  it('offers a tag\'s parent from another file: categories and groups only, never a tag (a fourth level)', async () => {
    const items = await labels(scratch, positionOf(scratchDocument, '    parent: ', 12));
    const names = items.map(labelOf);
    assert.ok(names.includes('pl-source') && names.includes('pl-referral'), names.join(', '));
    assert.ok(!names.includes('pl-friend'), 'a level-3 tag is not offered as a parent');
    assert.match(docOf(items.find((item) => labelOf(item) === 'pl-referral')!), /Source → Referral/);
  });

  it('offers the triggers after "when:", replies and stories after "send:", and only replies after a rung\'s "reply:"', async () => {
    const when = (await labels(scratch, positionOf(scratchDocument, '      when: ', 12))).map(labelOf);
    for (const trigger of ['won', 'lost', 'hot_lead', 'meeting', 'idle']) assert.ok(when.includes(trigger), `${trigger} in ${when.join(', ')}`);
    const send = await labels(scratch, positionOf(scratchDocument, '      send: ', 12));
    assert.ok(send.some((item) => labelOf(item) === 'pl-care'), 'a reply can be sent');
    assert.ok(send.some((item) => labelOf(item) === 'pl-story'), 'a story can be sent');
    assert.match(docOf(send.find((item) => labelOf(item) === 'pl-care')!), /How is it going on day one\?/);
    const reply = (await labels(scratch, positionOf(scratchDocument, '      reply: ', 13))).map(labelOf);
    assert.ok(reply.includes('pl-offer-course'));
    assert.ok(!reply.includes('pl-story'), 'a rung is offered by a reply, not a story');
  });

  it('offers the rung kinds and the tiers, each explained', async () => {
    const kinds = (await labels(scratch, positionOf(scratchDocument, '      kind: ', 12))).map(labelOf);
    assert.deepStrictEqual(kinds, ['lead_magnet', 'recorded', 'live', 'camp', 'community', 'coaching', 'consulting']);
    const tiers = await labels(scratch, positionOf(scratchDocument, '      tier: ', 12));
    assert.deepStrictEqual(tiers.map(labelOf), ['entry', 'middle', 'top']);
    assert.match(docOf(tiers[0]!), /little to spend/);
  });

  it('offers the snippet of a follow-up rule, a rung or a tag where an item of that list belongs', async () => {
    const uri = await writeFile('plan-snippets.playbook.yaml', 'id: pl-snippets\ntitle: S\ncustomerTags:\n  - \nfollowups:\n  rules:\n    - \nladder:\n  rungs:\n    - \n');
    try {
      const snippetsAt = async (line: number, column: number) =>
        (await labels(uri, new vscode.Position(line, column))).filter((item) => item.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
      assert.deepStrictEqual(await snippetsAt(3, 4), ['customer tag']);
      assert.deepStrictEqual(await snippetsAt(6, 6), ['follow-up rule']);
      assert.deepStrictEqual(await snippetsAt(9, 6), ['ladder rung']);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('shows a tag\'s path, label, hint and tier on hover', async () => {
    const text = await hoverText(plan, positionOf(planDocument, '- id: pl-friend', 8));
    assert.match(text, /A friend's referral/);
    assert.match(text, /tag: Source → Referral → A friend's referral/);
    assert.match(text, /Mention the friend first/);
    assert.match(text, /entry: little to spend/);
  });

  it('shows a follow-up rule: when it is due and the text it sends', async () => {
    const text = await hoverText(plan, positionOf(planDocument, '- id: pl-care-day1', 8));
    assert.match(text, /Ask how it feels, the day after the sale/);
    assert.match(text, /Due 1 day\(s\) — After a won case/);
    assert.match(text, /How is it going on day one\?/);
  });

  it('goes from a follow-up\'s send, a rung\'s reply and a tag\'s parent to where each is defined', async () => {
    const targetLine = async (needle: string, offset: number) => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', plan, positionOf(planDocument, needle, offset));
      const first = found[0]!;
      return 'range' in first ? first.range.start.line : first.targetRange.start.line;
    };
    const lineOf = (needle: string) => positionOf(planDocument, needle).line;
    assert.strictEqual(await targetLine('send: pl-care', 8), lineOf('- id: pl-care\n'));
    assert.strictEqual(await targetLine('reply: pl-offer-course', 9), lineOf('- id: pl-offer-course'));
    assert.strictEqual(await targetLine('parent: pl-referral', 10), lineOf('- id: pl-referral'));
  });

  it('outlines the tag tree nested category → group → tag, then the follow-up rules and the rungs', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', plan);
    const names = symbols.map((symbol) => symbol.name);
    assert.deepStrictEqual(names.slice(-3), ['pl-source', 'pl-care-day1', 'pl-rung-course']);
    const source = symbols.find((symbol) => symbol.name === 'pl-source')!;
    assert.deepStrictEqual(source.children.map((child) => child.name), ['pl-referral']);
    assert.deepStrictEqual(source.children[0]!.children.map((child) => child.name), ['pl-friend']);
    assert.strictEqual(source.children[0]!.children[0]!.detail, "A friend's referral");
  });

  it('shows a rung: its kind, price band, tier and the reply that offers it', async () => {
    const text = await hoverText(plan, positionOf(planDocument, '- id: pl-rung-course', 8));
    assert.match(text, /Recorded course/);
    assert.match(text, /Price: 99 to 299/);
    assert.match(text, /tier entry: little to spend/);
    assert.match(text, /Start with the recorded course at your own pace\./);
  });
});
