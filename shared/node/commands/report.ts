// The case modules themselves, not the core's index, and the follow-up and CouchDB parts loaded
// only when asked for: a report over files then starts without the playbook parser, search,
// pinyin or the HTTP client (a third of its CPU time over 100,000 cases before), and over files
// in Closer's own form without the full case reader or zod.
import { LOSS_REASONS } from '../../src/cases/case-format.ts';
import { filterCases, type CaseFilter } from '../../src/cases/filter.ts';
import type { CaseProblem } from '../../src/cases/jsonl.ts';
import { caseReport, type CaseReport, type Duration } from '../../src/cases/report.ts';
import type { Rate } from '../../src/cases/wilson.ts';
import { INTENTS, type Intent } from '../../src/playbook/ids.ts';
import type { FollowupReport } from './report-followups.ts';
import { parseCommandArgs } from '../args.ts';
import { loadCaseFiles, reportCaseFiles } from '../case-files.ts';
import { EXIT, UsageError, type Command } from '../io.ts';


export const report: Command = {
  name: 'report',
  usage: `closer report [--json] FILES…
closer report [--json] --couch URL [--user NAME --password PASS]

Reads case files (JSON Lines; folders are searched for *.jsonl), merges them (a case in
several files counts once, its newest copy) and prints the win rate by intent met, by reply
used and by the furthest golden-model step reached, each with its 95% interval, the top
loss reasons and the time to close. A bad line is reported with its line number; the rest
of the file is still read.

With --couch, the cases are read from a CouchDB database instead (the team database that
"closer team setup" makes, e.g. https://couch.example.com/closer-team): the same figures as
over the same cases pulled into a file ("closer cases pull"). A document that is not a valid
case is named by its id; the others are still counted.

Options:
  --json               print the figures as one JSON object
  --couch URL          read the cases from this CouchDB database instead of files
  --user NAME          the CouchDB user (default CLOSER_COUCH_USER, or the user in the URL)
  --password PASS      their password (default CLOSER_COUCH_PASSWORD)
  --replies N          how many replies to list in the text tables (default 20, 0 = all)
  --reasons LIST       the team's extra loss reasons, comma-separated (added to
                       ${LOSS_REASONS.join(', ')})
  --salesperson NAME   only this salesperson's cases
  --product NAME       only cases of this product
  --intent ID          only cases where the customer showed this intent
  --from DATE          only cases created on or after DATE (YYYY-MM-DD, UTC)
  --to DATE            only cases created on or before DATE
  --bundle FILE        a bundle written by "closer build": its revisit plan gives the follow-up
                       figures, its tag tree the source of a case tagged only with one; tags on
                       cases that the tree no longer has are named on stderr (unknownTags in --json)
  --followups          follow-up figures with the repository's playbooks' plan (no --bundle)
  --tz ZONE            the time zone follow-up days are counted in (default this machine's)
  -h, --help           show this help
Exit code: 0 all lines read, 1 some lines or documents were bad (figures still printed) or the
server refused or failed, 2 usage error.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      replies: { type: 'string' },
      reasons: { type: 'string' },
      salesperson: { type: 'string' },
      product: { type: 'string' },
      intent: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      couch: { type: 'string' },
      user: { type: 'string' },
      password: { type: 'string' },
      bundle: { type: 'string' },
      followups: { type: 'boolean' },
      tz: { type: 'string' },
    });
    if (positionals.length === 0 && values.couch === undefined) throw new UsageError('give one or more case files (JSON Lines) or folders, or --couch URL');
    if (positionals.length > 0 && values.couch !== undefined) throw new UsageError('give case files or --couch URL, not both');
    const replyRows = values.replies === undefined ? 20 : Number(values.replies);
    if (!Number.isInteger(replyRows) || replyRows < 0) throw new UsageError(`--replies wants a whole number, not "${values.replies}"`);
    if (values.intent !== undefined && !(INTENTS as readonly string[]).includes(values.intent)) {
      throw new UsageError(`--intent "${values.intent}" is not an intent; use one of ${INTENTS.join(', ')}`);
    }
    for (const name of ['from', 'to'] as const) {
      if (values[name] !== undefined && Number.isNaN(Date.parse(values[name]!))) throw new UsageError(`--${name} "${values[name]}" is not a date; write it as YYYY-MM-DD`);
    }
    const extra = (values.reasons ?? '').split(',').map((reason) => reason.trim()).filter(Boolean);
    const options = { cwd: io.cwd, reasons: [...LOSS_REASONS, ...extra] };
    const filter: CaseFilter = { salesperson: values.salesperson, product: values.product, intent: values.intent as Intent | undefined, from: values.from, to: values.to };
    const filtered = Object.values(filter).some((value) => value !== undefined);
    if (values.couch !== undefined) {
      const { reportFromCouch } = await import('./report-couch.ts');
      const followups = values.bundle !== undefined || values.followups ? { bundle: values.bundle, timeZone: values.tz } : undefined;
      return reportFromCouch({ url: values.couch, user: values.user, password: values.password, json: values.json, replyRows, reasons: options.reasons, filter, filtered, followups }, io, formatReport);
    }
    // The follow-up figures need the plan and every case at once; the other figures come along.
    let followupReport: FollowupReport | undefined;
    if (values.bundle !== undefined || values.followups) {
      const { followupFiguresOf } = await import('./report-followups.ts');
      const counted = await followupFiguresOf(positionals, { bundle: values.bundle, timeZone: values.tz, filter, reasons: options.reasons }, io);
      if ('problem' in counted) {
        io.stderr(`closer report: ${counted.problem}\n`);
        return EXIT.problems;
      }
      followupReport = counted;
    }
    // Without filters, the figures are counted as the files are read, holding only a digest of each case.
    let loaded: { files: string[]; problems: CaseProblem[]; count: number; drillResults: number };
    let shown: number;
    let figures: CaseReport;
    if (followupReport) {
      ({ loaded, shown, figures } = followupReport);
    } else if (filtered) {
      const all = await loadCaseFiles(positionals, options);
      const kept = filterCases(all.cases, filter);
      loaded = { files: all.files, problems: all.problems, count: all.cases.length, drillResults: all.drillResults };
      shown = kept.length;
      figures = caseReport(kept);
    } else {
      const read = await reportCaseFiles(positionals, options);
      loaded = { files: read.files, problems: read.problems, count: read.cases, drillResults: read.drillResults };
      shown = read.cases;
      figures = read.report;
    }

    // Loaded only when there are problems to print: it brings the full case reader, and with it zod.
    if (loaded.problems.length > 0) (await import('../case-problems.ts')).printCaseProblems(loaded.problems, io.stderr);
    if (followupReport) io.stderr((await import('./report-followups.ts')).unknownTagNotes(followupReport));
    const followupFields = followupReport ? { followups: followupReport.followups, unknownTags: followupReport.unknownTags } : {};
    if (values.json) io.stdout(JSON.stringify({ ...figures, ...followupFields, files: loaded.files.length, problems: loaded.problems, drillResults: loaded.drillResults }, null, 2) + '\n');
    else io.stdout(formatReport(figures, replyRows) + (followupReport ? '\n' + (await import('./report-followups.ts')).formatFollowupFigures(followupReport) : ''));
    const errors = loaded.problems.filter((problem) => problem.severity === 'error').length;
    if (loaded.files.length === 0) io.stderr(`no case files (*.jsonl) found in ${positionals.join(', ')}\n`);
    // Drill results share the exported files; they are named, not counted as cases or as bad lines.
    const drills = loaded.drillResults > 0 ? `, ${loaded.drillResults} drill result(s) skipped` : '';
    io.stderr(`${loaded.files.length} file(s), ${loaded.count} case(s)${filtered ? `, ${shown} after filters` : ''}, ${errors} bad line(s)${drills}\n`);
    return errors > 0 ? EXIT.problems : EXIT.ok;
  },
};


/** The figures as plain-text tables, for a terminal. */
export function formatReport(figures: CaseReport, replyRows = 20): string {
  const { totals } = figures;
  const out: string[] = [];
  const period = totals.from && totals.to ? ` created ${totals.from.slice(0, 10)} to ${totals.to.slice(0, 10)}` : '';
  out.push(`${totals.cases} case(s)${period}: ${totals.won} won, ${totals.lost} lost, ${totals.open} open`);
  out.push(`win rate ${rateText(totals.winRate)} of ${totals.winRate.cases} closed; amount won ${totals.amountWon.toLocaleString('en-US')}`);
  out.push('');
  out.push(section('Win rate by intent met', 'intent', figures.byIntent.map((row) => [row.intent, row])));
  const replies = replyRows === 0 ? figures.byReply : figures.byReply.slice(0, replyRows);
  const more = figures.byReply.length - replies.length;
  out.push(section(`Win rate by reply used${more > 0 ? ` (the ${replies.length} most used; ${more} more with --replies 0)` : ''}`, 'reply', replies.map((row) => [row.reply, row])));
  // Only replies someone inserted as a model's adaptation: the question is whether adapting pays.
  const compared = figures.byReply.filter((row) => row.adapted.cases > 0);
  if (compared.length > 0) {
    out.push('Adapted vs verbatim use of the same reply (a case with both counts in both)');
    out.push(table(['reply', 'adapted', 'won', 'rate', 'verbatim', 'won', 'rate'], compared.map((row) => [
      row.reply, String(row.adapted.cases), String(row.adapted.wins), percent(row.adapted.rate),
      String(row.verbatim.cases), String(row.verbatim.wins), row.verbatim.cases > 0 ? percent(row.verbatim.rate) : '-',
    ])));
  }
  out.push(section('Win rate by furthest golden-model step', 'step', figures.byStep.map((row) => [row.step, row])));
  out.push('Top loss reasons');
  out.push(table(['reason', 'cases', 'share', ''], figures.lossReasons.map((row) => [row.reason, String(row.cases), percent(row.share), bar(row.share)])));
  out.push(tagSection('Win rate and repurchase by customer tag', 'tag', figures.byTag.map((row) => [row.tag, row])));
  out.push(tagSection('Win rate and repurchase by source', 'source', figures.bySource.map((row) => [row.source, row])));
  out.push('Time to close (from the case\'s start)');
  out.push(table(['outcome', 'cases', 'median', 'mean', '90%'], (['won', 'lost'] as const).map((outcome) => durationRow(outcome, figures.timeToClose[outcome]))));
  if (figures.timeToClose.leftOut > 0) out.push(`  ${figures.timeToClose.leftOut} closed case(s) left out: their dates are out of order or out of range (the warnings above name their lines)\n`);
  return out.join('\n');
}

function section(title: string, label: string, rows: [string, Rate][]): string {
  if (rows.length === 0) return `${title}\n  (no closed cases)\n`;
  return `${title}\n${table([label, 'cases', 'won', 'rate', '95% interval', ''], rows.map(([name, rate]) => [name, String(rate.cases), String(rate.wins), percent(rate.rate), `${percent(rate.low)}–${percent(rate.high)}`, bar(rate.rate, rate.low, rate.high)]))}`;
}

/** Win rate over the closed cases with the tag; repurchase over its customers who bought (bought again / bought). */
function tagSection(title: string, label: string, rows: [string, Rate & { repurchase: Rate }][]): string {
  if (rows.length === 0) return `${title}\n  (no tagged cases)\n`;
  return `${title}\n${table([label, 'cases', 'won', 'rate', 'buyers', 'again', 'repurchase'], rows.map(([name, rate]) => [
    name, String(rate.cases), String(rate.wins), rate.cases > 0 ? percent(rate.rate) : '-', String(rate.repurchase.cases), String(rate.repurchase.wins), rate.repurchase.cases > 0 ? percent(rate.repurchase.rate) : '-',
  ]))}`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => '  ' + cells.map((cell, column) => (column === 0 || column === cells.length - 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

const BAR = 20;

/** A bar of the rate, with the interval shown as light shading around it. */
function bar(rate: number, low = rate, high = rate): string {
  const at = (value: number) => Math.round(value * BAR);
  return Array.from({ length: BAR }, (_, index) => (index < at(rate) ? (index < at(low) ? '█' : '▓') : index < at(high) ? '░' : ' ')).join('').trimEnd();
}

function rateText(rate: Rate): string {
  return `${percent(rate.rate)} (95% ${percent(rate.low)}–${percent(rate.high)})`;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function durationRow(outcome: string, duration: Duration | null): string[] {
  if (!duration) return [outcome, '0', '-', '-', '-'];
  return [outcome, String(duration.cases), humanDuration(duration.median), humanDuration(duration.mean), humanDuration(duration.p90)];
}

function humanDuration(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours < 1) return `${Math.round(ms / 60_000)} min`;
  if (hours < 48) return `${hours.toFixed(1)} h`;
  return `${(hours / 24).toFixed(1)} d`;
}
