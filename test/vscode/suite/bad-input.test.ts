import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, closerDiagnostics, fileUri, open, positionOf, writeFile, waitFor } from './helpers.ts';

/** The host still answers at once: a hover on a good playbook comes back quickly. */
async function assertResponsive(): Promise<void> {
  const { document } = await open('authoring.playbook.yaml');
  const started = Date.now();
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '{{product}}', 3));
  assert.ok(hovers.length > 0);
  assert.ok(Date.now() - started < 2000, `hover took ${Date.now() - started} ms`);
}

const ALIAS_BOMB = ['id: bomb', 'title: Bomb', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
for (let level = 1; level <= 9; level++) {
  const name = String.fromCharCode(97 + level);
  const previous = String.fromCharCode(96 + level);
  ALIAS_BOMB.push(`${name}: &${name} [${Array(9).fill('*' + previous).join(',')}]`);
}

const CASES: { name: string; text: () => string; message: RegExp }[] = [
  { name: 'garbage', text: () => '\u0007}{][::\n\t- - -: :\n"unterminated\n', message: /./ },
  { name: 'half-typed-key', text: () => 'id: half\ntitle: Half\nobjec', message: /./ },
  { name: 'alias-bomb', text: () => ALIAS_BOMB.join('\n') + '\n', message: /alias/ },
  { name: 'five-megabytes', text: () => 'id: big\ntitle: Big\nreplies:\n' + '  - id: r\n    label: L\n    text: x\n'.repeat(120_000), message: /MB/ },
];

describe('bad input never freezes or crashes the host', () => {
  before(async () => {
    await api();
  });

  for (const testCase of CASES) {
    it(`${testCase.name}: a clear problem, and the host stays responsive`, async () => {
      const file = `bad-${testCase.name}.playbook.yaml`;
      const text = testCase.text();
      const uri = await writeFile(file, text);
      try {
        const diagnostics = await waitFor(`a diagnostic for ${file}`, () => {
          const found = closerDiagnostics(uri);
          return found.length > 0 ? found : undefined;
        }, 20_000);
        assert.ok(diagnostics.some((d) => testCase.message.test(d.message)), diagnostics.map((d) => d.message).join('\n'));
        // Open it in an editor too: completion, hover and the outline must cope with it, quickly.
        const { document } = await open(file);
        const started = Date.now();
        await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, document.positionAt(document.getText().length));
        await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(0, 1));
        await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
        assert.ok(Date.now() - started < 5000, `completion, hover and symbols took ${Date.now() - started} ms`);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await assertResponsive();
      } finally {
        await vscode.workspace.fs.delete(fileUri(file));
      }
    });
  }
});
