import * as vscode from 'vscode';
import { webviewHtml } from '../webview-html.ts';
import * as z from 'zod';
import { isPlaybook, type PlaybookWorkspace } from '../playbook-workspace.ts';
import { previewModel, tryMessage } from './preview-data.ts';
import type { PreviewModel, ToWebview, TryResult } from './preview-model.ts';

/** Messages from the webview are untrusted input: checked on arrival. */
const FromWebviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('try'), text: z.string().max(10_000) }),
  z.object({ type: z.literal('reveal'), file: z.string(), line: z.number().int().positive() }),
]);

/**
 * The preview beside the editor: the playbook as the salesperson will see it, updated as the
 * author types, with the "Try a customer message" playground under it. One panel, reused.
 */
export class PlaybookPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private lastResult: TryResult | undefined;
  /** What the preview shows now; read by the tests through the extension's API. */
  lastModel: PreviewModel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly workspace: PlaybookWorkspace,
  ) {
    this.disposables.push(
      workspace.onDidLint(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isPlaybook(editor.document)) {
          this.document = editor.document;
          this.update();
        }
      }),
    );
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  show(document: vscode.TextDocument | undefined): void {
    if (document) this.document = document;
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
      this.update();
      return;
    }
    const panel = vscode.window.createWebviewPanel('closer.preview', vscode.l10n.t('Closer preview'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist')],
    });
    this.panel = panel;
    panel.webview.html = this.html(panel.webview);
    panel.onDidDispose(() => (this.panel = undefined), undefined, this.disposables);
    panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message), undefined, this.disposables);
  }

  /** Run the playground for a message and show its result in the preview. */
  try(message: string): TryResult {
    const result = tryMessage(this.workspace.parsed(), message);
    this.lastResult = result;
    this.post({ type: 'result', result });
    return result;
  }

  private receive(raw: unknown): void {
    const parsed = FromWebviewSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'ready') {
      this.update();
      if (this.lastResult) this.post({ type: 'result', result: this.lastResult });
    } else if (message.type === 'try') {
      this.try(message.text);
    } else {
      void revealLine(this.workspace, message.file, message.line);
    }
  }

  private update(): void {
    const document = this.document ?? vscode.window.activeTextEditor?.document;
    if (!this.panel || !document || !isPlaybook(document)) return;
    const parsed = this.workspace.parseDocument(document);
    const mine = this.workspace.lastResult.diagnostics.filter((d) => d.file === parsed.file);
    const problems = { errors: mine.filter((d) => d.severity === 'error').length, warnings: mine.filter((d) => d.severity === 'warning').length };
    this.panel.title = vscode.l10n.t('Preview: {0}', document.uri.path.split('/').pop() ?? '');
    this.lastModel = previewModel(parsed, problems);
    this.post({ type: 'playbook', model: this.lastModel, labels: webviewLabels() });
  }

  private post(message: ToWebview): void {
    void this.panel?.webview.postMessage(message);
  }

  private html(webview: vscode.Webview): string {
    // Playbook text is drawn with textContent.
    return webviewHtml(webview, this.extensionUri, 'webview', '<main id="playbook"></main>\n<section id="playground"></section>');
  }

  dispose(): void {
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

export async function revealLine(workspace: PlaybookWorkspace, file: string, line: number): Promise<void> {
  const uri = workspace.uriOf(file);
  if (!uri) return;
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
  const position = new vscode.Position(Math.max(0, line - 1), 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
}

/** The webview's words, localised here because vscode.l10n only exists in the extension host. */
function webviewLabels(): Record<string, string> {
  return {
    objections: vscode.l10n.t('Objections'),
    steps: vscode.l10n.t('Golden sales model and other steps'),
    stories: vscode.l10n.t('Customer stories'),
    otherReplies: vscode.l10n.t('Other replies'),
    problems: vscode.l10n.t('{0} errors, {1} warnings'),
    missing: vscode.l10n.t('no value for: {0}'),
    tryTitle: vscode.l10n.t('Try a customer message'),
    tryPlaceholder: vscode.l10n.t('What might the customer say?'),
    tryButton: vscode.l10n.t('Try'),
    intent: vscode.l10n.t('Intent'),
    evidence: vscode.l10n.t('Evidence'),
    step: vscode.l10n.t('Step'),
    replies: vscode.l10n.t('Suggested replies'),
    noReplies: vscode.l10n.t('No reply would be suggested.'),
    keyword: vscode.l10n.t('keyword "{0}"'),
    example: vscode.l10n.t('resembles "{0}"'),
    baseExample: vscode.l10n.t('resembles "{0}" (base corpus)'),
    uncovered: vscode.l10n.t('These playbooks have no objection for "{0}". The method says:'),
    unreadable: vscode.l10n.t('This playbook cannot be shown yet: {0}'),
  };
}
