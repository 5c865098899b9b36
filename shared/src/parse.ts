import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic, Range, Severity } from './diagnostic.ts';
import { PlaybookSchema, type Playbook } from './schema.ts';

export type Path = readonly (string | number)[];

/** Playbooks bigger than this are refused rather than parsed, so a huge file cannot stall an editor. */
export const MAX_PLAYBOOK_BYTES = 2_000_000;
/** YAML aliases are expanded when a playbook is read; more than this is treated as an alias bomb. */
const MAX_ALIAS_COUNT = 200;

export interface ParsedPlaybook {
  file: string;
  text: string;
  /** Set when the file is valid YAML and matches the schema; lint rules about content need it. */
  playbook?: Playbook;
  /** The plain data read from YAML, whether or not it matches the schema. */
  data?: unknown;
  /** Where the data differs from the schema; the unknown-key and wrong-type rules report these. */
  schemaIssues: z.core.$ZodIssue[];
  /** Problems found while reading the file itself (YAML syntax, size, encoding). */
  diagnostics: Diagnostic[];
  /** The source range of the value at `path`, or of its key with `{ key: true }`. */
  locate(path: Path, options?: { key?: boolean }): Range;
  /** The source range of `needle` inside the scalar at `path`, falling back to the whole value. */
  locateText(path: Path, needle: string): Range;
}

export function parsePlaybook(text: string, file: string): ParsedPlaybook {
  const lineCounter = new LineCounter();
  const startOfFile = { line: 1, column: 1, endLine: 1, endColumn: 2 };
  const rangeOf = (start: number, end: number): Range => {
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(Math.max(end, start + 1));
    return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
  };
  const result: ParsedPlaybook = {
    file,
    text,
    schemaIssues: [],
    diagnostics: [],
    locate: () => startOfFile,
    locateText: () => startOfFile,
  };
  const report = (range: Range, severity: Severity, rule: string, message: string) =>
    result.diagnostics.push({ file, ...range, severity, rule, message });

  if (text.length > MAX_PLAYBOOK_BYTES) {
    const megabytes = (text.length / 1_000_000).toFixed(1);
    report(startOfFile, 'error', 'yaml-syntax', `the file is ${megabytes} MB; a playbook may be at most 2 MB — split it into several playbooks`);
    return result;
  }
  if (text.includes('\u0000')) {
    report(startOfFile, 'error', 'yaml-syntax', 'the file looks binary (it contains NUL bytes); a playbook is a YAML text file');
    return result;
  }

  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  result.locate = (path, options) => {
    const node = findNode(doc, path, options?.key ?? false);
    return node?.range ? rangeOf(node.range[0], node.range[1]) : startOfFile;
  };
  result.locateText = (path, needle) => {
    const node = findNode(doc, path, false);
    if (!node?.range) return startOfFile;
    const index = text.slice(node.range[0], node.range[2]).indexOf(needle);
    if (index < 0) return rangeOf(node.range[0], node.range[1]);
    const start = node.range[0] + index;
    return rangeOf(start, start + needle.length);
  };

  for (const error of [...doc.errors, ...doc.warnings]) {
    const [start, end] = error.pos;
    report(rangeOf(start, end), error.name === 'YAMLWarning' ? 'warning' : 'error', 'yaml-syntax', describeYamlError(error));
  }
  if (doc.errors.length > 0) return result;
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    report(startOfFile, 'error', 'yaml-syntax', 'the file has no content; a playbook needs at least an "id" and a "title"');
    return result;
  }

  try {
    result.data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const bomb = error instanceof ReferenceError && /alias/i.test(error.message);
    report(startOfFile, 'error', 'yaml-syntax', bomb
      ? 'the file expands YAML aliases (*name) too many times; write the items out instead of repeating aliases'
      : `the file could not be read as YAML: ${String(error)}`);
    return result;
  }
  const parsed = PlaybookSchema.safeParse(result.data);
  if (parsed.success) result.playbook = parsed.data;
  else result.schemaIssues = parsed.error.issues;
  return result;
}

function findNode(doc: Document, path: Path, wantKey: boolean): Node | undefined {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return node;
      keyNode = pair.key;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      keyNode = node.items[segment];
      node = node.items[segment];
    } else {
      return node as Node | undefined;
    }
  }
  return (wantKey ? keyNode ?? node : node) as Node | undefined;
}

/** Plain-language wording for the YAML mistakes authors make most; the parser's own text otherwise. */
function describeYamlError(error: YAMLError): string {
  const first = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML needs spaces here';
    case 'DUPLICATE_KEY':
      return 'this key appears twice in the same block; keep one';
    case 'BAD_INDENT':
      return `the indentation does not line up (${first})`;
    case 'MISSING_CHAR':
      return `something is missing here (${first}) — check quotes and brackets`;
    default:
      return `this is not valid YAML: ${first}`;
  }
}
