import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, closerDiagnostics, fileUri, open, waitFor, writeFile } from './helpers.ts';

async function fixFor(document: vscode.TextDocument, wrong: string, title: string): Promise<vscode.CodeAction> {
  // Wait for a lint of the text as it is now: earlier fixes moved the lines.
  const diagnostic = await waitFor(`a diagnostic on ${wrong}`, () => closerDiagnostics(document.uri).find((d) => d.message.includes(wrong) && document.getText(d.range) === wrong));
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action?.edit, `no quick fix "${title}" among: ${actions.map((a) => a.title).join(', ')}`);
  return action;
}

describe('quick fixes', () => {
  let document: vscode.TextDocument;
  before(async () => {
    await api();
    document = (await open('fixes.playbook.yaml')).document;
  });
  after(async () => {
    await document.save();
  });

  it('corrects a near-miss variable name', async () => {
    const action = await fixFor(document, '{{cty}}', 'Change to {{city}}');
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    assert.match(document.getText(), /We ship from \{\{city\}\} today/);
  });

  it('declares a missing variable under "variables"', async () => {
    const action = await fixFor(document, '{{season}}', 'Declare variable {{season}}');
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    assert.match(document.getText(), /variables:\n {2}season:\n {4}label: season\n {2}city:/);
  });

  it('corrects transposed letters in a variable name', async () => {
    const swapped = await writeFile('scratch-transposed.playbook.yaml', 'id: swapped\ntitle: Swapped\nvariables:\n  price:\n    label: Price\nreplies:\n  - id: swapped-reply\n    label: L\n    text: "Only {{prcie}} today"\n');
    try {
      const other = await vscode.workspace.openTextDocument(swapped);
      const action = await fixFor(other, '{{prcie}}', 'Change to {{price}}');
      assert.ok(await vscode.workspace.applyEdit(action.edit!));
      assert.match(other.getText(), /Only \{\{price\}\} today/);
    } finally {
      // Saved first: a deleted file whose document still holds unsaved edits stays in the
      // workspace on purpose (the author may save it), and would linger for the suites after.
      await (await vscode.workspace.openTextDocument(swapped)).save();
      await vscode.workspace.fs.delete(swapped);
    }
  });

  it('corrects a near-miss step id', async () => {
    const action = await fixFor(document, 'fix-secnd', 'Change to fix-second');
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    assert.match(document.getText(), /next: fix-second\n/);
  });

  it('corrects a near-miss key, with the edit on the key alone', async () => {
    const other = await vscode.workspace.openTextDocument(fileUri('unknown-key.playbook.yaml'));
    const action = await fixFor(other, 'variabels', 'Change to variables');
    const edits = action.edit!.get(other.uri);
    assert.strictEqual(edits.length, 1);
    assert.strictEqual(edits[0]!.newText, 'variables');
    assert.strictEqual(other.getText(edits[0]!.range), 'variabels');
  });

  it('leaves the playbook without problems', async () => {
    await waitFor('the fixed playbook to lint clean', () => (closerDiagnostics(document.uri).length === 0 ? true : undefined));
  });
});
