import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_PLAYBOOK_BYTES, oversizedPlaybook, parsePlaybook, type ParsedPlaybook } from '../src/index.ts';
import { mapBounded } from './concurrency.ts';
import { findFiles, findFilesReporting } from './find-files.ts';
import { fileErrorMessage, isFileError } from './file-errors.ts';
import { sharedDir } from './shared-dir.ts';

export const PLAYBOOK_SUFFIX = '.playbook.yaml';
/** Files read at once: well under the common limit of 1,024 open files, enough to keep the disk busy. */
const OPEN_AT_ONCE = 64;

/** The repository's default playbooks, used when a command is given no paths. */
export function defaultPlaybooksDir(): string {
  return path.resolve(sharedDir(), '../playbooks');
}

export { findFiles, findFilesReporting, type UnreadablePath } from './find-files.ts';

export function findPlaybookFiles(paths: readonly string[]): Promise<string[]> {
  return findFiles(paths, [PLAYBOOK_SUFFIX]);
}

/** Turn raw bytes into text, or explain why they are not a playbook's text. */
export function decodePlaybookBytes(bytes: Uint8Array, file: string): ParsedPlaybook | string {
  if (bytes.length > MAX_PLAYBOOK_BYTES) return oversizedPlaybook(file, bytes.length);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return unreadablePlaybook(file, 'the file is not UTF-8 text; save it as UTF-8 (most editors offer this under "Save with encoding")');
  }
}

function unreadablePlaybook(file: string, message: string): ParsedPlaybook {
  const parsed = parsePlaybook('', file);
  parsed.diagnostics = [{ file, line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error', rule: 'yaml-syntax', message }];
  return parsed;
}

/**
 * Read and parse playbooks, a bounded number at a time; a file or folder that cannot be read
 * becomes a diagnostic for it, never an exception, and the others are still read.
 */
export async function loadPlaybookFiles(paths: readonly string[], relativeTo = process.cwd()): Promise<ParsedPlaybook[]> {
  const { files, unreadable } = await findFilesReporting(paths, [PLAYBOOK_SUFFIX]);
  const nameOf = (file: string) => path.relative(relativeTo, file) || file;
  const parsed = await mapBounded(files, OPEN_AT_ONCE, async (file) => {
    const name = nameOf(file);
    try {
      // The size first: a 55 MB file is refused without reading it.
      const info = await stat(file);
      if (info.size > MAX_PLAYBOOK_BYTES) return oversizedPlaybook(name, info.size);
      const decoded = decodePlaybookBytes(await readFile(file), name);
      return typeof decoded === 'string' ? parsePlaybook(decoded, name) : decoded;
    } catch (error) {
      if (!isFileError(error)) throw error;
      return unreadablePlaybook(name, `the file cannot be read: ${fileErrorMessage(error)}`);
    }
  });
  return [...unreadable.map(({ path: given, error }) => unreadablePlaybook(nameOf(given), `the ${given.endsWith(PLAYBOOK_SUFFIX) ? 'file' : 'folder'} cannot be read: ${fileErrorMessage(error)}`)), ...parsed];
}
