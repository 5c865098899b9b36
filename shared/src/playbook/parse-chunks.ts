import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { findNode, type NodeRange, type Path } from './yaml-nodes.ts';

/**
 * Parsing a playbook in pieces, so an author typing in a 2,000-reply playbook does not wait for
 * the whole file to be parsed again at every keystroke: each top-level key is a piece, and a
 * top-level block sequence (objections, replies, stories…) is cut further into its items. Pieces
 * are parsed with the same `yaml` document API and remembered by their text, so only the piece
 * being edited is parsed again. Anything unusual (a YAML error or warning in a piece, document
 * markers, a sequence at column 0, an alias reaching across pieces, a repeated top-level key)
 * gives `undefined`, and the caller parses the whole file, which reports such things exactly.
 */
export interface ChunkedPlaybook {
  data: Record<string, unknown>;
  nodeRange(path: Path, wantKey: boolean): NodeRange | undefined;
}

const OPTIONS = { uniqueKeys: true, prettyErrors: false, strict: true } as const;
const MAX_ALIAS_COUNT = 200;
const CACHE_LIMIT = 50_000;
const cache = new Map<string, Document>();

function parsePiece(text: string): Document | undefined {
  let doc = cache.get(text);
  if (!doc) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    doc = parseDocument(text, OPTIONS);
    cache.set(text, doc);
  }
  return doc.errors.length === 0 && doc.warnings.length === 0 ? doc : undefined;
}

interface Piece {
  doc: Document;
  offset: number;
}

interface Section {
  key: string;
  /** The whole `key: value` piece, when the value is not cut into items. */
  whole?: Piece;
  /** The `key:` line of a cut sequence, and its items. */
  header?: Piece;
  items?: Piece[];
}

interface Line {
  start: number;
  text: string;
}

