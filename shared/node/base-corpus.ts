import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedDir } from './shared-dir.ts';
import { compactCorpus, parseCorpusTsv, withBaseModel, type BaseCorpus, type CorpusProblem, type CorpusRow } from '../src/index.ts';

export const BASE_CORPUS_NAME = 'closer-base';

/** The folder of the core's base intent corpus. */
export function baseCorpusDir(): string {
  return path.join(sharedDir(), 'src/engine/base-intents');
}

/** Every row of the base corpus and every problem found, file by file in name order. */
export function readBaseCorpusRows(dir = baseCorpusDir()): { rows: CorpusRow[]; problems: CorpusProblem[] } {
  const rows: CorpusRow[] = [];
  const problems: CorpusProblem[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).filter((file) => file.endsWith('.tsv')).sort();
  } catch (error) {
    // A broken install must not stop a build: intents then come from the playbooks alone, and the CLI says so.
    problems.push({ file: dir, line: 1, message: `the base intent corpus cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); intents are learnt from the playbooks' triggers alone` });
    return { rows, problems };
  }
  for (const name of names) {
    const parsed = parseCorpusTsv(readFileSync(path.join(dir, name), 'utf8'), path.join(path.relative(process.cwd(), dir) || '.', name));
    rows.push(...parsed.rows);
    problems.push(...parsed.problems);
  }
  return { rows, problems };
}

let cached: { corpus: BaseCorpus; problems: CorpusProblem[] } | undefined;

function loaded(): { corpus: BaseCorpus; problems: CorpusProblem[] } {
  if (!cached) {
    const { rows, problems } = readBaseCorpusRows();
    cached = { corpus: withBaseModel(compactCorpus(rows, BASE_CORPUS_NAME)), problems };
  }
  return cached;
}

/** The base corpus as bundles carry it, with what the classifier learns from it compiled in. Read once per process. */
export function loadBaseCorpus(): BaseCorpus {
  return loaded().corpus;
}

/** What was wrong in the base corpus files (their rows were left out), for the CLI to say. */
export function baseCorpusProblems(): readonly CorpusProblem[] {
  return loaded().problems;
}
