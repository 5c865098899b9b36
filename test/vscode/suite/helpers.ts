import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { CloserApi } from '../../../extension-vscode/src/extension.ts';

export const EXTENSION_ID = 'closer.closer-vscode';

export function folder(): vscode.Uri {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first, 'the tests need a workspace folder');
  return first.uri;
}

export function fileUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(folder(), name);
}

export async function api(): Promise<CloserApi> {
  const extension = vscode.extensions.getExtension<CloserApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  return extension.isActive ? extension.exports : extension.activate();
}

export async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fileUri(name));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The position of `needle` in the document (its first occurrence), moved `offset` characters in. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `"${needle}" is not in ${document.uri.path}`);
  return document.positionAt(index + offset);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 25));
  }
}

export function closerDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'closer');
}

export async function writeFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = fileUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** A one-line summary of a range, for readable assertion messages. */
export function show(range: vscode.Range): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}
