// A case line in the form Closer writes, read straight from the file's UTF-8 bytes by a hand
// scanner, for `closer report`. It accepts exactly the lines own-form.ts's pattern accepts (the
// grammar below is that pattern, piece by piece; a test holds the two together), and takes from
// them only what the figures read: no line is decoded, no JSON is parsed and no event is built,
// so 100,000 cases cost a pass over their bytes and two strings each (the id and the customer).
// Anything else is left to the full reader, which decides and explains.
import { ADAPT_BACKENDS, GOLDEN_STEPS, INTENTS } from '../playbook/ids.ts';
import { CASE_SIGNALS, LIFECYCLE_STAGES, type Outcome } from './case-format.ts';
import type { TagEvent } from './tag-changes.ts';

/** What the scanner reads a line's strings with: the file's bytes decoded between two offsets. */
export interface LineText {
  /** Bytes known to be ASCII. */
  ascii(start: number, end: number): string;
  utf8(start: number, end: number): string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

const bytesOf = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));

const HEAD = bytesOf('{"version":2,"id":"');
const CONVERSATION = bytesOf('","conversation":');
const SALESPERSON = bytesOf(',"salesperson":');
const CUSTOMER = bytesOf(',"customer":');
const PRODUCT = bytesOf(',"product":');
const AMOUNT = bytesOf(',"amount":');
const OUTCOME = bytesOf(',"outcome":"');
const WON = bytesOf('won"');
const OPEN = bytesOf('open"');
const LOST = bytesOf('lost"');
const LOSS_REASON = bytesOf(',"lossReason":"');
const NOTES = bytesOf(',"notes":');
const TAGS = bytesOf(',"tags":[');
const LIFECYCLE = bytesOf(',"lifecycle":"');
const SOURCE = bytesOf(',"source":"');
const FOLLOWUPS = bytesOf(',"followups":[');
const TIMELINE = bytesOf(',"timeline":[');
const CREATED = bytesOf(',"createdAt":"');
const UPDATED = bytesOf('","updatedAt":"');
const CLOSED = bytesOf(',"closedAt":"');

const RULE = bytesOf('{"rule":"');
const DUE = bytesOf('","due":"');
const STATE = bytesOf('","state":"');
const DONE_AT = [bytesOf('done","at":"'), bytesOf('declined","at":"'), bytesOf('skipped","at":"')];
const SNOOZED_AT = bytesOf('snoozed","at":"');
const UNTIL = bytesOf('","until":"');
const END_OBJECT = bytesOf('"}');

const TYPE = bytesOf('{"type":"');
const MESSAGE_AT = bytesOf('message","at":"');
const INTENT = bytesOf('","intent":"');
const STEP_AT = bytesOf('step","at":"');
const STEP = bytesOf('","step":"');
const INSERTED_AT = bytesOf('inserted","at":"');
const REPLY = bytesOf('","reply":"');
const ADAPTED = bytesOf(',"adapted":{"backend":"');
const BACKENDS = ADAPT_BACKENDS.map((backend) => bytesOf(`${backend}","hosted":`));
const SUGGESTED_AT = bytesOf('suggested","at":"');
const REPLIES = bytesOf('","replies":[');
const MEETING_AT = bytesOf('meeting","at":"');
const SIGNAL_AT = bytesOf('signal","at":"');
const SIGNAL = bytesOf('","signal":"');
const TAG_AT = bytesOf('tag","at":"');
const TAG = bytesOf('","tag":"');
const ADDED = bytesOf('","added":');
const TRUE = bytesOf('true');
const FALSE = bytesOf('false');
const STAGES = LIFECYCLE_STAGES.map((stage) => bytesOf(`${stage}"`));

// Each with its closing quote, so a longer id that starts with one is not taken for it.
const INTENT_VALUES = INTENTS.map((intent) => bytesOf(`${intent}"`));
const STEP_VALUES = GOLDEN_STEPS.map((step) => bytesOf(`${step}"`));
const SIGNAL_VALUES = CASE_SIGNALS.map((signal) => bytesOf(`${signal}"`));

/** Milliseconds from 0000-03-01 to 1970-01-01, for the day count below. */
const EPOCH_DAYS = 719_468;

