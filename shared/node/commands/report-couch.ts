// `closer report --couch URL`: the same figures as `closer report` over the same cases in a file,
// read from a CouchDB database (the team's). The report command hands over its parsed options and
// its text formatter, so both print through the same code.
import { caseReport, filterCases, formatCaseDocumentProblem, mergeCases, type Case, type CaseDocumentProblem, type CaseFilter, type CaseReport } from '../../src/index.ts';
import { CouchError } from '../couch/http.ts';
import { couchCredentials, reportCouchCases, visitCouchCases, type DatabaseCases } from '../couch/read-cases.ts';
import { EXIT, type Io } from '../io.ts';
import { followupReportOf, formatFollowupFigures, planOf, unknownTagNotes, type FollowupReport } from './report-followups.ts';

const MAX_PROBLEMS = 20;

export interface CouchReportOptions {
  url: string;
  user?: string;
  password?: string;
  json?: boolean;
  replyRows: number;
  reasons: readonly string[];
  filter: CaseFilter;
  filtered: boolean;
  /** With --bundle or --followups: the follow-ups per salesperson under that plan, as for files. */
  followups?: { bundle?: string; timeZone?: string };
}

export async function reportFromCouch(options: CouchReportOptions, io: Io, formatReport: (figures: CaseReport, replyRows: number) => string): Promise<number> {
  let read: DatabaseCases;
  let count: number;
  let shown: number;
  let figures: CaseReport;
  let followups: FollowupReport | undefined;
  try {
    const credentials = couchCredentials(options, process.env);
    if (options.followups) {
      // The plan needs every case at once, as with files.
      const plan = await planOf(options.followups, io);
      if ('problem' in plan) {
        io.stderr(`closer report: ${plan.problem}\n`);
        return EXIT.problems;
      }
      const all: Case[] = [];
      read = await visitCouchCases(options.url, credentials, { reasons: options.reasons }, (record) => all.push(record));
      const merged = mergeCases(all);
      followups = followupReportOf({ files: [], cases: merged, problems: [], drillResults: read.drillResults }, plan, options.filter);
      [count, shown, figures] = [merged.length, followups.shown, followups.figures];
    } else if (options.filtered) {
      // As with files: all the cases merged, then filtered.
      const all: Case[] = [];
      read = await visitCouchCases(options.url, credentials, { reasons: options.reasons }, (record) => all.push(record));
      const merged = mergeCases(all);
      const kept = filterCases(merged, options.filter);
      [count, shown, figures] = [merged.length, kept.length, caseReport(kept)];
    } else {
      const counted = await reportCouchCases(options.url, credentials, { reasons: options.reasons });
      [read, count, shown, figures] = [counted, counted.cases, counted.cases, counted.report];
    }
  } catch (error) {
    if (!(error instanceof CouchError)) throw error;
    io.stderr(`closer report: ${error.message}\n`);
    return EXIT.problems;
  }
  printProblems(read.problems, io.stderr);
  if (followups) io.stderr(unknownTagNotes(followups));
  const followupFields = followups ? { followups: followups.followups, unknownTags: followups.unknownTags } : {};
  if (options.json) io.stdout(JSON.stringify({ ...figures, ...followupFields, database: read.database, problems: read.problems, drillResults: read.drillResults }, null, 2) + '\n');
  else io.stdout(formatReport(figures, options.replyRows) + (followups ? '\n' + formatFollowupFigures(followups) : ''));
  const errors = read.problems.filter((problem) => problem.severity === 'error').length;
  const drills = read.drillResults > 0 ? `, ${read.drillResults} drill result(s) skipped` : '';
  io.stderr(`database ${read.database}: ${read.documents} document(s), ${count} case(s)${options.filtered ? `, ${shown} after filters` : ''}, ${errors} bad document(s)${drills}\n`);
  return errors > 0 ? EXIT.problems : EXIT.ok;
}

function printProblems(problems: readonly CaseDocumentProblem[], write: (text: string) => void): void {
  for (const problem of problems.slice(0, MAX_PROBLEMS)) write(formatCaseDocumentProblem(problem) + '\n');
  if (problems.length > MAX_PROBLEMS) write(`… and ${problems.length - MAX_PROBLEMS} more problem(s)\n`);
}
