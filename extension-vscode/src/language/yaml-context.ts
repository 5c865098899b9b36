// Where the cursor is in a playbook, read from indentation rather than from a YAML parse, because
// completion and hover must work on half-typed lines that are not valid YAML yet.

export type Segment = string | number;

export interface LineShape {
  /** Column of the "- " of a list item, if the line starts one. */
  dash?: number;
  /** Column where the key (or the bare value) starts. */
  indent: number;
  key?: string;
  /** The text after "key:", trimmed; for a list item without a key, the item itself. */
  value: string;
  /** Column where `value` starts. */
  valueColumn: number;
  blank: boolean;
}

const LINE = /^(\s*)(-\s+)?(?:("[^"]*"|'[^']*'|[^\s#'"][^:#]*?)\s*:(?:\s+|$))?(.*)$/;

export function shapeOf(line: string): LineShape {
  if (/^\s*(#.*)?$/.test(line)) return { indent: line.length - line.trimStart().length, value: '', valueColumn: line.length, blank: true };
  const match = LINE.exec(line)!;
  const spaces = match[1]!.length;
  const dash = match[2] ? spaces : undefined;
  const indent = spaces + (match[2]?.length ?? 0);
  const rawKey = match[3];
  const key = rawKey?.replace(/^["']|["']$/g, '');
  const rest = match[4] ?? '';
  const valueColumn = line.length - rest.length + (rest.length - rest.trimStart().length);
  return { dash, indent, key, value: rest.replace(/\s+#.*$/, '').trim(), valueColumn, blank: false };
}

/**
 * The path of the mapping or list that contains `line` (list indices are given as 0: the schema
 * is the same for every item), found by walking up to lines that are less indented.
 */
export function parentPath(lines: readonly string[], line: number): Segment[] {
  const here = shapeOf(lines[line] ?? '');
  const path: Segment[] = [];
  let target = here.indent;
  if (here.dash !== undefined) {
    path.unshift(0);
    target = here.dash;
  }
  for (let i = line - 1; i >= 0 && target > 0; i--) {
    const shape = shapeOf(lines[i]!);
    if (shape.blank) continue;
    if (shape.key !== undefined && shape.indent < target) {
      path.unshift(shape.key);
      target = shape.indent;
    }
    if (shape.dash !== undefined && shape.dash < target) {
      path.unshift(0);
      target = shape.dash;
    }
  }
  return path;
}

/** The keys already written in the mapping that `line` belongs to, whose keys start at `indent`. */
export function siblingKeys(lines: readonly string[], line: number, indent: number): Set<string> {
  const keys = new Set<string>();
  // Upwards to the start of the mapping: a less indented line, or the "- " that opens this item.
  for (let i = line - 1; i >= 0; i--) {
    const shape = shapeOf(lines[i]!);
    if (shape.blank) continue;
    if (shape.indent < indent) break;
    if (shape.indent === indent && shape.key !== undefined) keys.add(shape.key);
    if (shape.dash !== undefined && shape.dash < indent) break;
  }
  // Downwards to its end: a less indented line, or the "- " of the next item.
  for (let i = line + 1; i < lines.length; i++) {
    const shape = shapeOf(lines[i]!);
    if (shape.blank) continue;
    if (shape.indent < indent || (shape.dash !== undefined && shape.dash < indent)) break;
    if (shape.indent === indent && shape.key !== undefined) keys.add(shape.key);
  }
  return keys;
}

export interface CursorContext {
  /** The mapping the cursor's line belongs to. */
  parent: Segment[];
  shape: LineShape;
  /** True while the cursor is where a key goes (before any ":" on the line). */
  inKey: boolean;
  /** The word under or just before the cursor. */
  word: string;
  /** The `{{name` being typed or pointed at, if the cursor is inside a variable slot. */
  slot?: { name: string; start: number; end: number };
}

export function cursorContext(lines: readonly string[], line: number, column: number): CursorContext {
  const text = lines[line] ?? '';
  const shape = shapeOf(text);
  const before = text.slice(0, column);
  const inKey = shape.key === undefined ? /^\s*(-\s+)?[\w-]*$/.test(before) : column <= shape.indent + shape.key.length;
  const word = /[\w-]*$/.exec(before)![0] + /^[\w-]*/.exec(text.slice(column))![0];
  return { parent: parentPath(lines, line), shape, inKey, word, slot: slotAt(text, column) };
}

/** The `{{name}}` slot around `column`, or a `{{name` still being typed just before it. */
export function slotAt(text: string, column: number): { name: string; start: number; end: number } | undefined {
  const open = text.lastIndexOf('{{', column - 1 < 0 ? 0 : column - 1);
  if (open < 0 || column < open + 2) return undefined;
  const between = text.slice(open + 2, column);
  if (between.includes('}}') || /[{}]/.test(between)) return undefined;
  const close = text.indexOf('}}', open + 2);
  const inner = close >= 0 && !/[{]/.test(text.slice(open + 2, close)) ? text.slice(open + 2, close) : between;
  if (close >= 0 && column > close + 2) return undefined;
  return { name: inner.trim(), start: open, end: close >= 0 ? close + 2 : column };
}

/** The items of a flow list `[a, b]` or the single value, with the column each starts at. */
export function valuesOf(shape: LineShape): { value: string; column: number }[] {
  const raw = shape.value;
  if (!raw.startsWith('[')) return raw ? [{ value: raw.replace(/^["']|["']$/g, ''), column: shape.valueColumn }] : [];
  const found: { value: string; column: number }[] = [];
  for (const match of raw.matchAll(/"([^"]*)"|'([^']*)'|[^\s,[\]]+/g)) {
    const quoted = match[1] ?? match[2];
    found.push({ value: quoted ?? match[0], column: shape.valueColumn + match.index + (quoted === undefined ? 0 : 1) });
  }
  return found;
}