/** What one line holds that the figures read; one object, filled again for every line. */
export class ScannedLine {
  idStart = 0;
  customerStart = 0;
  customerEnd = 0;
  /** The customer's text has an escape (\n, \", \u…): decode it as JSON, not as plain bytes. */
  customerEscaped = false;
  outcome: Outcome = 'open';
  /** The amount's digits, start = -1 when there is none. */
  amountStart = -1;
  amountEnd = -1;
  lossReason: string | undefined;
  source: string | undefined;
  readonly tags: string[] = [];
  created = 0;
  updated = 0;
  closed = 0;
  hasClosedAt = false;
  /** The intents met, one bit each in INTENTS order. */
  intents = 0;
  /** Index of the furthest golden-model step reached, -1 for none. */
  furthest = -1;
  readonly replies: string[] = [];
  /** How each reply (same index) was inserted: 1 word for word, 2 adapted. */
  readonly uses: number[] = [];
  tagChanges: TagEvent[] | undefined;
}

/**
 * Reads lines in Closer's own form from the bytes of one file. `scan` fills `line` and answers
 * whether the line (between two offsets, without its line end or spaces) is in that form; the
 * ids it meets are kept once each, as first met (reply, step and tag ids repeat across cases).
 */
export class CaseLineScanner {
  readonly line = new ScannedLine();
  private bytes: Uint8Array = new Uint8Array(0);
  private text: LineText = { ascii: () => '', utf8: () => '' };
  private readonly ids = new Map<number, string>();

  /** The file the next lines come from. */
  use(bytes: Uint8Array, text: LineText): void {
    this.bytes = bytes;
    this.text = text;
  }

  scan(start: number, end: number): boolean {
    const line = this.line;
    line.tags.length = 0;
    line.replies.length = 0;
    line.uses.length = 0;
    line.intents = 0;
    line.furthest = -1;
    line.tagChanges = undefined;
    line.lossReason = undefined;
    line.source = undefined;
    line.amountStart = -1;
    if (end - start < HEAD.length || this.bytes[end - 1] !== CLOSE_BRACE) return false;
    let at = this.literal(start, HEAD);
    if (at < 0 || !this.isUuid(at)) return false;
    line.idStart = at;
    at = this.literal(at + 36, CONVERSATION);
    if (at < 0 || (at = this.string(at)) < 0) return false;
    at = this.literal(at, SALESPERSON);
    if (at < 0 || (at = this.string(at)) < 0) return false;
    at = this.literal(at, CUSTOMER);
    if (at < 0) return false;
    line.customerStart = at + 1;
    line.customerEscaped = false;
    if ((at = this.string(at)) < 0) return false;
    line.customerEnd = at - 1;
    line.customerEscaped = this.escaped;
    let next = this.literal(at, PRODUCT);
    if (next >= 0 && (at = this.string(next)) < 0) return false;
    next = this.literal(at, AMOUNT);
    if (next >= 0) {
      if ((at = this.amount(next)) < 0) return false;
      line.amountStart = next;
      line.amountEnd = at;
    }
    at = this.literal(at, OUTCOME);
    if (at < 0) return false;
    if ((next = this.literal(at, WON)) >= 0) line.outcome = 'won';
    else if ((next = this.literal(at, OPEN)) >= 0) line.outcome = 'open';
    else if ((next = this.literal(at, LOST)) >= 0) {
      line.outcome = 'lost';
      const reason = this.literal(next, LOSS_REASON);
      if (reason >= 0) {
        if ((next = this.id(reason)) < 0) return false;
        line.lossReason = this.idText(reason, next - 1);
      }
    } else return false;
    at = this.literal(next, NOTES);
    if (at < 0 || (at = this.string(at)) < 0) return false;
    at = this.literal(at, TAGS);
    if (at < 0 || (at = this.idList(at, line.tags)) < 0) return false;
    next = this.literal(at, LIFECYCLE);
    if (next >= 0 && (at = this.oneOf(next, STAGES)) < 0) return false;
    next = this.literal(at, SOURCE);
    if (next >= 0) {
      if ((at = this.id(next)) < 0) return false;
      line.source = this.idText(next, at - 1);
    }
    at = this.literal(at, FOLLOWUPS);
    if (at < 0 || (at = this.followups(at)) < 0) return false;
    at = this.literal(at, TIMELINE);
    if (at < 0 || (at = this.timeline(at)) < 0) return false;
    at = this.literal(at, CREATED);
    if (at < 0 || !this.isTime(at)) return false;
    line.created = this.timeValue(at);
    at = this.literal(at + 24, UPDATED);
    if (at < 0 || !this.isTime(at)) return false;
    line.updated = this.timeValue(at);
    at += 24;
    if (this.bytes[at] !== QUOTE) return false;
    at++;
    next = this.literal(at, CLOSED);
    line.hasClosedAt = next >= 0;
    if (next >= 0) {
      if (!this.isTime(next) || this.bytes[next + 24] !== QUOTE) return false;
      line.closed = this.timeValue(next);
      at = next + 25;
    } else {
      line.closed = line.updated;
    }
    return at === end - 1;
  }

