// Measured by test/bench/vscode-diagnostics.ts: in the real extension host, the time from an
// edit of a 2,000-reply playbook to its diagnostics being published. Writes the samples to
// CLOSER_VSCODE_BENCH_OUT.
import * as assert from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, closerDiagnostics, open, waitFor } from './helpers.ts';

const EDITS = 20;

/** Resolves at the first diagnostics change for `uri` that `accept` accepts. */
function nextDiagnostics(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<number> {
  return new Promise((done) => {
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      if (!accept(closerDiagnostics(uri))) return;
      listener.dispose();
      done(performance.now());
    });
  });
}

describe('diagnostics latency in a 2,000-reply playbook', () => {
  it('measures edit → diagnostics published', async function () {
    this.timeout(180_000);
    const { workspace } = await api();
    const editor = await open('bench-large.playbook.yaml');
    const document = editor.document;
    await waitFor('the first lint', () => (workspace.lastResult.playbooks === 1 ? true : undefined), 30_000);
    const samples: number[] = [];
    const anchor = document.getText().indexOf('条回复');
    for (let round = 0; round < EDITS; round++) {
      // Alternate between adding an undeclared {{variable}} and removing it, so every edit
      // changes the problems and the moment they are published can be observed.
      const adding = round % 2 === 0;
      const published = nextDiagnostics(document.uri, (diagnostics) => diagnostics.some((d) => d.message.includes('{{typo}}')) === adding);
      const started = performance.now();
      const position = document.positionAt(anchor);
      await editor.edit((edit) =>
        adding ? edit.insert(position, '{{typo}}') : edit.delete(new vscode.Range(position, position.translate(0, '{{typo}}'.length))),
      );
      samples.push((await published) - started);
      await new Promise((done) => setTimeout(done, 200));
    }
    assert.strictEqual(samples.length, EDITS);
    writeFileSync(process.env.CLOSER_VSCODE_BENCH_OUT ?? '/dev/null', JSON.stringify({ samples }));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
