import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compactCorpus, parseCorpusTsv, withBaseModel, type BaseCorpus, type CorpusProblem, type CorpusRow } from '../src/index.ts';

export const BASE_CORPUS_NAME = 'closer-base';

/** The folder of the core's base intent corpus (from shared/node/ sources and shared/.cache/ alike). */
export function baseCorpusDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/engine/base-intents');
}

/** Every row of the base corpus and every problem found, file by file in name order. */
export function readBaseCorpusRows(dir = baseCorpusDir()): { rows: CorpusRow[]; problems: CorpusProblem[] } {
  const rows: CorpusRow[] = [];
  const problems: CorpusProblem[] = [];
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.tsv')).sort()) {
    const parsed = parseCorpusTsv(readFileSync(path.join(dir, name), 'utf8'), path.join(path.relative(process.cwd(), dir) || '.', name));
    rows.push(...parsed.rows);
    problems.push(...parsed.problems);
  }
  return { rows, problems };
}

let cached: BaseCorpus | undefined;

/** The base corpus as bundles carry it, with what the classifier learns from it compiled in. Read once per process. */
export function loadBaseCorpus(): BaseCorpus {
  cached ??= withBaseModel(compactCorpus(readBaseCorpusRows().rows, BASE_CORPUS_NAME));
  return cached;
}