  /** Where `literal` ends if the bytes at `at` spell it, else -1. */
  private literal(at: number, literal: Uint8Array): number {
    const bytes = this.bytes;
    for (let index = 0; index < literal.length; index++) if (bytes[at + index] !== literal[index]) return -1;
    return at + literal.length;
  }

  /** The index of the first of `literals` spelt at `at`, else -1. */
  private indexOf(at: number, literals: readonly Uint8Array[]): number {
    for (let index = 0; index < literals.length; index++) if (this.literal(at, literals[index]!) >= 0) return index;
    return -1;
  }

  /** Past the first of `literals` spelt at `at`, else -1. */
  private oneOf(at: number, literals: readonly Uint8Array[]): number {
    for (const literal of literals) {
      const end = this.literal(at, literal);
      if (end >= 0) return end;
    }
    return -1;
  }

  private isUuid(at: number): boolean {
    const bytes = this.bytes;
    for (let index = 0; index < 36; index++) {
      const byte = bytes[at + index]!;
      if (index === 8 || index === 13 || index === 18 || index === 23) {
        if (byte !== 0x2d) return false;
      } else if (!((byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46))) return false;
    }
    return true;
  }

  private escaped = false;

  /** Past a JSON string starting at `at` (its opening quote), else -1; `escaped` says whether it had an escape. */
  private string(at: number): number {
    const bytes = this.bytes;
    if (bytes[at] !== QUOTE) return -1;
    this.escaped = false;
    for (let index = at + 1; index < bytes.length; index++) {
      const byte = bytes[index]!;
      if (byte === QUOTE) return index + 1;
      if (byte < 0x20) return -1;
      if (byte !== BACKSLASH) continue;
      this.escaped = true;
      const escape = bytes[++index];
      if (escape === 0x75) {
        for (let digit = 1; digit <= 4; digit++) if (!isHex(bytes[index + digit]!)) return -1;
        index += 4;
      } else if (!(escape === QUOTE || escape === BACKSLASH || escape === 0x2f || escape === 0x62 || escape === 0x66 || escape === 0x6e || escape === 0x72 || escape === 0x74)) {
        return -1;
      }
    }
    return -1;
  }

  /** Past an id and its closing quote (the opening one already passed), else -1. */
  private id(at: number): number {
    const bytes = this.bytes;
    const first = bytes[at]!;
    if (!((first >= 0x61 && first <= 0x7a) || (first >= 0x30 && first <= 0x39))) return -1;
    for (let index = at + 1; ; index++) {
      const byte = bytes[index];
      if (byte === QUOTE) return index + 1;
      if (byte === undefined || !((byte >= 0x61 && byte <= 0x7a) || (byte >= 0x30 && byte <= 0x39) || byte === 0x5f || byte === 0x2d)) return -1;
    }
  }

  /** The id between two offsets as a string, the same string each time it is met. */
  private idText(start: number, end: number): string {
    const bytes = this.bytes;
    let hash = end - start;
    for (let index = start; index < end; index++) hash = (Math.imul(hash, 31) + bytes[index]!) | 0;
    const known = this.ids.get(hash);
    if (known !== undefined && known.length === end - start) {
      let same = true;
      for (let index = 0; index < known.length; index++) {
        if (known.charCodeAt(index) !== bytes[start + index]) {
          same = false;
          break;
        }
      }
      if (same) return known;
    }
    const text = this.text.ascii(start, end);
    // Bounded: a file of made-up ids keeps no more than this many.
    if (this.ids.size >= 50_000) this.ids.clear();
    if (known === undefined) this.ids.set(hash, text);
    return text;
  }

  /** Past a list of quoted ids and its closing bracket (the opening one already passed), else -1; the ids are pushed onto `into` when given. */
  private idList(at: number, into: string[] | undefined): number {
    const bytes = this.bytes;
    if (bytes[at] === CLOSE_BRACKET) return at + 1;
    for (;;) {
      if (bytes[at] !== QUOTE) return -1;
      const end = this.id(at + 1);
      if (end < 0) return -1;
      if (into) into.push(this.idText(at + 1, end - 1));
      if (bytes[end] === CLOSE_BRACKET) return end + 1;
      if (bytes[end] !== COMMA) return -1;
      at = end + 1;
    }
  }

