// What the case-review dashboard shows, computed from the core so the CLI report and the
// dashboard always agree. Plain data: it crosses into the webview as a message.
import { caseFacets, caseReport, drillProgress, filterCases, formatCaseProblem, type Case, type CaseEvent, type CaseFilter, type CaseProblem, type CaseReport, type DrillResult, type Intent, type PersonProgress } from '@closer/shared';
import { followupsOf, sourceTagsOf, type FollowupsModel } from './followups-model.ts';
import type { Bundle } from '@closer/shared';

/** How many cases the list shows at most; the figures always cover every filtered case. */
export const LIST_LIMIT = 300;

export interface CaseRow {
  id: string;
  created: string;
  salesperson: string;
  customer: string;
  product: string;
  outcome: Case['outcome'];
  amount: number | null;
  lossReason: string | null;
  notes: string;
  /** The customer tags accepted in this case, and the customer's stage when it was saved. */
  tags: string[];
  lifecycle: string | null;
  timeline: CaseEvent[];
}

export interface DashboardModel {
  files: number;
  /** The team database's URL when the cases were read from one instead of files (then files is 0). */
  source?: string;
  problems: string[];
  filter: CaseFilter;
  facets: { salespeople: string[]; products: string[]; intents: Intent[] };
  /** All cases read, and those the filters keep. */
  total: number;
  shown: number;
  report: CaseReport;
  cases: CaseRow[];
  /** Each person's practice from the drill results in the same files (only the salesperson filter applies). */
  drills: PersonProgress[];
  /** Follow-ups per salesperson under the workspace playbooks' revisit plan (absent without a plan). */
  followups?: FollowupsModel;
}

export function dashboardModel(cases: readonly Case[], files: number, problems: readonly CaseProblem[], filter: CaseFilter, drills: readonly DrillResult[] = [], plan?: Bundle): DashboardModel {
  const kept = filterCases(cases, filter);
  // Product, intent and dates pick real chats; a person's practice is shown whole, over all its dates.
  const practised = filter.salesperson ? drills.filter((result) => result.salesperson === filter.salesperson) : drills;
  const facets = caseFacets(cases);
  const practising = drills.map((result) => result.salesperson).filter((name) => name && !facets.salespeople.includes(name));
  if (practising.length > 0) facets.salespeople = [...new Set([...facets.salespeople, ...practising])].sort();
  // Newest first: a team lead reviews what just happened.
  const rows = [...kept].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).slice(0, LIST_LIMIT);
  return {
    files,
    problems: problems.map(formatCaseProblem),
    filter,
    facets,
    total: cases.length,
    shown: kept.length,
    report: caseReport(kept, { sourceTags: plan ? sourceTagsOf(plan) : [] }),
    cases: rows.map((record) => ({
      id: record.id,
      created: record.createdAt,
      salesperson: record.salesperson,
      customer: record.customer,
      product: record.product ?? '',
      outcome: record.outcome,
      amount: record.amount ?? null,
      lossReason: record.lossReason ?? null,
      notes: record.notes,
      tags: record.tags,
      lifecycle: record.lifecycle ?? null,
      timeline: record.timeline,
    })),
    drills: drillProgress(practised),
    ...(plan ? followupsOf(kept, plan) : {}),
  };
}

/** Messages the extension sends to the dashboard. */
export type ToDashboard = { type: 'model'; model: DashboardModel; labels: Record<string, string> } | { type: 'promoted'; id: string; story: string; file: string; line: number };
