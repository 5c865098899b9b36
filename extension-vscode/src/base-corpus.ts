// The core's base language of customer intents, shipped beside the extension (the build copies
// shared/src/engine/base-intents/ to dist/base-intents/), so the playground, hovers and "Build
// bundle" learn intents exactly as `closer build` does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compactCorpus, parseCorpusTsv, type BaseCorpus, type CorpusRow } from '@closer/shared';

export const BASE_CORPUS_NAME = 'closer-base';

let cached: BaseCorpus | undefined;

/** The base corpus, read once; an empty one (team triggers only) when the files are missing. */
export function baseCorpus(dir = join(__dirname, 'base-intents')): BaseCorpus {
  if (cached) return cached;
  const rows: CorpusRow[] = [];
  try {
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.tsv')).sort()) rows.push(...parseCorpusTsv(readFileSync(join(dir, name), 'utf8'), name).rows);
  } catch {
    // A packaging mistake must not break authoring: intents then come from the playbooks alone.
  }
  cached = compactCorpus(rows, BASE_CORPUS_NAME);
  return cached;
}