  /** Past an amount as own-form.ts allows it (finite, not negative), else -1. */
  private amount(at: number): number {
    const bytes = this.bytes;
    if (bytes[at] === 0x30) at++;
    else if (isDigit(bytes[at]!) && bytes[at] !== 0x30) {
      const first = at;
      at++;
      while (at - first < 16 && isDigit(bytes[at]!)) at++;
    } else return -1;
    if (bytes[at] === 0x2e) {
      if (!isDigit(bytes[++at]!)) return -1;
      while (isDigit(bytes[at]!)) at++;
    }
    if (bytes[at] === 0x65 || bytes[at] === 0x45) {
      at++;
      if (bytes[at] === 0x2b || bytes[at] === 0x2d) at++;
      if (!isDigit(bytes[at]!)) return -1;
      at++;
      if (isDigit(bytes[at]!)) at++;
    }
    return at;
  }

  private followups(at: number): number {
    const bytes = this.bytes;
    if (bytes[at] === CLOSE_BRACKET) return at + 1;
    for (;;) {
      at = this.literal(at, RULE);
      if (at < 0 || (at = this.id(at)) < 0) return -1;
      at = this.literal(at - 1, DUE);
      if (at < 0 || !this.isTime(at)) return -1;
      at = this.literal(at + 24, STATE);
      if (at < 0) return -1;
      const done = this.oneOf(at, DONE_AT);
      if (done >= 0) {
        if (!this.isTime(done)) return -1;
        at = done + 24;
      } else {
        at = this.literal(at, SNOOZED_AT);
        if (at < 0 || !this.isTime(at)) return -1;
        at = this.literal(at + 24, UNTIL);
        if (at < 0 || !this.isTime(at)) return -1;
        at += 24;
      }
      at = this.literal(at, END_OBJECT);
      if (at < 0) return -1;
      if (bytes[at] === CLOSE_BRACKET) return at + 1;
      if (bytes[at] !== COMMA) return -1;
      at++;
    }
  }

  /** Past the timeline's events and its closing bracket, else -1, gathering what the figures read. */
  private timeline(at: number): number {
    const bytes = this.bytes;
    if (bytes[at] === CLOSE_BRACKET) return at + 1;
    for (;;) {
      at = this.event(at);
      if (at < 0) return -1;
      if (bytes[at] === CLOSE_BRACKET) return at + 1;
      if (bytes[at] !== COMMA) return -1;
      at++;
    }
  }

  /** Past one event, else -1. */
  private event(at: number): number {
    const bytes = this.bytes;
    const line = this.line;
    at = this.literal(at, TYPE);
    if (at < 0) return -1;
    let next = -1;
    // Each kind's name and "at" spelt out, then its time and the rest of its fields; the first
    // letter picks the kind to try first, most events being messages, steps and inserts.
    const first = bytes[at];
    if (first === 0x6d) next = this.literal(at, MESSAGE_AT);
    else if (first === 0x73) next = this.literal(at, STEP_AT);
    else if (first === 0x69) next = this.literal(at, INSERTED_AT);
    if (first === 0x6d && next >= 0) {
      if (!this.isTime(next) || (at = this.literal(next + 24, INTENT)) < 0) return -1;
      const intent = this.indexOf(at, INTENT_VALUES);
      if (intent < 0) return -1;
      line.intents |= 1 << intent;
      at += INTENT_VALUES[intent]!.length;
    } else if (first === 0x73 && next >= 0) {
      if (!this.isTime(next) || (at = this.literal(next + 24, STEP)) < 0) return -1;
      // A step of the golden model, or any other id, which counts in no figure.
      const step = this.indexOf(at, STEP_VALUES);
      if (step > line.furthest) line.furthest = step;
      if ((at = step < 0 ? this.id(at) : at + STEP_VALUES[step]!.length) < 0) return -1;
    } else if (first === 0x69 && next >= 0) {
      if (!this.isTime(next) || (at = this.literal(next + 24, REPLY)) < 0) return -1;
      const end = this.id(at);
      if (end < 0) return -1;
      const reply = this.idText(at, end - 1);
      at = end;
      let adapted = false;
      const detail = this.literal(at, ADAPTED);
      if (detail >= 0) {
        at = this.oneOf(detail, BACKENDS);
        if (at < 0 || (at = this.boolean(at)) < 0 || bytes[at] !== CLOSE_BRACE) return -1;
        at++;
        adapted = true;
      }
      let index = line.replies.indexOf(reply);
      if (index < 0) index = line.replies.push(reply) - 1;
      line.uses[index] = (line.uses[index] ?? 0) | (adapted ? 2 : 1);
      return bytes[at] === CLOSE_BRACE ? at + 1 : -1;
    } else if ((next = this.literal(at, SUGGESTED_AT)) >= 0) {
      if (!this.isTime(next) || (at = this.literal(next + 24, REPLIES)) < 0 || (at = this.idList(at, undefined)) < 0) return -1;
      return bytes[at] === CLOSE_BRACE ? at + 1 : -1;
    } else if ((next = this.literal(at, MEETING_AT)) >= 0) {
      if (!this.isTime(next) || bytes[next + 24] !== QUOTE) return -1;
      at = next + 25;
    } else if ((next = this.literal(at, SIGNAL_AT)) >= 0) {
      if (!this.isTime(next) || (at = this.literal(next + 24, SIGNAL)) < 0 || (at = this.oneOf(at, SIGNAL_VALUES)) < 0) return -1;
    } else if ((next = this.literal(at, TAG_AT)) >= 0) {
      if (!this.isTime(next) || (at = this.literal(next + 24, TAG)) < 0) return -1;
      const end = this.id(at);
      if (end < 0) return -1;
      const tag = this.idText(at, end - 1);
      at = this.literal(end - 1, ADDED);
      if (at < 0) return -1;
      const added = bytes[at] === 0x74;
      if ((at = this.boolean(at)) < 0 || bytes[at] !== CLOSE_BRACE) return -1;
      // Built as JSON.parse would build it, keys in the same order.
      (line.tagChanges ??= []).push({ type: 'tag', at: this.text.ascii(next, next + 24), tag, added });
      return at + 1;
    } else {
      return -1;
    }
    // Past the closing quote of the kind's last value: the brace is next.
    return bytes[at] === CLOSE_BRACE ? at + 1 : -1;
  }

