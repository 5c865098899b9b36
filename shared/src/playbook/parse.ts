import { isScalar, LineCounter, parseDocument, type YAMLError } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic, Range, Severity } from './diagnostic.ts';
import { parseInChunks } from './parse-chunks.ts';
import { PlaybookSchema, type Playbook } from './schema.ts';
import { findNode, type NodeRange, type Path } from './yaml-nodes.ts';
import { findLoneCr, findYamlMistake } from './yaml-mistakes.ts';
import { findTooDeepNesting, MAX_NESTING } from './nesting.ts';

export type { Path } from './yaml-nodes.ts';

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
    report(startOfFile, 'error', 'yaml-syntax', tooBigMessage(text.length));
    return result;
  }
  if (text.includes('\u0000')) {
    report(startOfFile, 'error', 'yaml-syntax', 'the file looks binary (it contains NUL bytes); a playbook is a YAML text file');
    return result;
  }

  const setNodeRanges = (nodeRange: (path: Path, wantKey: boolean) => NodeRange | undefined) => {
    result.locate = (path, options) => {
      const range = nodeRange(path, options?.key ?? false);
      return range ? rangeOf(range[0], range[1]) : startOfFile;
    };
    result.locateText = (path, needle) => {
      const range = nodeRange(path, false);
      if (!range) return startOfFile;
      const index = text.slice(range[0], range[2]).indexOf(needle);
      if (index < 0) return rangeOf(range[0], range[1]);
      return rangeOf(range[0] + index, range[0] + index + needle.length);
    };
  };

  const tooDeep = findTooDeepNesting(text);
  if (tooDeep) {
    report({ line: tooDeep.line, column: tooDeep.column, endLine: tooDeep.line, endColumn: tooDeep.column + 1 }, 'error', 'yaml-syntax',
      `lists and mappings are nested more than ${MAX_NESTING} levels deep here; a playbook needs far fewer — this file is not shaped like a playbook`);
    return result;
  }
  const loneCr = findLoneCr(text);
  if (loneCr) {
    report({ line: loneCr.line, column: loneCr.column, endLine: loneCr.line, endColumn: loneCr.endColumn }, 'error', 'yaml-syntax', loneCr.message);
    return result;
  }

  const chunked = parseInChunks(text, lineStartsOf(text, lineCounter));
  if (chunked) {
    setNodeRanges(chunked.nodeRange);
    result.data = chunked.data;
  } else {
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
    setNodeRanges((path, wantKey) => findNode(doc, path, wantKey)?.range ?? undefined);
    for (const error of syntaxErrorsToReport(doc.errors, text, rangeOf)) report(error.range, 'error', 'yaml-syntax', error.message);
    for (const warning of doc.warnings) report(rangeOf(warning.pos[0], warning.pos[1]), 'warning', 'yaml-syntax', describeYamlError(warning));
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
  }
  const parsed = PlaybookSchema().safeParse(result.data);
  if (parsed.success) result.playbook = parsed.data;
  else result.schemaIssues = parsed.error.issues;
  return result;
}

/** What is said of a file over the size limit, with its real size (in bytes or characters) and the limit. */
export function tooBigMessage(size: number): string {
  const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `the file is ${megabytes(size)}; a playbook may be at most ${megabytes(MAX_PLAYBOOK_BYTES)} — split it into several playbooks`;
}

/** A playbook refused for its size before it was read: `size` is its length in bytes. */
export function oversizedPlaybook(file: string, size: number): ParsedPlaybook {
  const parsed = parsePlaybook('', file);
  parsed.diagnostics = [{ file, line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error', rule: 'yaml-syntax', message: tooBigMessage(size) }];
  return parsed;
}

/** The offset where each line starts, as the yaml package's LineCounter keeps them. */
function lineStartsOf(text: string, lineCounter: LineCounter): number[] {
  lineCounter.lineStarts.length = 0;
  lineCounter.addNewLine(0);
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineCounter.addNewLine(index + 1);
  return lineCounter.lineStarts;
}

/**
 * What to say about a file the yaml package could not read: one diagnostic, on the line the author
 * broke, in plain words. One mistake makes the parser stumble several times, so only the first is
 * reported; keys written twice are independent mistakes and are each reported.
 */
function syntaxErrorsToReport(errors: readonly YAMLError[], text: string, rangeOf: (start: number, end: number) => Range): { range: Range; message: string }[] {
  if (errors.length === 0) return [];
  if (errors.every((error) => error.code === 'DUPLICATE_KEY')) {
    return errors.map((error) => {
      const key = text.slice(error.pos[0], error.pos[1]).trim();
      return { range: rangeOf(error.pos[0], error.pos[1]), message: `"${key}" appears twice in the same block; keep one` };
    });
  }
  const first = errors.reduce((earliest, error) => (error.pos[0] < earliest.pos[0] ? error : earliest));
  const firstRange = rangeOf(first.pos[0], first.pos[1]);
  const mistake = findYamlMistake(text);
  // The parser fails at the broken line or after it, at most the line before (when the broken
  // line reads as going on from the line above); a mistake found further on is not this one.
  if (mistake && mistake.line <= firstRange.line + 1) {
    return [{ range: { line: mistake.line, column: mistake.column, endLine: mistake.line, endColumn: mistake.endColumn }, message: mistake.message }];
  }
  return [{ range: firstRange, message: describeYamlError(first) }];
}

/** Plain-language wording for the parser's own errors, where the line reading above found nothing. */
function describeYamlError(error: YAMLError): string {
  const first = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML needs spaces here';
    case 'DUPLICATE_KEY':
      return 'this key appears twice in the same block; keep one';
    case 'BAD_INDENT':
      return `the indentation does not line up with the lines above, or a "[" or "{" is not closed (${first})`;
    case 'MISSING_CHAR':
      return `something is missing here (${first}) — check quotes, brackets and the ":" after each key`;
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a key must sit on one line with its ":" — check the indentation of this line and the next, and quote a value that itself contains ": "';
    default:
      return `this is not valid YAML: ${first}`;
  }
}
