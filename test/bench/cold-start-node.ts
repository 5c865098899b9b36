// Cold start in Node (issue 12): a process that reads a bundle file of 100,000 generated replies
// and answers one suggestion, or one search, as `closer suggest --bundle` and `closer search
// --bundle` do. Each figure is a fresh process (so no index is cached), timed from reading the
// file to the answer; module loading is left out (the CLI's start is the lead's bench). The old
// format (no precompiled part, read with loadBundle's full check, as every start did before) is
// computed beside the precompiled one (openBundle, indexes read, not rebuilt). Figures are
// printed with the goal, never asserted.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundleText, contentHashOf, loadBundle, openBundle, precompileBundle, searchPlaybooks, suggestReplies, type Bundle } from '@closer/shared';
import { bundleForCommand, type Io } from '@closer/shared/node';
import { defaultBundle } from '../eval/evaluate.ts';
import { generatedBundle } from './_generated-bundle.ts';

const REPLIES = 100_000;
const GOAL_MS = 2000;

/** In a child process: read the file, open it the given way, answer once; print the milliseconds. */
async function child(file: string, how: How, what: 'suggest' | 'search'): Promise<void> {
  const start = performance.now();
  const bundle = how === 'cli' ? await cliBundle(file) : how === 'old' ? loadBundle(readFileSync(file, 'utf8')) : openBundle(readFileSync(file, 'utf8')).bundle;
  const opened = performance.now();
  if (what === 'suggest') suggestReplies('太贵了，能不能便宜点', { customerMessages: ['你好'] }, bundle);
  else searchPlaybooks('价格太贵怎么回', bundle);
  const done = performance.now();
  process.stdout.write(JSON.stringify({ total: done - start, open: opened - start }));
}

/**
 * The bundle as `closer suggest --bundle` reads a file it checked before: a member at a time,
 * each parsed when the answer first reads it (shared/node/load-bundle.ts).
 */
async function cliBundle(file: string): Promise<Bundle> {
  const io: Io = { stdout: () => {}, stderr: () => {}, lines: async function* () {}, cwd: process.cwd() };
  const bundle = await bundleForCommand(file, io);
  if ('problem' in bundle) throw new Error(bundle.problem);
  return bundle;
}

type How = 'old' | 'precompiled' | 'cli';

const childAt = process.argv.indexOf('--child');
if (childAt > 0) {
  const [file, how, what] = process.argv.slice(childAt + 1) as [string, How, 'suggest' | 'search'];
  await child(file, how, what);
  process.exit(0);
}

const dir = mkdtempSync(path.join(tmpdir(), 'closer-cold-'));
try {
  const base = await defaultBundle();
  const generated = generatedBundle(base, REPLIES);
  const { precompiled: _none, ...unhashed } = generated;
  const old: Bundle = { ...unhashed, hash: contentHashOf(unhashed) };
  let start = performance.now();
  const fast = precompileBundle(old);
  const compileMs = performance.now() - start;
  const files = { old: path.join(dir, 'old.json'), precompiled: path.join(dir, 'precompiled.json'), cli: path.join(dir, 'precompiled.json') };
  writeFileSync(files.old, JSON.stringify(old));
  // As closer build writes it: a member a line.
  writeFileSync(files.precompiled, bundleText(fast));
  // The CLI's first start on a file checks it completely and notes it; the figures are of later starts.
  await cliBundle(files.cli);
  const self = fileURLToPath(import.meta.url);
  const run = (how: How, what: 'suggest' | 'search'): { total: number; open: number } =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, '--child', files[how], how, what], { encoding: 'utf8', maxBuffer: 1 << 20 })) as { total: number; open: number };
  const size = (file: string): string => {
    const bytes = statSync(file).size;
    return `${(bytes / 1e6).toFixed(1)} MB on disk, ${(gzipSync(readFileSync(file)).length / 1e6).toFixed(1)} MB gzip`;
  };
  const [load] = (await import('node:os')).loadavg();
  console.log(`cold start in Node, ${REPLIES.toLocaleString('en')} generated replies (load average ${load!.toFixed(1)}; a fresh process per figure, from reading the file to the answer)`);
  console.log(`  bundle: old format ${size(files.old)}; precompiled ${size(files.precompiled)} (closer build's precompiling: ${(compileMs / 1000).toFixed(1)} s)`);
  for (const what of ['suggest', 'search'] as const) {
    const before = run('old', what);
    const after = run('precompiled', what);
    const cli = run('cli', what);
    const label = what === 'suggest' ? 'first suggestion' : 'first search    ';
    console.log(`  ${label}  old format ${before.total.toFixed(0).padStart(6)} ms (of which reading and checking ${before.open.toFixed(0)} ms)   precompiled ${after.total.toFixed(0).padStart(5)} ms (reading ${after.open.toFixed(0)} ms)   goal < ${GOAL_MS} ms (${(after.total / GOAL_MS).toFixed(2)}× of goal)`);
    console.log(`  ${' '.repeat(label.length)}  read as closer ${what} reads a file it checked before (a member at a time, as used): ${cli.total.toFixed(0)} ms (${(cli.total / GOAL_MS).toFixed(2)}× of goal)`);
  }
  start = performance.now();
  openBundle(readFileSync(files.precompiled, 'utf8')).verify();
  console.log(`  the full check left off the path (schema and hash, run later or at import): ${(performance.now() - start).toFixed(0)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
