import * as vscode from 'vscode';
import { lintPlaybooks, MAX_PLAYBOOK_BYTES, parsePlaybook, type Diagnostic, type ParsedPlaybook } from '@closer/shared';
import { parseDocument } from 'yaml';
import { DEBOUNCE_MS, DISK_DEBOUNCE_MS } from './debounce.ts';

export const PLAYBOOK_GLOB = '**/*.playbook.yaml';
export const PLAYBOOK_SELECTOR: vscode.DocumentSelector = [{ pattern: PLAYBOOK_GLOB }];
const EXCLUDE_GLOB = '**/node_modules/**';

/** A playbook file of the workspace; not, say, the git: copy a diff view opens beside it. */
export function isPlaybook(document: vscode.TextDocument): boolean {
  const { uri } = document;
  return uri.path.endsWith('.playbook.yaml') && (uri.scheme === 'file' || vscode.workspace.getWorkspaceFolder(uri) !== undefined);
}

export interface LintResult {
  diagnostics: Diagnostic[];
  playbooks: number;
  errors: number;
  warnings: number;
}

/**
 * When each step between an edit and its problems happened (performance.now(), in the extension
 * host), for the latency bench (test/vscode/suite/latency.bench.ts): where the time goes cannot
 * be seen from outside, and the host's own onDidChangeDiagnostics comes up to 50 ms after the
 * problems were sent. CPU is the host process's user + system time from reading to lint done (anything
 * else it ran meanwhile included).
 */
export interface LintTrace {
  /** The first change since the previous lint reached the extension. */
  changed: number | undefined;
  /** The debounce ended and reading began. */
  started: number;
  /** The changed files were read and parsed. */
  parsed: number;
  /** Lint was done, before the listeners (problems, status bar, preview) ran. */
  linted: number;
  /** The problems were handed to the workbench (set by publishDiagnostics). */
  published: number | undefined;
  cpuMs: number;
}

/**
 * Every playbook of the workspace, parsed: open documents from the editor's text, the others
 * from disk. Lint runs over all of them together, so problems that span files show up too.
 */
export class PlaybookWorkspace implements vscode.Disposable {
  private readonly files = new Map<string, ParsedPlaybook>();
  /** The core names files by workspace-relative path (messages cite them); this maps back. */
  private readonly uris = new Map<string, vscode.Uri>();
  /** The last parse of each file whose YAML had no error, for completion while the text is broken. */
  private readonly lastReadable = new Map<string, ParsedPlaybook>();
  private readonly byVersion = new Map<string, { version: number; parsed: ParsedPlaybook }>();
  /**
   * The files changed since the last lint, read and linted together by one timer: a checkout or
   * a search-and-replace changes many files at once, and a timer per file linted the whole
   * workspace once per file.
   */
  private readonly pending = new Map<string, vscode.Uri>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the first change not yet linted arrived (for the trace). */
  private changedAt: number | undefined;
  private readonly changed = new vscode.EventEmitter<LintResult>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private ready: Promise<void> | undefined;
  lastResult: LintResult = { diagnostics: [], playbooks: 0, errors: 0, warnings: 0 };
  lastTrace: LintTrace | undefined;

