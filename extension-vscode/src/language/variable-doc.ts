import * as vscode from 'vscode';
import type { VariableFact } from './playbook-facts.ts';

/** The default lines of a variable's hover and completion: the plain default, or each language's. */
export function defaultLines(variable: VariableFact): string[] {
  if (variable.defaults.length === 0) return [vscode.l10n.t('No default')];
  return variable.defaults.map(({ language, text }) =>
    language === undefined ? vscode.l10n.t('Default: {0}', text) : vscode.l10n.t('Default in {0} replies: {1}', language, text),
  );
}
