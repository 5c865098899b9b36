// Finding the files a command is given (folders searched for names with given endings), apart
// from reading playbooks, so a command that reads only case files (closer report) does not load
// the playbook parser and everything it needs at start-up.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isFileError } from './file-errors.ts';

/** A path that could not be read, and why. */
export interface UnreadablePath {
  path: string;
  error: NodeJS.ErrnoException;
}

/**
 * Expand folders to the files below them whose names end with one of `suffixes` (sorted); files
 * are kept as given. A path or a sub-folder that cannot be read is returned in `unreadable`, and
 * the rest are still found.
 */
export async function findFilesReporting(paths: readonly string[], suffixes: readonly string[]): Promise<{ files: string[]; unreadable: UnreadablePath[] }> {
  const found: string[] = [];
  const unreadable: UnreadablePath[] = [];
  const walk = async (folder: string) => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (!isFileError(error)) throw error;
      unreadable.push({ path: folder, error });
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      // Symbolic links inside folders are not followed: a link to a parent folder would loop.
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && suffixes.some((suffix) => entry.name.endsWith(suffix))) found.push(full);
    }
  };
  for (const given of paths) {
    try {
      const info = await stat(given);
      if (info.isDirectory()) await walk(given);
      else found.push(given);
    } catch (error) {
      if (!isFileError(error)) throw error;
      unreadable.push({ path: given, error });
    }
  }
  return { files: [...new Set(found)].sort(), unreadable };
}

/** As findFilesReporting, throwing the first file-system error; for commands that stop on one. */
export async function findFiles(paths: readonly string[], suffixes: readonly string[]): Promise<string[]> {
  const { files, unreadable } = await findFilesReporting(paths, suffixes);
  if (unreadable.length > 0) throw unreadable[0]!.error;
  return files;
}
