import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { loadBundle } from '@closer/shared';
import { api, fileUri, waitFor } from './helpers.ts';

describe('build bundle', () => {
  it('refuses while a playbook has errors', async () => {
    const { workspace } = await api();
    await waitFor('errors in the workspace', () => (workspace.lastResult.errors > 0 ? true : undefined));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('closer.buildBundle');
    assert.strictEqual(written, undefined);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(fileUri('bundle.json'))));
  });

  it('writes a bundle the browser extension can load once the errors are gone', async () => {
    const { workspace } = await api();
    // Remove the broken playbooks (the lint rules' fixtures and leftovers of other suites).
    for (const uri of await vscode.workspace.findFiles('**/*.playbook.yaml')) {
      const name = uri.path.split('/').pop()!;
      if (name !== 'authoring.playbook.yaml' && name !== 'fixes.playbook.yaml') await vscode.workspace.fs.delete(uri);
    }
    await waitFor('a clean workspace', () => (workspace.lastResult.errors === 0 && workspace.lastResult.playbooks === 2 ? true : undefined)).catch((error: Error) => {
      throw new Error(`${error.message}; still there: ${workspace.parsed().map((parsed) => parsed.file).join(', ')}; errors: ${workspace.lastResult.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.message}`).slice(0, 3).join(' | ')}`);
    });
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('closer.buildBundle');
    assert.ok(written, 'the command returns where it wrote');
    assert.strictEqual(written.toString(), fileUri('bundle.json').toString());
    const bundle = loadBundle(new TextDecoder().decode(await vscode.workspace.fs.readFile(written)));
    assert.deepStrictEqual(bundle.playbooks.map((entry) => entry.playbook.id).sort(), ['authoring', 'fixes']);
    const authoring = bundle.playbooks.find((entry) => entry.playbook.id === 'authoring')!;
    assert.strictEqual(authoring.file, 'authoring.playbook.yaml');
    assert.strictEqual(authoring.lines['tea-value'], 27);
  });
});
