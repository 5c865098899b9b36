// Measured by test/bench/vscode-diagnostics.ts: in the real extension host, the time from an
// edit of a 2,000-reply playbook to its diagnostics being published. Writes the samples to
// CLOSER_VSCODE_BENCH_OUT: per edit, the time until the extension handed the problems to the
// workbench (`samples`), until this host's onDidChangeDiagnostics fired (`events`: VS Code
// delays that event by up to 50 ms after the problems were sent), and the extension's own trace
// of the steps in between (`steps`, in ms, with the CPU time of the lint).
import * as assert from 'node:assert';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import * as vscode from 'vscode';
import { api, closerDiagnostics, open, waitFor } from './helpers.ts';

// 40, so that the p95 is not just the slowest edit.
const EDITS = 40;
/**
 * The first edits after opening the file, measured but reported apart: the workbench is still
 * drawing and tokenizing the 7,800 lines it just opened, and they took up to 1.8 s where the edits
 * after them took 10-200 ms, with this extension host idle 80% of the time meanwhile (CPU profile).
 */
const FIRST_EDITS = 6;

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
    await waitFor('the first lint', () => (workspace.lastResult.playbooks > 0 && workspace.parsedFor(document.uri) ? true : undefined), 30_000);
    const playbooks = workspace.lastResult.playbooks;
    const samples: number[] = [];
    const first: number[] = [];
    const events: number[] = [];
    const steps: Record<string, number>[] = [];
    const anchor = document.getText().indexOf('条回复');
    // CLOSER_VSCODE_BENCH_PROFILE=<file>: a CPU profile of this extension host over the edits
    // (open it in Chrome's DevTools), to see what else runs between an edit and its problems.
    const profileFile = process.env.CLOSER_VSCODE_BENCH_PROFILE;
    const profiler = profileFile ? new Session() : undefined;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    const profileStarted = performance.now();
    /** Each edit's start and the arrival of its change event, in ms from the profile's start: to see what the host ran meanwhile. */
    const marks: [number, number][] = [];
    for (let round = 0; round < FIRST_EDITS + EDITS; round++) {
      // Alternate between adding an undeclared {{variable}} and removing it, so every edit
      // changes the problems and the moment they are published can be observed.
      const adding = round % 2 === 0;
      const published = nextDiagnostics(document.uri, (diagnostics) => diagnostics.some((d) => d.message.includes('{{typo}}')) === adding);
      const started = performance.now();
      const position = document.positionAt(anchor);
      await editor.edit((edit) =>
        adding ? edit.insert(position, '{{typo}}') : edit.delete(new vscode.Range(position, position.translate(0, '{{typo}}'.length))),
      );
      const observed = await published;
      const trace = workspace.lastTrace;
      assert.ok(trace?.published !== undefined && trace.changed !== undefined, 'the lint that published left no trace');
      marks.push([started - profileStarted, trace.changed - profileStarted]);
      if (round < FIRST_EDITS) {
        first.push(trace.published - started);
        await new Promise((done) => setTimeout(done, 200));
        continue;
      }
      events.push(observed - started);
      samples.push(trace.published - started);
      steps.push({
        'edit → change event': trace.changed - started,
        'debounce (and waiting for the CPU)': trace.started - trace.changed,
        'read + parse': trace.parsed - trace.started,
        lint: trace.linted - trace.parsed,
        'listeners → published': trace.published - trace.linted,
        "the extension's share: change event → published": trace.published - trace.changed,
        'published → onDidChangeDiagnostics': observed - trace.published,
        'CPU of read + parse + lint': trace.cpuMs,
      });
      await new Promise((done) => setTimeout(done, 200));
    }
    if (profiler && profileFile) {
      const { profile } = await profiler.post('Profiler.stop');
      writeFileSync(profileFile, JSON.stringify(profile));
      writeFileSync(`${profileFile}.marks.json`, JSON.stringify(marks));
      profiler.disconnect();
    }
    assert.strictEqual(samples.length, EDITS);
    writeFileSync(process.env.CLOSER_VSCODE_BENCH_OUT ?? '/dev/null', JSON.stringify({ playbooks, first, samples, events, steps }));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
