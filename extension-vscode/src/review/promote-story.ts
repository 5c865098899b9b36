// Promote to story: a won case becomes a draft story in a playbook the author picks, written
// through a WorkspaceEdit (so it can be undone) and saved, with the cursor on the new story.
import * as vscode from 'vscode';
import { insertStory, parsePlaybook, playbookLanguage, repliesOf, storyDraftOf, type Case, type Language, type ParsedPlaybook } from '@closer/shared';

export interface PromotedStory {
  uri: vscode.Uri;
  /** 1-based line of the story's `- id:` line. */
  line: number;
  id: string;
}

/** Write a draft story for `record` into `target` (a playbook file); throws with a message the author can act on. */
export async function promoteToStory(record: Case, target: vscode.Uri, parsed: readonly ParsedPlaybook[]): Promise<PromotedStory> {
  const document = await vscode.workspace.openTextDocument(target);
  const before = document.getText();
  // The story joins the playbook's other text, so it takes the playbook's language; the editor's
  // display language only when the playbook says nothing (an empty file).
  const display: Language = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  const language = playbookLanguage(parsePlaybook(before, vscode.workspace.asRelativePath(target)).data) ?? display;
  const story = storyDraftOf(record, { language, replyLabels: replyLabelsOf(parsed) });
  const inserted = insertStory(before, story);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(target, new vscode.Range(document.positionAt(0), document.positionAt(before.length)), inserted.text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('the playbook could not be edited'));
  await document.save();
  // Beside the dashboard, so the lead sees the story and the case together.
  const editor = await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  const position = new vscode.Position(inserted.line - 1, 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
  return { uri: target, line: inserted.line, id: inserted.id };
}

/** Reply labels make the draft readable; taken from every playbook that parses, even while others have errors. */
function replyLabelsOf(parsed: readonly ParsedPlaybook[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const file of parsed) for (const { reply } of file.playbook ? repliesOf(file.playbook) : []) labels.set(reply.id, reply.label);
  return labels;
}

/** Ask which playbook gets the story. */
export async function pickPlaybook(): Promise<vscode.Uri | undefined> {
  const files = (await vscode.workspace.findFiles('**/*.playbook.yaml', '**/node_modules/**')).sort((a, b) => a.path.localeCompare(b.path));
  if (files.length === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Closer: there is no *.playbook.yaml in this workspace to add the story to.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri, false), uri })),
    { title: vscode.l10n.t('Promote to story: which playbook gets the new story?'), ignoreFocusOut: true },
  );
  return picked?.uri;
}
