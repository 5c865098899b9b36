import * as vscode from 'vscode';

/**
 * Markdown for hovers and completion docs. Playbook text goes in through appendText, which
 * escapes it: an author's words are shown as written, never as markup or HTML.
 */
export function markdown(...parts: (string | { bold: string } | { code: string })[]): vscode.MarkdownString {
  const result = new vscode.MarkdownString();
  parts.forEach((part, index) => {
    if (index > 0) result.appendMarkdown('\n\n');
    if (typeof part === 'string') result.appendText(part);
    else if ('bold' in part) {
      result.appendMarkdown('**');
      result.appendText(part.bold);
      result.appendMarkdown('**');
    } else result.appendCodeblock(part.code, 'text');
  });
  return result;
}
