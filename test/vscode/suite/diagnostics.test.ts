import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, closerDiagnostics, fileUri, folder, open, positionOf, show, waitFor, writeFile } from './helpers.ts';

interface Expected {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning';
  rule: string;
  message: string;
}

describe('diagnostics', () => {
  before(async () => {
    await api();
  });

  it('shows every lint rule’s golden diagnostics with their exact ranges and messages', async () => {
    const expectedFiles = await vscode.workspace.findFiles('*.expected.json');
    assert.ok(expectedFiles.length >= 10, `expected the rule fixtures in the workspace, found ${expectedFiles.length}`);
    const rules = new Set<string>();
    for (const expectedUri of expectedFiles) {
      const expected = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(expectedUri))) as Expected[];
      const playbook = vscode.Uri.joinPath(folder(), expectedUri.path.split('/').pop()!.replace('.expected.json', '.playbook.yaml'));
      const actual = await waitFor(`diagnostics of ${playbook.path}`, () => {
        const found = closerDiagnostics(playbook);
        return found.length >= expected.length ? found : undefined;
      });
      for (const want of expected) {
        rules.add(want.rule);
        const range = new vscode.Range(want.line - 1, want.column - 1, want.endLine - 1, want.endColumn - 1);
        const match = actual.find((d) => d.code === want.rule && d.message === want.message && d.range.isEqual(range));
        assert.ok(
          match,
          `${want.file}: no ${want.rule} at ${show(range)} "${want.message}"; got:\n${actual.map((d) => `  ${d.code} ${show(d.range)} ${d.message}`).join('\n')}`,
        );
        assert.strictEqual(match.severity, want.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      }
    }
    for (const rule of ['yaml-syntax', 'unknown-key', 'wrong-type', 'duplicate-id', 'dangling-reference', 'undeclared-variable', 'unused-variable', 'empty-triggers', 'reply-too-long', 'trigger-collision']) {
      assert.ok(rules.has(rule), `no golden diagnostic checked for rule ${rule}`);
    }
  });

  it('reports problems that span files: a trigger shared by two playbooks', async () => {
    // "expensive" is a keyword of both; the problem is reported in one of the two files, citing the other.
    const [a, b] = ['undeclared-variable.playbook.yaml', 'duplicate-id.playbook.yaml'];
    const collision = await waitFor('a cross-file trigger collision', () =>
      closerDiagnostics(fileUri(a)).find((d) => d.code === 'trigger-collision' && d.message.includes(`(${b}:`)) ??
      closerDiagnostics(fileUri(b)).find((d) => d.code === 'trigger-collision' && d.message.includes(`(${a}:`)),
    );
    assert.match(collision.message, /"expensive" is a trigger of both/);
  });

  it('updates as the author types, and clears when the mistake is undone', async () => {
    const editor = await open('authoring.playbook.yaml');
    const document = editor.document;
    const at = positionOf(document, 'comes in {{weight}}', 'comes in '.length);
    await editor.edit((edit) => edit.insert(at, '{{colour}} '));
    const typedAt = Date.now();
    const problem = await waitFor('the undeclared {{colour}}', () =>
      closerDiagnostics(document.uri).find((d) => d.code === 'undeclared-variable' && d.message.includes('{{colour}}')),
    );
    const latency = Date.now() - typedAt;
    assert.strictEqual(document.getText(problem.range), '{{colour}}');
    console.log(`    diagnostics appeared ${latency} ms after the edit`);
    await vscode.commands.executeCommand('undo');
    await waitFor('the problem to clear', () => (closerDiagnostics(document.uri).length === 0 ? true : undefined));
    await document.save();
  });

  it('forgets the playbooks of a deleted folder', async () => {
    const { workspace } = await api();
    const uri = await writeFile('folder-to-delete/inner.playbook.yaml', 'id: inner\ntitle: Inner\nbogus: 1\n');
    const linted = (file: string) => workspace.parsed().some((parsed) => parsed.file === file);
    await waitFor('the new playbook’s problem', () => closerDiagnostics(uri).find((d) => d.code === 'unknown-key'));
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true });
    await waitFor('the playbook to be forgotten', () => (linted('folder-to-delete/inner.playbook.yaml') ? undefined : true));
    await waitFor('its problems to go', () => (closerDiagnostics(uri).length === 0 ? true : undefined));
  });

  it('counts playbooks and problems for the status bar', async () => {
    const { workspace } = await api();
    const files = await vscode.workspace.findFiles('**/*.playbook.yaml');
    const onDisk = files.map((uri) => vscode.workspace.asRelativePath(uri, false)).sort().join('\n');
    const linted = () => workspace.parsed().map((parsed) => parsed.file).sort().join('\n');
    await waitFor('a lint over every playbook', () => (linted() === onDisk ? true : undefined)).catch(() => assert.strictEqual(linted(), onDisk));
    const result = workspace.lastResult;
    assert.strictEqual(result.playbooks, files.length);
    const all = files.flatMap((uri) => closerDiagnostics(uri));
    assert.strictEqual(result.errors, all.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length);
    assert.strictEqual(result.warnings, all.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length);
    assert.ok(result.errors > 0);
  });
});
