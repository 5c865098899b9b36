import * as vscode from 'vscode';
import { findVariables } from '@closer/shared';
import { isPlaybook } from '../playbook-workspace.ts';

/** Longer playbooks get highlighted only in the visible part, so typing stays fast. */
const VISIBLE_MARGIN_LINES = 200;

/** Highlight {{variables}} in playbooks, with decorations so other YAML files are left alone. */
export function highlightVariables(): vscode.Disposable {
  const decoration = vscode.window.createTextEditorDecorationType({
    color: new vscode.ThemeColor('symbolIcon.variableForeground'),
    fontWeight: 'bold',
    borderRadius: '3px',
    backgroundColor: new vscode.ThemeColor('editor.wordHighlightBackground'),
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const paint = (editor: vscode.TextEditor) => {
    if (!isPlaybook(editor.document)) return;
    const ranges: vscode.Range[] = [];
    for (const visible of editor.visibleRanges) {
      const from = Math.max(0, visible.start.line - VISIBLE_MARGIN_LINES);
      const to = Math.min(editor.document.lineCount - 1, visible.end.line + VISIBLE_MARGIN_LINES);
      for (let line = from; line <= to; line++) {
        for (const use of findVariables(editor.document.lineAt(line).text)) {
          ranges.push(new vscode.Range(line, use.index, line, use.index + use.slot.length));
        }
      }
    }
    editor.setDecorations(decoration, ranges);
  };
  const paintSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => vscode.window.visibleTextEditors.forEach(paint), 50);
  };
  paintSoon();
  return vscode.Disposable.from(
    decoration,
    vscode.window.onDidChangeVisibleTextEditors(paintSoon),
    vscode.window.onDidChangeTextEditorVisibleRanges(paintSoon),
    vscode.workspace.onDidChangeTextDocument(paintSoon),
    { dispose: () => clearTimeout(timer) },
  );
}
