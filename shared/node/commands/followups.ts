import { readFileSync } from 'node:fs';
import path from 'node:path';
// The case modules one by one, not the core's index: listing follow-ups loads no YAML parser,
// linter, search or pinyin, and starts quickly.
import { LOSS_REASONS } from '../../src/cases/case-format.ts';
import type { CaseProblem } from '../../src/cases/case-line.ts';
import { FollowupCaseReader } from '../../src/cases/followup-cases.ts';
import { dueFollowupsOfCustomers, type DueFollowup } from '../../src/cases/followups.ts';
import type { PlanCase } from '../../src/cases/plan-case.ts';
import { dateInZone, instantOf, isTimeZone, utcTime, wallClockOf } from '../../src/cases/zoned-time.ts';
import type { Bundle } from '../../src/playbook/bundle.ts';
import { parseCommandArgs, parseLanguage } from '../args.ts';
import { printCaseProblems } from '../case-problems.ts';
import { CASE_SUFFIXES, caseFileText } from '../case-file-text.ts';
import { fileErrorMessage, isFileError } from '../file-errors.ts';
import { findFilesReporting } from '../find-files.ts';
import { EXIT, UsageError, type Command, type Io } from '../io.ts';
import { bundleForCommand } from '../load-bundle.ts';
import { useMachineZone } from '../machine-zone.ts';


