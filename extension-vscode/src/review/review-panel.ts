// "Closer: Review cases": the team lead's dashboard over case files — figures as tables and bar
// charts, filters, each case's timeline, and Promote to story on won cases. One panel, reused.
import * as vscode from 'vscode';
import { webviewHtml } from '../webview-html.ts';
import * as z from 'zod';
import { INTENTS, type CaseFilter, type ParsedPlaybook } from '@closer/shared';
import { loadCaseUris, type LoadedCases } from './case-files.ts';
import { dashboardModel, type DashboardModel, type ToDashboard } from './dashboard-model.ts';
import { pickPlaybook, promoteToStory, type PromotedStory } from './promote-story.ts';
import type { TeamCases } from './team-database.ts';
import { draftBundle } from '../engine.ts';

const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Messages from the webview are untrusted input: checked on arrival. */
const FromDashboardSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({
    type: z.literal('filter'),
    filter: z.object({
      salesperson: z.string().max(200).optional(),
      product: z.string().max(200).optional(),
      intent: z.enum(INTENTS).optional(),
      from: DATE.optional(),
      to: DATE.optional(),
    }),
  }),
  z.object({ type: z.literal('promote'), id: z.string().max(64) }),
]);

export class CaseReview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private loaded: LoadedCases = { files: [], cases: [], problems: [], drills: [] };
  private filter: CaseFilter = {};
  /** Set while the review shows a team database instead of files: its URL and its bad documents. */
  private database: { url: string; problems: string[] } | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly playbooks: () => ParsedPlaybook[],
  ) {}

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Read the case files or folders and show the dashboard. */
  async open(uris: readonly vscode.Uri[]): Promise<DashboardModel> {
    this.loaded = await loadCaseUris(uris);
    this.database = undefined;
    this.filter = {};
    this.show();
    this.update();
    return this.model();
  }

  /** Show the cases read from a team database (closer.team.url), drawn exactly as those of files. */
  openDatabase(team: TeamCases): DashboardModel {
    this.loaded = { files: [], cases: team.cases, problems: [], drills: [] };
    this.database = { url: team.url, problems: team.problems };
    this.filter = {};
    this.show();
    this.update();
    return this.model();
  }

  model(): DashboardModel {
    // The workspace playbooks' plan and tag tree, as they are now, for the follow-up and source figures.
    const model = dashboardModel(this.loaded.cases, this.loaded.files.length, this.loaded.problems, this.filter, this.loaded.drills, draftBundle(this.playbooks()));
    return this.database ? { ...model, source: this.database.url, problems: [...this.database.problems, ...model.problems] } : model;
  }

  setFilter(filter: CaseFilter): DashboardModel {
    this.filter = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== '')) as CaseFilter;
    this.update();
    return this.model();
  }

  /** Promote a won case to a story in `target`, or in a playbook the author picks. */
  async promote(id: string, target?: vscode.Uri): Promise<PromotedStory | undefined> {
    const record = this.loaded.cases.find((candidate) => candidate.id === id);
    if (!record) throw new Error(vscode.l10n.t('no case with id {0} is open in the review', id));
    if (record.outcome !== 'won') throw new Error(vscode.l10n.t('only a won case can become a story; this one is {0}', record.outcome));
    const uri = target ?? (await pickPlaybook());
    if (!uri) return undefined;
    const promoted = await promoteToStory(record, uri, this.playbooks());
    void this.panel?.webview.postMessage({ type: 'promoted', id, story: promoted.id, file: vscode.workspace.asRelativePath(uri, false), line: promoted.line } satisfies ToDashboard);
    return promoted;
  }

  private show(): void {
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Active);
      return;
    }
    const panel = vscode.window.createWebviewPanel('closer.review', vscode.l10n.t('Closer: case review'), vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist')],
    });
    this.panel = panel;
    panel.webview.html = this.html(panel.webview);
    panel.onDidDispose(() => (this.panel = undefined), undefined, this.disposables);
    panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message), undefined, this.disposables);
  }

  private receive(raw: unknown): void {
    const parsed = FromDashboardSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'ready') this.update();
    else if (message.type === 'filter') this.setFilter(message.filter);
    else {
      this.promote(message.id).catch((error: Error) => void vscode.window.showErrorMessage(vscode.l10n.t('Closer: could not promote the case: {0}', error.message)));
    }
  }

  private update(): void {
    if (!this.panel) return;
    void this.panel.webview.postMessage({ type: 'model', model: this.model(), labels: dashboardLabels() } satisfies ToDashboard);
  }

  private html(webview: vscode.Webview): string {
    // Case text is drawn with textContent, charts as DOM-built SVG.
    return webviewHtml(webview, this.extensionUri, 'review', '<main id="review"></main>');
  }

  dispose(): void {
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function dashboardLabels(): Record<string, string> {
  return {
    title: vscode.l10n.t('Case review'),
    summary: vscode.l10n.t('{0} cases ({1} shown): {2} won, {3} lost, {4} open · win rate {5} (95% {6}–{7}) · amount won {8}'),
    files: vscode.l10n.t('from {0} file(s)'),
    database: vscode.l10n.t('from the team database {0}'),
    problems: vscode.l10n.t('Problems in the case files'),
    salesperson: vscode.l10n.t('Salesperson'),
    product: vscode.l10n.t('Product'),
    intent: vscode.l10n.t('Intent'),
    from: vscode.l10n.t('From'),
    to: vscode.l10n.t('To'),
    all: vscode.l10n.t('all'),
    clear: vscode.l10n.t('Clear filters'),
    byIntent: vscode.l10n.t('Win rate by intent met'),
    byReply: vscode.l10n.t('Win rate by reply used'),
    byAdaptation: vscode.l10n.t('Adapted vs verbatim use of the same reply'),
    adaptedUse: vscode.l10n.t('{0} · adapted'),
    verbatimUse: vscode.l10n.t('{0} · verbatim'),
    byStep: vscode.l10n.t('Win rate by furthest golden-model step'),
    lossReasons: vscode.l10n.t('Top loss reasons'),
    timeToClose: vscode.l10n.t('Time to close'),
    cases: vscode.l10n.t('cases'),
    won: vscode.l10n.t('won'),
    lost: vscode.l10n.t('lost'),
    open: vscode.l10n.t('open'),
    rate: vscode.l10n.t('rate'),
    interval: vscode.l10n.t('95% interval'),
    share: vscode.l10n.t('share'),
    median: vscode.l10n.t('median'),
    mean: vscode.l10n.t('mean'),
    p90: vscode.l10n.t('90%'),
    reason: vscode.l10n.t('reason'),
    list: vscode.l10n.t('Cases'),
    listLimit: vscode.l10n.t('showing the newest {0} of {1}'),
    date: vscode.l10n.t('date'),
    customer: vscode.l10n.t('customer'),
    outcome: vscode.l10n.t('outcome'),
    amount: vscode.l10n.t('amount'),
    timeline: vscode.l10n.t('timeline'),
    notes: vscode.l10n.t('Notes'),
    promote: vscode.l10n.t('Promote to story'),
    promoted: vscode.l10n.t('Story {0} added to {1}:{2} — finish it there'),
    none: vscode.l10n.t('(none)'),
    noCases: vscode.l10n.t('No closed cases match these filters.'),
    drills: vscode.l10n.t('Practice drills per person'),
    drillRuns: vscode.l10n.t('Scores over time'),
    drillIntents: vscode.l10n.t('Weakest intents'),
    drillSummary: vscode.l10n.t('{0} drill(s), latest {1}/100'),
    drill: vscode.l10n.t('drill'),
    total: vscode.l10n.t('total'),
    turns: vscode.l10n.t('turns'),
    meanScore: vscode.l10n.t('mean score'),
    'event.message': vscode.l10n.t('customer: {0}'),
    'event.step': vscode.l10n.t('step reached: {0}'),
    'event.suggested': vscode.l10n.t('suggested: {0}'),
    'event.inserted': vscode.l10n.t('inserted: {0}'),
    'event.sent': vscode.l10n.t('sent to a hosted model to adapt {0}: {1}'),
    'event.meeting': vscode.l10n.t('meeting with the customer'),
    'event.signal': vscode.l10n.t('the customer said they will buy soon'),
    'event.tagOn': vscode.l10n.t('tag put on: {0}'),
    'event.tagOff': vscode.l10n.t('tag taken off: {0}'),
    byTag: vscode.l10n.t('Win rate and repurchase by customer tag'),
    bySource: vscode.l10n.t('Win rate and repurchase by source'),
    tag: vscode.l10n.t('tag'),
    source: vscode.l10n.t('source'),
    buyers: vscode.l10n.t('buyers'),
    again: vscode.l10n.t('bought again'),
    repurchase: vscode.l10n.t('repurchase'),
    noTags: vscode.l10n.t('No tagged cases match these filters.'),
    followups: vscode.l10n.t('Follow-ups per salesperson, to the end of {0} ({1})'),
    done: vscode.l10n.t('done'),
    overdue: vscode.l10n.t('overdue'),
    skipped: vscode.l10n.t('skipped'),
    declined: vscode.l10n.t('declined'),
    noFollowups: vscode.l10n.t('None done, skipped, declined or overdue yet.'),
    tags: vscode.l10n.t('Tags'),
    'lifecycle.intro': vscode.l10n.t('intro'),
    'lifecycle.growth': vscode.l10n.t('growth'),
    'lifecycle.mature': vscode.l10n.t('mature'),
    'lifecycle.dormant': vscode.l10n.t('dormant'),
    'lifecycle.lost': vscode.l10n.t('lost customer'),
  };
}
