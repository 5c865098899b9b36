import * as vscode from 'vscode';
import { shapeOf } from './yaml-context.ts';

const NEAR_MISS = /did you mean ("([^"]+)"|\{\{([^}]+)\}\})\?/;
const UNDECLARED = /uses \{\{([^}]+)\}\}, which is not declared/;

/** Where the text of a new variable goes: under "variables:", or a new "variables:" block after the header. */
export function declareVariableEdit(document: vscode.TextDocument, name: string): vscode.TextEdit | undefined {
  const lines = document.getText().split(/\r?\n/);
  const declared = lines.findIndex((line) => /^variables:\s*(#.*)?$/.test(line));
  // Written inline ("variables: {…}"): leave it to the author rather than risk a second key.
  if (declared < 0 && lines.some((line) => /^variables:/.test(line))) return undefined;
  if (declared >= 0) {
    const child = lines.slice(declared + 1).find((line) => !shapeOf(line).blank);
    const indent = child && /^\s+/.test(child) ? /^\s+/.exec(child)![0] : '  ';
    return vscode.TextEdit.insert(new vscode.Position(declared + 1, 0), `${indent}${name}:\n${indent}${indent}label: ${name}\n`);
  }
  // Before the first block of items, keeping the header (id, title, description…) together.
  const firstBlock = lines.findIndex((line) => /^(tags|objections|sequences|stories|replies|guides):/.test(line));
  const at = firstBlock >= 0 ? firstBlock : lines.length;
  return vscode.TextEdit.insert(new vscode.Position(at, 0), `variables:\n  ${name}:\n    label: ${name}\n`);
}

/** Quick fixes for the obvious mends: declare a missing variable, take the near-miss name the message suggests. */
export function quickFixProvider(): vscode.CodeActionProvider {
  return {
    provideCodeActions(document, _range, context) {
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== 'closer') continue;
        const nearMiss = NEAR_MISS.exec(diagnostic.message);
        if (nearMiss) {
          const replacement = nearMiss[2] ?? `{{${nearMiss[3]}}}`;
          const action = new vscode.CodeAction(vscode.l10n.t('Change to {0}', replacement), vscode.CodeActionKind.QuickFix);
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(document.uri, diagnostic.range, replacement);
          action.diagnostics = [diagnostic];
          action.isPreferred = true;
          actions.push(action);
        }
        const undeclared = UNDECLARED.exec(diagnostic.message);
        const declaration = undeclared && declareVariableEdit(document, undeclared[1]!.trim());
        if (undeclared && declaration) {
          const name = undeclared[1]!.trim();
          const action = new vscode.CodeAction(vscode.l10n.t('Declare variable {0}', `{{${name}}}`), vscode.CodeActionKind.QuickFix);
          action.edit = new vscode.WorkspaceEdit();
          action.edit.set(document.uri, [declaration]);
          action.diagnostics = [diagnostic];
          actions.push(action);
        }
      }
      return actions;
    },
  };
}