export const followups: Command = {
  name: 'followups',
  usage: `closer followups [--json] [--on DATE] [--tz ZONE] [--lang LANG] [--bundle FILE] CASES.jsonl…

Lists the follow-ups of the playbooks' revisit plan that are due on DATE (default today) over
the cases in the files (JSON Lines; folders are searched for *.jsonl; a case in several files
counts once, its newest copy), so an ops author can check the plan against real cases: what is
due, for which customer and case, why, and the approved text to send. Overdue ones (up to two
weeks) are listed too; a follow-up done, skipped or declined is not; a snoozed one comes back
when its snooze ends; a customer who declined three times (or the playbooks' number), or whose
case was lost for a stop reason, gets none. Days are calendar days in ZONE, so a
daylight-saving change does not move the hour. A bad line or an unreadable file is named; the
other files are still read. Without --bundle, the repository's playbooks/.

Options:
  --json         print a JSON array of {"case", "customer", "rule", "due", "reason", "reply",
                 "text"} (due is an ISO time)
  --on DATE      the day to list, YYYY-MM-DD in ZONE (default today)
  --tz ZONE      the time zone days are counted in, e.g. Asia/Shanghai (default this
                 machine's zone)
  --lang LANG    the language of reasons and stories, and which reply a rule with a send
                 per language sends: zh-CN or en (default zh-CN)
  --bundle FILE  a bundle written by "closer build"
  -h, --help     show this help
Exit code: 0 all files read, 1 some lines or files were bad (the list is still printed) or the
bundle or playbooks cannot be used, 2 usage error.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      on: { type: 'string' },
      tz: { type: 'string' },
      lang: { type: 'string' },
      bundle: { type: 'string' },
    });
    if (positionals.length === 0) throw new UsageError('give one or more case files (JSON Lines) or folders');
    const timeZone = values.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (values.tz !== undefined && io.ownsProcess) useMachineZone(values.tz);
    if (!isTimeZone(timeZone)) throw new UsageError(`--tz "${timeZone}" is not a time zone; write an IANA name such as Asia/Shanghai, America/New_York or UTC`);
    const on = values.on === undefined ? new Date() : new Date(instantOf({ ...parseDate(values.on), hour: 12, minute: 0, second: 0, millisecond: 0 }, timeZone));
    const language = parseLanguage(values.lang) ?? 'zh-CN';

    const bundle = await bundleForCommand(values.bundle, io);
    if ('problem' in bundle) {
      io.stderr(`closer followups: ${bundle.problem}\n`);
      return EXIT.problems;
    }
    const read = await readCaseFiles(positionals, io, lossReasonsOf(bundle));
    const due = dueFollowupsOfCustomers(read.customers, bundle, { on, timeZone, language, nextRung: false });

    printCaseProblems(read.problems, io.stderr);
    if (values.json) io.stdout(JSON.stringify(due.map(contractJson), null, 2) + '\n');
    else io.stdout(formatFollowups(due, timeZone));
    const errors = read.problems.filter((problem) => problem.severity === 'error').length;
    if (read.files === 0 && errors === 0) io.stderr(`no case files (*.jsonl) found in ${positionals.join(', ')}\n`);
    io.stderr(`${read.files} file(s), ${read.cases} case(s), ${errors} bad line(s) or file(s); ${due.length} follow-up(s) due on ${dateInZone(on.getTime(), timeZone)} (${timeZone})\n`);
    return errors > 0 ? EXIT.problems : EXIT.ok;
  },
};

/** The loss reasons the team uses: the defaults, their own (followups.reasons), and any the plan names. */
function lossReasonsOf(bundle: Bundle): string[] {
  const reasons = new Set<string>(LOSS_REASONS);
  for (const { playbook } of bundle.playbooks) for (const reason of playbook.followups?.reasons ?? []) reasons.add(reason);
  for (const reason of bundle.followups.stop.lossReasons) reasons.add(reason);
  for (const rule of bundle.followups.rules) for (const reason of rule.lossReasons ?? []) reasons.add(reason);
  return [...reasons];
}

/** YYYY-MM-DD, a real calendar date. */
function parseDate(text: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const check = new Date(utcTime(year, month - 1, day, 0, 0, 0));
  if (!match || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new UsageError(`--on "${text}" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-03`);
  }
  return { year, month, day };
}

/**
 * The cases of every file, merged, as the plan reads them, grouped by customer; a file that cannot be read is a problem naming it (and why),
 * and the other files are still read, so one bad export does not hide the team's plan.
 */
async function readCaseFiles(paths: readonly string[], io: Io, reasons: readonly string[]): Promise<{ files: number; customers: PlanCase[][]; cases: number; problems: CaseProblem[] }> {
  const nameOf = (file: string) => {
    const relative = path.relative(io.cwd, file);
    return relative === '' || relative.startsWith('..') ? file : relative;
  };
  const { files, unreadable } = await findFilesReporting(paths.map((given) => path.resolve(io.cwd, given)), CASE_SUFFIXES);
  const reader = new FollowupCaseReader({ reasons });
  for (const { path: given, error } of unreadable) reader.addProblem({ file: nameOf(given), line: 1, severity: 'error', message: `cannot be read: ${fileErrorMessage(error)}; skipped` });
  let read = 0;
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      if (!isFileError(error)) throw error;
      reader.addProblem({ file: nameOf(file), line: 1, severity: 'error', message: `cannot be read: ${fileErrorMessage(error)}; skipped` });
      continue;
    }
    read++;
    const decoded = caseFileText(bytes);
    if ('problem' in decoded) {
      reader.addProblem({ file: nameOf(file), line: 1, severity: 'error', message: decoded.problem });
      continue;
    }
    reader.addFile(decoded.parts, decoded.utf8, nameOf(file));
  }
  // The case schema (zod) is loaded only when some line needs its verdict.
  if (reader.asksSchema) reader.settle((await import('../../src/cases/case-schema-verdict.ts')).schemaVerdict);
  return { files: read, ...reader.result() };
}


function contractJson({ case: id, customer, rule, due, reason, reply, text }: DueFollowup) {
  return { case: id, customer, rule, due, reason, reply, text };
}

/** The list for a terminal: one line per follow-up (its due time on the zone's clock), then why and what to send. */
export function formatFollowups(due: readonly DueFollowup[], timeZone: string): string {
  if (due.length === 0) return 'nothing due\n';
  const rows = due.map((item) => [clockText(item.due, timeZone), item.state, item.customer || '(no name)', item.salesperson, item.rule, item.reply]);
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const out: string[] = [];
  due.forEach((item, index) => {
    out.push(rows[index]!.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
    out.push(`    ${item.reason}`);
    if (item.text) out.push(`    ${item.text.replace(/\n/g, '\n    ')}`);
    else out.push(`    (no text: "${item.reply}" is not a reply or story of the bundle)`);
    out.push(`    case ${item.case}`);
  });
  return out.join('\n') + '\n';
}

function clockText(iso: string, timeZone: string): string {
  const instant = Date.parse(iso);
  const wall = wallClockOf(instant, timeZone);
  return `${dateInZone(instant, timeZone)} ${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
}
