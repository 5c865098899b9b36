// A bundle file's text with one top-level member a line. JSON allows no raw newline inside a
// string, so in such a file every newline sits between two members, and a command can find each
// member's bytes without parsing and parse only the members it reads: closer followups never
// needs the megabyte of precompiled indexes or the base corpus. The two members that
// hold several large parts (the base corpus, the precompiled indexes) are written a part a line
// too, between a line "key":{ and a line of their own closing brace, so closer suggest parses the
// intent model without the search index, and the base corpus's counts without its messages.

/** The members written a part a line. */
const GROUPED = new Set(['base', 'precompiled']);

/** The bundle as JSON with each top-level member on a line of its own: the same value JSON.stringify gives. */
export function bundleText(bundle: object): string {
  const members = Object.entries(bundle)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${JSON.stringify(key)}:${GROUPED.has(key) && isGroupable(value) ? groupText(value) : JSON.stringify(value)}`);
  return `{${members.join(',\n')}}\n`;
}

function isGroupable(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).some((part) => part !== undefined)
    && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

function groupText(value: object): string {
  const parts = Object.entries(value)
    .filter(([, part]) => part !== undefined)
    .map(([key, part]) => `${JSON.stringify(key)}:${JSON.stringify(part)}`);
  return `{\n${parts.join(',\n')}\n}`;
}

/** Where a member's value lies in the file's bytes: [start, end). */
export type Span = readonly [number, number];

const NEWLINE = 0x0a;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const COLON = 0x3a;

/**
 * Each top-level member's value span, when the lines are shaped as bundleText writes them
 * (`{"key":value,` first, `"key":value}` last, a group's value from its `{` to its closing
 * brace); undefined otherwise. The shape alone does not prove the layout (a line of a one-line
 * bundle holds several members): readMembers does, by parsing every value.
 */
export function memberSpans(bytes: Uint8Array): Map<string, Span> | undefined {
  if (bytes[0] !== OPEN) return undefined;
  const spans = new Map<string, Span>();
  let start = 1;
  while (start < bytes.length) {
    const named = keyAt(bytes, start, spans);
    if (named === undefined) return undefined;
    let end = lineEnd(bytes, start);
    let valueEnd = end - 1;
    if (end === named.value + 1 && bytes[named.value] === OPEN) {
      // A group: its parts a line each, then its closing brace on a line of its own.
      let line = end + 1;
      while (line < bytes.length && bytes[line] === QUOTE) line = lineEnd(bytes, line) + 1;
      if (bytes[line] !== CLOSE) return undefined;
      end = lineEnd(bytes, line);
      if (end !== line + 2) return undefined;
      valueEnd = line + 1;
    }
    const last = end >= bytes.length - 1;
    if (bytes[end - 1] !== (last ? CLOSE : COMMA)) return undefined;
    spans.set(named.key, [named.value, valueEnd]);
    if (last) return spans;
    start = end + 1;
  }
  return undefined;
}

/**
 * The parts of a group's value (a span memberSpans found), each part's value span; undefined
 * when the value is not a group as bundleText writes one.
 */
export function groupSpans(bytes: Uint8Array, [start, end]: Span): Map<string, Span> | undefined {
  if (bytes[start] !== OPEN || bytes[start + 1] !== NEWLINE || bytes[end - 1] !== CLOSE || bytes[end - 2] !== NEWLINE) return undefined;
  const spans = new Map<string, Span>();
  for (let line = start + 2; line < end - 1; ) {
    const named = keyAt(bytes, line, spans);
    if (named === undefined) return undefined;
    const newline = lineEnd(bytes, line);
    const last = newline === end - 2;
    if (!last && bytes[newline - 1] !== COMMA) return undefined;
    spans.set(named.key, [named.value, last ? newline : newline - 1]);
    line = newline + 1;
  }
  return spans.size > 0 ? spans : undefined;
}

/** Where the line starting at `start` ends: its newline, or the end of the bytes. */
function lineEnd(bytes: Uint8Array, start: number): number {
  const newline = bytes.indexOf(NEWLINE, start);
  return newline < 0 ? bytes.length : newline;
}

/** The key a line starts with (`"key":`) and where its value starts; undefined for another shape or a key already met. */
function keyAt(bytes: Uint8Array, start: number, met: ReadonlyMap<string, Span>): { key: string; value: number } | undefined {
  if (bytes[start] !== QUOTE) return undefined;
  let colon = start + 1;
  while (colon < bytes.length && isKeyByte(bytes[colon]!)) colon++;
  if (colon === start + 1 || bytes[colon] !== QUOTE || bytes[colon + 1] !== COLON) return undefined;
  const key = String.fromCharCode(...bytes.subarray(start + 1, colon));
  // A repeated key (JSON.parse keeps the last) and __proto__ (a prototype when assigned) are read whole.
  if (met.has(key) || key === '__proto__') return undefined;
  return { key, value: colon + 2 };
}

/** Member names are plain words (format, playbooks, precompiled…); anything else is read whole. */
function isKeyByte(byte: number): boolean {
  return (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x30 && byte <= 0x39) || byte === 0x5f;
}

/**
 * The record, parsed a member at a time (a group's parts each on their own, when `groups` finds
 * them), when every value is JSON of its own; then the file is exactly those members (JSON's
 * grammar allows one reading), and later reads of the same file may use lazyRecord. Undefined
 * otherwise: the file is then parsed whole.
 */
export function readMembers(spans: Map<string, Span>, text: (span: Span) => string, groups?: (span: Span) => Map<string, Span> | undefined): Record<string, unknown> | undefined {
  const record: Record<string, unknown> = {};
  for (const [key, span] of spans) {
    const parts = groups?.(span);
    const value = parts ? readMembers(parts, text) : parseOrFail(text(span));
    if (value === FAILED || value === undefined) return undefined;
    record[key] = value;
  }
  return record;
}

const FAILED = Symbol('not JSON');

function parseOrFail(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return FAILED;
  }
}

/**
 * The bundle's record with each member read when first used, then kept: `read` turns a member's
 * span into its value (the caller decodes and parses, so its errors can name the file).
 */
export function lazyRecord(spans: Map<string, Span>, read: (key: string, span: Span) => unknown): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [key, span] of spans) {
    let value: unknown;
    let done = false;
    Object.defineProperty(record, key, {
      enumerable: true,
      configurable: true,
      get() {
        if (!done) {
          value = read(key, span);
          done = true;
        }
        return value;
      },
      set(next: unknown) {
        value = next;
        done = true;
      },
    });
  }
  return record;
}