const TOP_KEY = /^("[^"]*"|'[^']*'|[^\s#:"'][^:#]*?)\s*:(\s|$)/;
// Lines at column 0 that this splitter does not handle: sequences, directives, document markers,
// complex keys, anchors, aliases, tags, flow collections and block scalars at the top.
const UNHANDLED_TOP = /^[-?%&*!|>[{@`,]|^\.\.\./;
const BLANK_OR_COMMENT = /^\s*(#.*)?$/;

export function parseInChunks(text: string, lineStarts: number[]): ChunkedPlaybook | undefined {
  const lines: Line[] = [];
  let start = 0;
  for (const next of lineStarts.slice(1)) {
    lines.push({ start, text: text.slice(start, next - 1) });
    start = next;
  }
  if (start < text.length) lines.push({ start, text: text.slice(start) });

  // Cut the file at its top-level keys (lines at column 0 that are not comments).
  const bounds: { from: number; to: number }[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.text;
    if (line === '' || line[0] === ' ' || line[0] === '\t' || line[0] === '#' || line[0] === '\r') continue;
    if (UNHANDLED_TOP.test(line)) return undefined;
    if (!TOP_KEY.test(line)) return undefined;
    if (bounds.length > 0) bounds.at(-1)!.to = index;
    bounds.push({ from: index, to: lines.length });
  }
  if (bounds.length === 0) return undefined;

  const offsetOf = (index: number) => (index < lines.length ? lines[index]!.start : text.length);
  const sections: Section[] = [];
  const data: Record<string, unknown> = {};
  for (const { from, to } of bounds) {
    const section = sectionOf(lines, from, to, text, offsetOf);
    // A key written twice at the top is an error the whole-file parse reports.
    if (!section || Object.hasOwn(data, section.key)) return undefined;
    const key = section.key;
    const value = valueOf(section);
    if (value === undefined) return undefined;
    Object.defineProperty(data, key, { value: value.value, enumerable: true, writable: true, configurable: true });
    sections.push(section);
  }

  return {
    data,
    nodeRange(path, wantKey) {
      const section = sections.find((candidate) => candidate.key === String(path[0]));
      if (path.length === 0 || !section) return [offsetOf(bounds[0]!.from), text.length, text.length];
      if (section.whole) return shifted(section.whole, findNode(section.whole.doc, path, wantKey)?.range);
      const items = section.items!;
      const sequence = (): NodeRange => {
        const first = items[0]!;
        const last = items.at(-1)!;
        const end = (last.doc.contents?.range?.[1] ?? 0) + last.offset;
        return [(first.doc.contents?.range?.[0] ?? 0) + first.offset, end, end];
      };
      if (path.length === 1) return wantKey ? shifted(section.header!, findNode(section.header!.doc, path, true)?.range) : sequence();
      const item = typeof path[1] === 'number' ? items[path[1]] : undefined;
      if (!item) return sequence();
      return shifted(item, findNode(item.doc, [0, ...path.slice(2)], wantKey)?.range);
    },
  };
}

function shifted(piece: Piece, range: readonly number[] | null | undefined): NodeRange | undefined {
  if (!range) return undefined;
  return [range[0]! + piece.offset, range[1]! + piece.offset, range[2]! + piece.offset];
}

/** The key of a piece that holds one `key: value` pair, as the yaml package reads it. */
function keyOf(piece: Piece): string | undefined {
  const contents = piece.doc.contents;
  if (!isMap(contents) || contents.items.length !== 1 || !isScalar(contents.items[0]!.key)) return undefined;
  const key = contents.items[0]!.key.value;
  return typeof key === 'string' ? key : undefined;
}

function sectionOf(lines: Line[], from: number, to: number, text: string, offsetOf: (index: number) => number): Section | undefined {
  const piece = (fromLine: number, toLine: number): Piece | undefined => {
    const offset = offsetOf(fromLine);
    const doc = parsePiece(text.slice(offset, offsetOf(toLine)));
    return doc && { doc, offset };
  };
  const header = lines[from]!.text;
  const afterColon = header.slice(header.indexOf(':') + 1);
  const firstContent = lines.slice(from + 1, to).findIndex((line) => !BLANK_OR_COMMENT.test(line.text));
  const itemIndent = firstContent < 0 ? undefined : /^( +)-( |$)/.exec(lines[from + 1 + firstContent]!.text)?.[1]!.length;
  if (!BLANK_OR_COMMENT.test(afterColon) || itemIndent === undefined) {
    const whole = piece(from, to);
    const key = whole && keyOf(whole);
    return key === undefined ? undefined : { key, whole };
  }
  // A block sequence: every item starts with "-" at the same indentation.
  const starts: number[] = [];
  for (let index = from + 1; index < to; index++) {
    const line = lines[index]!.text;
    if (BLANK_OR_COMMENT.test(line)) continue;
    const indent = line.length - line.trimStart().length;
    if (indent < itemIndent) return undefined;
    if (indent === itemIndent) {
      if (!/^-( |$)/.test(line.slice(indent))) return undefined;
      starts.push(index);
    }
  }
  const headerPiece = piece(from, starts[0]!);
  const key = headerPiece && keyOf(headerPiece);
  if (key === undefined) return undefined;
  const items: Piece[] = [];
  for (let index = 0; index < starts.length; index++) {
    const item = piece(starts[index]!, starts[index + 1] ?? to);
    if (!item || !isSeq(item.doc.contents) || item.doc.contents.items.length !== 1) return undefined;
    items.push(item);
  }
  return { key, header: headerPiece!, items };
}

function valueOf(section: Section): { value: unknown } | undefined {
  try {
    if (section.whole) {
      const value = section.whole.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
      return { value: Object.getOwnPropertyDescriptor(value, section.key)?.value };
    }
    return { value: section.items!.map((item) => (item.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown[])[0]) };
  } catch {
    // An alias bomb or a broken alias: the whole-file parse reports it.
    return undefined;
  }
}