  private boolean(at: number): number {
    const end = this.literal(at, TRUE);
    return end >= 0 ? end : this.literal(at, FALSE);
  }

  /** Whether a time as toISOString writes it, on a real calendar date, starts at `at` (24 bytes). */
  private isTime(at: number): boolean {
    return isIsoTime(this.bytes, at);
  }

  private timeValue(at: number): number {
    return isoTimeValue(this.bytes, at);
  }
}

/**
 * Whether `bytes` hold at `at` a time as toISOString writes it (2026-11-22T15:49:43.000Z) on a
 * real calendar date: what case-line-pattern.ts's TIME accepts.
 */
export function isIsoTime(bytes: Uint8Array, at: number): boolean {
  if (bytes[at + 4] !== 0x2d || bytes[at + 7] !== 0x2d || bytes[at + 10] !== 0x54 || bytes[at + 13] !== 0x3a || bytes[at + 16] !== 0x3a || bytes[at + 19] !== 0x2e || bytes[at + 23] !== 0x5a) return false;
  for (const offset of DIGITS) {
    const byte = bytes[at + offset]!;
    if (byte < 0x30 || byte > 0x39) return false;
  }
  const month = two(bytes, at + 5);
  const day = two(bytes, at + 8);
  if (month < 1 || month > 12 || day < 1 || two(bytes, at + 11) > 23 || two(bytes, at + 14) > 59 || two(bytes, at + 17) > 59) return false;
  if (month === 2) {
    if (day <= 28) return true;
    const year = two(bytes, at) * 100 + two(bytes, at + 2);
    return day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  }
  return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

/** Where the digits stand in 2026-11-22T15:49:43.000Z. */
const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];


/** The milliseconds since 1970 of a time isIsoTime accepted: what Date.parse gives for it. */
export function isoTimeValue(bytes: Uint8Array, at: number): number {
  let year = two(bytes, at) * 100 + two(bytes, at + 2);
  const month = two(bytes, at + 5);
  const day = two(bytes, at + 8);
  // Days from civil (H. Hinnant): the year counted from March, so the leap day comes last.
  if (month <= 2) year--;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const days = era * 146_097 + dayOfEra - EPOCH_DAYS;
  const milliseconds = (bytes[at + 20]! - 0x30) * 100 + (bytes[at + 21]! - 0x30) * 10 + (bytes[at + 22]! - 0x30);
  return ((days * 24 + two(bytes, at + 11)) * 60 + two(bytes, at + 14)) * 60_000 + two(bytes, at + 17) * 1000 + milliseconds;
}

function two(bytes: Uint8Array, at: number): number {
  return (bytes[at]! - 0x30) * 10 + bytes[at + 1]! - 0x30;
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

function isHex(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46);
}
