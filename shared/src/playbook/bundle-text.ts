// A bundle file's text with one top-level member a line. JSON allows no raw newline inside a
// string, so in such a file every newline sits between two members, and a command can find each
// member's bytes without parsing and parse only the members it reads: closer followups never
// needs the megabyte of precompiled indexes, nor suggest the base corpus.
/** The bundle as JSON with each top-level member on a line of its own: the same value JSON.stringify gives. */
export function bundleText(bundle: object): string {
  const members = Object.entries(bundle)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  return `{${members.join(',\n')}}\n`;
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
 * (`{"key":value,` first, `"key":value}` last); undefined otherwise. The shape alone does not
 * prove the layout (a line of a one-line bundle holds several members): readMembers does, by
 * parsing every value.
 */
export function memberSpans(bytes: Uint8Array): Map<string, Span> | undefined {
  if (bytes[0] !== OPEN) return undefined;
  const spans = new Map<string, Span>();
  let start = 1;
  while (start < bytes.length) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline < 0 ? bytes.length : newline;
    const last = newline < 0 || newline === bytes.length - 1;
    if (bytes[end - 1] !== (last ? CLOSE : COMMA) || bytes[start] !== QUOTE) return undefined;
    let colon = start + 1;
    while (colon < end && isKeyByte(bytes[colon]!)) colon++;
    if (colon === start + 1 || bytes[colon] !== QUOTE || bytes[colon + 1] !== COLON) return undefined;
    const key = String.fromCharCode(...bytes.subarray(start + 1, colon));
    // A repeated key (JSON.parse keeps the last) and __proto__ (a prototype when assigned) are read whole.
    if (spans.has(key) || key === '__proto__') return undefined;
    spans.set(key, [colon + 2, end - 1]);
    if (last) return spans;
    start = newline + 1;
  }
  return undefined;
}

/** Member names are plain words (format, playbooks, precompiled…); anything else is read whole. */
function isKeyByte(byte: number): boolean {
  return (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x30 && byte <= 0x39) || byte === 0x5f;
}

/**
 * The record, parsed a member at a time, when every member's value is JSON of its own; then
 * the file is exactly those members (JSON's grammar allows one reading), and later reads of the
 * same file may use lazyRecord. Undefined otherwise: the file is then parsed whole.
 */
export function readMembers(spans: Map<string, Span>, text: (span: Span) => string): Record<string, unknown> | undefined {
  const record: Record<string, unknown> = {};
  for (const [key, span] of spans) {
    try {
      record[key] = JSON.parse(text(span));
    } catch {
      return undefined;
    }
  }
  return record;
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
