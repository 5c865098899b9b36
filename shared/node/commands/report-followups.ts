// `closer report --bundle FILE` (or --followups): the follow-ups done, overdue, skipped and
// declined per salesperson under the bundle's revisit plan, beside the usual figures, which then
// also read the source of a case from its tag of the tree's source category. The plan needs
// every case at once, so this path holds the cases in memory.
import { caseReport, dateInZone, filterCases, followupFigures, isTimeZone, type Bundle, type Case, type CaseFilter, type CaseProblem, type CaseReport, type FollowupFigures } from '../../src/index.ts';
import { loadCaseFiles } from '../case-files.ts';
import { UsageError, type Io } from '../io.ts';
import { bundleForCommand } from '../load-bundle.ts';

export interface FollowupReport {
  loaded: { files: string[]; problems: CaseProblem[]; count: number; drillResults: number };
  shown: number;
  figures: CaseReport;
  followups: FollowupFigures[];
  /** The day counted to (YYYY-MM-DD in the zone) and the zone. */
  on: string;
  timeZone: string;
  rules: number;
  /** Tags on the cases that the bundle's tag tree does not have (renamed or taken out since), with how many cases carry each. */
  unknownTags: { tag: string; cases: number }[];
}

export interface FollowupReportOptions {
  bundle?: string;
  timeZone?: string;
  filter: CaseFilter;
  reasons: readonly string[];
}

/** The source category's id in the contract of the tag tree (a category → group → tag). */
const SOURCE_CATEGORY = 'source';

export async function followupFiguresOf(paths: readonly string[], options: FollowupReportOptions, io: Io): Promise<FollowupReport | { problem: string }> {
  const plan = await planOf(options, io);
  if ('problem' in plan) return plan;
  return followupReportOf(await loadCaseFiles(paths, { cwd: io.cwd, reasons: options.reasons }), plan, options.filter);
}

export interface Plan {
  bundle: Bundle;
  timeZone: string;
}

/** The bundle whose revisit plan counts, and the zone its days are counted in (a usage error when unknown). */
export async function planOf(options: Pick<FollowupReportOptions, 'bundle' | 'timeZone'>, io: Io): Promise<Plan | { problem: string }> {
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!isTimeZone(timeZone)) throw new UsageError(`--tz "${timeZone}" is not a time zone; write an IANA name such as Asia/Shanghai, America/New_York or UTC`);
  const bundle = await bundleForCommand(options.bundle, io);
  return 'problem' in bundle ? bundle : { bundle, timeZone };
}

/** The figures and follow-ups over cases already read and merged (from files or from the team's database). */
export function followupReportOf(all: { files: string[]; cases: Case[]; problems: CaseProblem[]; drillResults: number }, { bundle, timeZone }: Plan, filter: CaseFilter): FollowupReport {
  const kept = filterCases(all.cases, filter);
  const now = new Date();
  return {
    loaded: { files: all.files, problems: all.problems, count: all.cases.length, drillResults: all.drillResults },
    shown: kept.length,
    figures: caseReport(kept, { sourceTags: sourceTagsOf(bundle) }),
    followups: followupFigures(kept, bundle, now, timeZone),
    on: dateInZone(now.getTime(), timeZone),
    timeZone,
    rules: bundle.followups.rules.length,
    unknownTags: unknownTagsOf(kept, bundle),
  };
}

/** The cases' tags that are not tags (the third level) of the bundle's tree; none when the bundle has no tree. */
function unknownTagsOf(cases: readonly Case[], bundle: Bundle): { tag: string; cases: number }[] {
  if (bundle.customerTags.length === 0) return [];
  const parents = new Set(bundle.customerTags.map((node) => node.parent));
  const known = new Set(bundle.customerTags.filter((node) => node.parent !== undefined && !parents.has(node.id)).map((node) => node.id));
  const counts = new Map<string, number>();
  for (const record of cases) for (const tag of new Set(record.tags)) if (!known.has(tag)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, cases: count })).sort((a, b) => b.cases - a.cases || (a.tag < b.tag ? -1 : 1));
}

/** One line on stderr per tag the tree lacks, so a lead sees why its cases are counted under a tag nobody can pick any more. */
export function unknownTagNotes(report: FollowupReport): string {
  return report.unknownTags.map(({ tag, cases }) => `closer report: tag "${tag}" (${cases} case(s)) is not in the tag tree of the playbooks; renamed or taken out since?\n`).join('');
}

/** The tags (third level) under the tree's source category. */
function sourceTagsOf(bundle: Bundle): string[] {
  const groups = new Set(bundle.customerTags.filter((node) => node.parent === SOURCE_CATEGORY).map((node) => node.id));
  return bundle.customerTags.filter((node) => node.parent !== undefined && groups.has(node.parent)).map((node) => node.id);
}

export function formatFollowupFigures(report: FollowupReport): string {
  const title = `Follow-ups per salesperson, to the end of ${report.on} (${report.timeZone})`;
  if (report.rules === 0) return `${title}\n  (the playbooks have no revisit plan)\n`;
  if (report.followups.length === 0) return `${title}\n  (none done, skipped, declined or overdue)\n`;
  const header = ['salesperson', 'done', 'overdue', 'skipped', 'declined'];
  const rows = report.followups.map((row) => [row.salesperson, String(row.done), String(row.overdue), String(row.skipped), String(row.declined)]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => '  ' + cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  return `${title}\n${[line(header), ...rows.map(line)].join('\n')}\n`;
}