  /** Fires after every lint, with what it found. */
  readonly onDidLint = this.changed.event;

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => isPlaybook(document) && this.schedule(document.uri, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => isPlaybook(event.document) && this.schedule(event.document.uri, DEBOUNCE_MS)),
      // Closing an unsaved document drops its edits: read the file from disk again.
      vscode.workspace.onDidCloseTextDocument((document) => isPlaybook(document) && this.schedule(document.uri, 0)),
    );
    const watcher = vscode.workspace.createFileSystemWatcher(PLAYBOOK_GLOB, true, false, true);
    // Folders too: deleting or moving a folder reports the folder only, not the playbooks in it.
    const anything = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      watcher,
      anything,
      watcher.onDidChange((uri) => this.schedule(uri, DISK_DEBOUNCE_MS)),
      anything.onDidCreate((uri) => void this.created(uri)),
      anything.onDidDelete((uri) => this.deleted(uri)),
    );
  }

  /** Load every playbook once; later changes arrive through events. */
  load(): Promise<void> {
    this.ready ??= (async () => {
      const found = await vscode.workspace.findFiles(PLAYBOOK_GLOB, EXCLUDE_GLOB);
      await Promise.all(found.map((uri) => this.read(uri)));
      this.lint();
    })();
    return this.ready;
  }

  /** Re-read one playbook now (skipping the debounce) and lint; used by commands that need fresh results. */
  async refresh(): Promise<LintResult> {
    await this.load();
    clearTimeout(this.timer);
    const due = this.takePending();
    await Promise.all(due.map((uri) => this.read(uri)));
    return this.lint();
  }

  parsed(): ParsedPlaybook[] {
    return [...this.files.values()];
  }

  /**
   * The parse of a document as it is now (the editor's text, not the last debounced one).
   * Kept per document version: lint, completion, hover and the preview then share one parse,
   * which matters for a large playbook (parsing 2,000 replies takes about 100 ms).
   */
  parseDocument(document: vscode.TextDocument): ParsedPlaybook {
    const key = document.uri.toString();
    const cached = this.byVersion.get(key);
    if (cached?.version === document.version && cached.parsed.text === document.getText()) return cached.parsed;
    const parsed = parsePlaybook(document.getText(), this.nameOf(document.uri));
    this.byVersion.set(key, { version: document.version, parsed });
    return parsed;
  }

  /**
   * The document's current parse, with data even where the YAML is half-typed (read leniently),
   * else the last parse that had data. For completion, hover and definition, never for lint.
   */
  readableParse(document: vscode.TextDocument): ParsedPlaybook {
    const current = this.parseDocument(document);
    // A copy: the lint's parse keeps its own (absent) data.
    if (current.data !== undefined) {
      this.lastReadable.set(current.file, current);
      return current;
    }
    const lenient = lenientData(current.text);
    return lenient !== undefined ? { ...current, data: lenient } : (this.lastReadable.get(current.file) ?? current);
  }

  /**
   * What completion reads for a document: its readable parse and, while its YAML is broken, also
   * its last clean parse. A lenient reading can hang the rest of the file under the wrong key (a
   * tab, an unclosed quote), so the clean parse keeps the ids the author had a moment ago.
   */
  readableParses(document: vscode.TextDocument): ParsedPlaybook[] {
    const readable = this.readableParse(document);
    const clean = this.lastReadable.get(readable.file);
    return clean && clean !== readable ? [readable, clean] : [readable];
  }

  /** Every playbook of the workspace for completion: the document as readableParses reads it, a broken file by its last clean parse. */
  readableWorkspace(document: vscode.TextDocument): ParsedPlaybook[] {
    const own = this.readableParses(document);
    const name = own[0]!.file;
    const others = this.parsed()
      .filter((file) => file.file !== name)
      .map((file) => (file.data === undefined ? (this.lastReadable.get(file.file) ?? file) : file));
    return [...own, ...others];
  }

  parsedFor(uri: vscode.Uri): ParsedPlaybook | undefined {
    return this.files.get(this.nameOf(uri));
  }

  uriOf(file: string): vscode.Uri | undefined {
    return this.uris.get(file);
  }

  /** The name diagnostics and bundles use: relative to its folder, prefixed by it when there are several. */
  nameOf(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri);
  }

  private schedule(uri: vscode.Uri, delay: number): void {
    this.changedAt ??= performance.now();
    this.pending.set(uri.toString(), uri);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const changed = this.changedAt;
      const due = this.takePending();
      const started = performance.now();
      const cpu = process.cpuUsage();
      void this.load()
        .then(() => Promise.all(due.map((each) => this.read(each))))
        .then(() => this.lint({ changed, started, parsed: performance.now(), cpu }))
        // The core never throws on bad input; should it ever, keep the last good results.
        .catch((error: unknown) => console.error('closer: could not lint playbooks', error));
    }, delay);
  }

  private takePending(): vscode.Uri[] {
    const due = [...this.pending.values()];
    this.pending.clear();
    this.changedAt = undefined;
    return due;
  }

  private async read(uri: vscode.Uri): Promise<void> {
    const name = this.nameOf(uri);
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open) {
      // A document can outlive its file (deleted on disk while still in memory): keep it only
      // while it holds unsaved edits, which the author may still save.
      if (!open.isDirty && !(await exists(uri))) {
        this.forget(uri);
        return;
      }
      this.remember(name, uri, this.parseDocument(open));
      return;
    }
    let text: string;
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      // Too big to be a playbook: let the core say so without decoding megabytes.
      text = bytes.length > MAX_PLAYBOOK_BYTES ? 'x'.repeat(MAX_PLAYBOOK_BYTES + 1) : new TextDecoder().decode(bytes);
    } catch {
      this.forget(uri);
      return;
    }
    this.remember(name, uri, parsePlaybook(text, name));
  }

  private remember(name: string, uri: vscode.Uri, parsed: ParsedPlaybook): void {
    this.files.set(name, parsed);
    if (parsed.data !== undefined) this.lastReadable.set(name, parsed);
    this.uris.set(name, uri);
  }

  private async created(uri: vscode.Uri): Promise<void> {
    if (uri.path.endsWith('.playbook.yaml')) return this.schedule(uri, DISK_DEBOUNCE_MS);
    if (uri.path.includes('/node_modules/')) return;
    try {
      if ((await vscode.workspace.fs.stat(uri)).type !== vscode.FileType.Directory) return;
    } catch {
      return;
    }
    for (const found of await vscode.workspace.findFiles(new vscode.RelativePattern(uri, PLAYBOOK_GLOB), EXCLUDE_GLOB)) {
      this.schedule(found, DISK_DEBOUNCE_MS);
    }
  }

  private deleted(uri: vscode.Uri): void {
    const folder = uri.toString() + '/';
    const gone = [...this.uris.values()].filter((known) => known.toString() === uri.toString() || known.toString().startsWith(folder));
    for (const known of gone) this.forget(known);
  }

  private forget(uri: vscode.Uri): void {
    const name = this.nameOf(uri);
    this.files.delete(name);
    this.lastReadable.delete(name);
    this.byVersion.delete(uri.toString());
    this.uris.delete(name);
    this.lint();
  }

  private lint(timing?: { changed: number | undefined; started: number; parsed: number; cpu: NodeJS.CpuUsage }): LintResult {
    const diagnostics = lintPlaybooks(this.parsed());
    this.lastResult = {
      diagnostics,
      playbooks: this.files.size,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    };
    if (timing) {
      const cpu = process.cpuUsage(timing.cpu);
      const { changed, started, parsed } = timing;
      this.lastTrace = { changed, started, parsed, linted: performance.now(), published: undefined, cpuMs: (cpu.user + cpu.system) / 1000 };
    }
    this.changed.fire(this.lastResult);
    return this.lastResult;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** What the YAML parser recovers from text with syntax errors; undefined if even that fails. */
function lenientData(text: string): unknown {
  if (text.length > MAX_PLAYBOOK_BYTES) return undefined;
  try {
    // Few aliases allowed: this runs on every keystroke's completion, and must not expand a bomb.
    return parseDocument(text, { uniqueKeys: false }).toJS({ maxAliasCount: 50 }) ?? undefined;
  } catch {
    return undefined;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
