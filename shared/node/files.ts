import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_PLAYBOOK_BYTES, parsePlaybook, type ParsedPlaybook } from '../src/index.ts';

export const PLAYBOOK_SUFFIX = '.playbook.yaml';

/** The repository's default playbooks, used when a command is given no paths. */
export function defaultPlaybooksDir(): string {
  // Two levels up from shared/node/ (sources) and from shared/.cache/ (the compiled CLI) alike.
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../playbooks');
}

/** Expand folders to the files below them whose names end with one of `suffixes` (sorted); files are kept as given. */
export async function findFiles(paths: readonly string[], suffixes: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const given of paths) {
    const info = await stat(given);
    if (!info.isDirectory()) {
      found.push(given);
      continue;
    }
    const entries = await readdir(given, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (entry.isFile() && suffixes.some((suffix) => entry.name.endsWith(suffix))) found.push(path.join(entry.parentPath, entry.name));
    }
  }
  return [...new Set(found)].sort();
}

export function findPlaybookFiles(paths: readonly string[]): Promise<string[]> {
  return findFiles(paths, [PLAYBOOK_SUFFIX]);
}

/** Turn raw bytes into text, or explain why they are not a playbook's text. */
export function decodePlaybookBytes(bytes: Uint8Array, file: string): ParsedPlaybook | string {
  if (bytes.length > MAX_PLAYBOOK_BYTES) return parsePlaybook('x'.repeat(MAX_PLAYBOOK_BYTES + 1), file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const parsed = parsePlaybook('', file);
    parsed.diagnostics = [{
      file, line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error', rule: 'yaml-syntax',
      message: 'the file is not UTF-8 text; save it as UTF-8 (most editors offer this under "Save with encoding")',
    }];
    return parsed;
  }
}

/** Read and parse playbooks; a file that cannot be read becomes a diagnostic, never an exception. */
export async function loadPlaybookFiles(paths: readonly string[], relativeTo = process.cwd()): Promise<ParsedPlaybook[]> {
  const files = await findPlaybookFiles(paths);
  return Promise.all(
    files.map(async (file) => {
      const name = path.relative(relativeTo, file) || file;
      const decoded = decodePlaybookBytes(await readFile(file), name);
      return typeof decoded === 'string' ? parsePlaybook(decoded, name) : decoded;
    }),
  );
}
