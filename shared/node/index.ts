// The Node-only part of the core: reading playbook files and the `closer` CLI.
export { decodePlaybookBytes, defaultPlaybooksDir, findFiles, findPlaybookFiles, loadPlaybookFiles, PLAYBOOK_SUFFIX } from './files.ts';
export { baseCorpusDir, baseCorpusProblems, loadBaseCorpus, readBaseCorpusRows } from './base-corpus.ts';
export { runCli, processIo } from './cli.ts';
export type { Command, Io } from './io.ts';
export { bundleForCommand } from './load-bundle.ts';
