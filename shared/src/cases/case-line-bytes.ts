// A case line in the form Closer writes, read from the file's UTF-8 bytes for `closer report`.
// own-form.ts's pattern, with its times checked for their shape only (own-form-shape.ts), decides
// whether the line is in that form, run over the line decoded one byte a character (a copy, not a
// transcoding: the pattern's only non-ASCII characters are those of free text, which it takes
// whatever their bytes); then the values the figures read are picked from the bytes where the
// form puts them, each time's calendar checked on the way, with no JSON.parse and no event built.
// So 100,000 cases cost a pattern run each and no string: ids, names and reply ids are numbered
// from the bytes (byte-keys.ts). Any other line is left to the full reader, which decides and
// explains.
import { GOLDEN_STEPS, INTENTS } from '../playbook/ids.ts';
import type { Outcome } from './case-format.ts';
import { ByteKeys } from './byte-keys.ts';
import { ownFormShapeEnd } from './own-form-shape.ts';
import type { TagEvent } from './tag-changes.ts';

/** What the scanner reads a line's strings with: the file's bytes decoded between two offsets. */
export interface LineText {
  /** One character a byte (latin1): the text itself where the bytes are ASCII. */
  ascii(start: number, end: number): string;
  utf8(start: number, end: number): string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

// The lengths of the form's fixed pieces, which the reader steps over.
const TIME_LENGTH = 24;
const ID_AT = '{"version":2,"id":"'.length;
const UUID_LENGTH = 36;
const AFTER_ID = '","conversation":'.length;
const SALESPERSON = ',"salesperson":'.length;
const CUSTOMER = ',"customer":'.length;
const PRODUCT = ',"product":'.length;
const AMOUNT = ',"amount":'.length;
const OUTCOME = ',"outcome":"'.length;
const LOSS_REASON = ',"lossReason":"'.length;
const NOTES = ',"notes":'.length;
const TAGS = ',"tags":['.length;
const LIFECYCLE = ',"lifecycle":"'.length;
const SOURCE = ',"source":"'.length;
const FOLLOWUPS = ',"followups":['.length;
const TIMELINE = ',"timeline":['.length;
const CREATED = ',"createdAt":"'.length;
const UPDATED = '","updatedAt":"'.length;
const CLOSED = ',"closedAt":"'.length;
const KIND_AT = '{"type":"'.length;
const INTENT_AT = KIND_AT + 'message","at":"'.length + TIME_LENGTH + '","intent":"'.length;
const STEP_AT = KIND_AT + 'step","at":"'.length + TIME_LENGTH + '","step":"'.length;
const REPLY_AT = KIND_AT + 'inserted","at":"'.length + TIME_LENGTH + '","reply":"'.length;
const MEETING_END = KIND_AT + 'meeting","at":"'.length + TIME_LENGTH + 1;
const TAG_TIME_AT = KIND_AT + 'tag","at":"'.length;
const TAG_AT = TAG_TIME_AT + TIME_LENGTH + '","tag":"'.length;
const AFTER_KIND = '","at":"'.length;
const RULE_AT = '{"rule":"'.length;
const AFTER_RULE = '","due":"'.length;
const AFTER_DUE = '","state":"'.length;
const AFTER_STATE = '","at":"'.length;
const AFTER_AT = '","until":"'.length;
/** Days in each month of a common year, from 1. */
const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ADDED = '","added":'.length;

/**
 * How many bytes of a file are decoded at once for the pattern: a string of this size is still
 * made in the young generation and dies there; megabyte stretches went to the large-object space
 * and made the collector mark the whole heap again and again.
 */
const WINDOW = 60 << 10;

const bytesOf = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));
// Each with its closing quote, so a longer id that starts with one is not taken for it.
const INTENT_VALUES = INTENTS.map((intent) => bytesOf(`${intent}"`));
const STEP_VALUES = GOLDEN_STEPS.map((step) => bytesOf(`${step}"`));
/**
 * The intents by their first letter, when each has its own (they do); the pattern has already
 * taken the value as one of them, so that letter tells which.
 */
const INTENT_BY_FIRST = new Set(INTENTS.map((intent) => intent[0])).size === INTENTS.length ? Int8Array.from({ length: 256 }, (_, byte) => INTENTS.findIndex((intent) => intent.charCodeAt(0) === byte)) : undefined;

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
  /** The numbers of the replies inserted, in the ByteKeys the scanner was given. */
  readonly replies: number[] = [];
  /** How each reply (same index) was inserted: 1 word for word, 2 adapted. */
  readonly uses: number[] = [];
  tagChanges: TagEvent[] | undefined;
}

/**
 * Reads lines in Closer's own form from the bytes of one file. `scan` answers whether the line
 * (between two offsets, without its line end or spaces) is in that form and, if it is, fills
 * `line`; the ids it meets are kept once each, as first met (reply and tag ids repeat).
 */
export class CaseLineScanner {
  readonly line = new ScannedLine();

  /** `replyKeys` numbers the reply ids, as the figures count them. */
  constructor(private readonly replyKeys: ByteKeys = new ByteKeys()) {}

  private bytes: Uint8Array = new Uint8Array(0);
  private text: LineText = { ascii: () => '', utf8: () => '' };
  private readonly ids = new Map<number, string>();

  /** A stretch of the file decoded at once, from `windowStart` (a line's start) to a line end or the file's end. */
  private window = '';
  private windowStart = 0;
  private windowEnd = 0;
  private version = 0;

  /** The file the next lines come from: its bytes and, when they are refilled, how many times they were. */
  use(bytes: Uint8Array, text: LineText, version = 0): void {
    if (bytes === this.bytes && version === this.version) return;
    this.bytes = bytes;
    this.version = version;
    this.text = text;
    this.window = '';
    this.windowStart = this.windowEnd = 0;
  }

  /** Whether the line between two offsets (lines come in the file's order) is in Closer's own form; if so `line` holds its values. */
  scan(start: number, end: number): boolean {
    if (this.bytes[start] !== 0x7b) return false;
    // The pattern runs over stretches of the file decoded one byte a character (see WINDOW),
    // not a string made for every line.
    if (end > this.windowEnd) {
      this.windowStart = start;
      this.windowEnd = Math.max(end, this.find(0x0a, Math.min(start + WINDOW, this.bytes.length)));
      this.window = this.text.ascii(start, this.windowEnd);
    }
    if (ownFormShapeEnd(this.window, start - this.windowStart) !== end - this.windowStart) return false;
    return this.read(start);
  }

  /**
   * Picks the values from a line the pattern took, its times' calendars not yet checked: every
   * piece is where the form puts it, so nothing else is checked again. False for a time that is
   * not on the calendar (own-form.ts's pattern refuses those).
   */
  private read(start: number): boolean {
    const bytes = this.bytes;
    const line = this.line;
    if (line.tags.length > 0) line.tags.length = 0;
    if (line.replies.length > 0) {
      line.replies.length = 0;
      line.uses.length = 0;
    }
    line.intents = 0;
    line.furthest = -1;
    line.tagChanges = undefined;
    line.lossReason = undefined;
    line.source = undefined;
    line.amountStart = -1;
    line.idStart = start + ID_AT;
    let at = this.afterText(line.idStart + UUID_LENGTH + AFTER_ID);
    at = this.afterText(at + SALESPERSON);
    line.customerStart = at + CUSTOMER + 1;
    at = this.afterText(at + CUSTOMER);
    line.customerEnd = at - 1;
    line.customerEscaped = false;
    for (let index = line.customerStart; index < line.customerEnd; index++) {
      if (bytes[index] === BACKSLASH) {
        line.customerEscaped = true;
        break;
      }
    }
    // Each optional key is told by its first letter after ',"'.
    if (bytes[at + 2] === 0x70) at = this.afterText(at + PRODUCT);
    if (bytes[at + 2] === 0x61) {
      line.amountStart = at + AMOUNT;
      at = this.find(COMMA, line.amountStart);
      line.amountEnd = at;
    }
    at += OUTCOME;
    const outcome = bytes[at];
    line.outcome = outcome === 0x77 ? 'won' : outcome === 0x6f ? 'open' : 'lost';
    at += outcome === 0x77 ? 4 : 5;
    if (bytes[at + 2] === 0x6c) {
      const reason = at + LOSS_REASON;
      at = this.find(QUOTE, reason);
      line.lossReason = this.idText(reason, at);
      at++;
    }
    at = this.afterText(at + NOTES);
    at = this.idList(at + TAGS, line.tags);
    if (bytes[at + 2] === 0x6c) at = this.find(QUOTE, at + LIFECYCLE) + 1;
    if (bytes[at + 2] === 0x73) {
      const source = at + SOURCE;
      at = this.find(QUOTE, source);
      line.source = this.idText(source, at);
      at++;
    }
    at = this.followups(at + FOLLOWUPS);
    if (at < 0) return false;
    at = this.timeline(at + TIMELINE);
    if (at < 0) return false;
    at += CREATED;
    if (!isCalendarTime(bytes, at)) return false;
    line.created = isoTimeValue(bytes, at);
    at += TIME_LENGTH + UPDATED;
    if (!isCalendarTime(bytes, at)) return false;
    line.updated = isoTimeValue(bytes, at);
    at += TIME_LENGTH + 1;
    line.hasClosedAt = bytes[at] === COMMA;
    if (line.hasClosedAt && !isCalendarTime(bytes, at + CLOSED)) return false;
    line.closed = line.hasClosedAt ? isoTimeValue(bytes, at + CLOSED) : line.updated;
    return true;
  }

  /** Past the follow-ups and their closing bracket (the opening one already passed), their times checked; -1 for one off the calendar. */
  private followups(at: number): number {
    const bytes = this.bytes;
    while (bytes[at] !== CLOSE_BRACKET) {
      const due = this.find(QUOTE, at + RULE_AT) + AFTER_RULE;
      if (!isCalendarTime(bytes, due)) return -1;
      const state = due + TIME_LENGTH + AFTER_DUE;
      const doneAt = this.find(QUOTE, state) + AFTER_STATE;
      if (!isCalendarTime(bytes, doneAt)) return -1;
      let end = doneAt + TIME_LENGTH;
      // sNoozed: a time it is due again follows.
      if (bytes[state + 1] === 0x6e) {
        const until = end + AFTER_AT;
        if (!isCalendarTime(bytes, until)) return -1;
        end = until + TIME_LENGTH;
      }
      // Past '"}' and the comma before the next.
      at = bytes[end + 2] === COMMA ? end + 3 : end + 2;
    }
    return at + 1;
  }

  /**
   * The first `byte` from `at` on. A loop here beats Buffer's indexOf, whose every call costs
   * more than the few bytes an id or a field of an event spans.
   */
  private find(byte: number, at: number): number {
    const bytes = this.bytes;
    while (at < bytes.length && bytes[at] !== byte) at++;
    return at;
  }

  /** Past the JSON string whose opening quote is at `at`: at the first quote with an even run of backslashes before it. */
  private afterText(at: number): number {
    const bytes = this.bytes;
    for (let quote = this.find(QUOTE, at + 1); ; quote = this.find(QUOTE, quote + 1)) {
      let backslashes = 0;
      while (bytes[quote - 1 - backslashes] === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
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

  /** Past a list of quoted ids and its closing bracket (the opening one already passed), pushing them onto `into`. */
  private idList(at: number, into: string[]): number {
    const bytes = this.bytes;
    while (bytes[at] !== CLOSE_BRACKET) {
      const end = this.find(QUOTE, at + 1);
      into.push(this.idText(at + 1, end));
      at = bytes[end + 1] === COMMA ? end + 2 : end + 1;
    }
    return at + 1;
  }

  /** Past the timeline's events and its closing bracket (the opening one already passed), gathering what the figures read. */
  private timeline(at: number): number {
    const bytes = this.bytes;
    const line = this.line;
    while (bytes[at] !== CLOSE_BRACKET) {
      // Every kind's time follows its name.
      if (!isCalendarTime(bytes, this.find(QUOTE, at + KIND_AT) + AFTER_KIND)) return -1;
      // Where the event's closing brace is: where its last value ends for the common kinds, else
      // the first "}" after its start (an adapted insert: the second, its own object closes first).
      let end: number;
      switch (bytes[at + KIND_AT]) {
        case 0x6d: // m: message or meeting
          if (bytes[at + KIND_AT + 2] === 0x73) {
            const intent = INTENT_BY_FIRST ? INTENT_BY_FIRST[bytes[at + INTENT_AT]!]! : this.valueIndex(at + INTENT_AT, INTENT_VALUES);
            line.intents |= 1 << intent;
            end = at + INTENT_AT + INTENT_VALUES[intent]!.length;
          } else {
            end = at + MEETING_END;
          }
          break;
        case 0x73: // s: step, suggested or signal
          if (bytes[at + KIND_AT + 1] === 0x74) {
            const step = this.valueIndex(at + STEP_AT, STEP_VALUES);
            if (step > line.furthest) line.furthest = step;
            end = step < 0 ? this.find(QUOTE, at + STEP_AT) + 1 : at + STEP_AT + STEP_VALUES[step]!.length;
          } else {
            end = this.find(CLOSE_BRACE, at);
          }
          break;
        case 0x69: { // i: inserted
          const replyEnd = this.find(QUOTE, at + REPLY_AT);
          const adapted = bytes[replyEnd + 1] === COMMA;
          end = adapted ? this.find(CLOSE_BRACE, this.find(CLOSE_BRACE, replyEnd) + 1) : replyEnd + 1;
          const reply = this.replyKeys.numberOf(bytes, at + REPLY_AT, replyEnd);
          const index = line.replies.indexOf(reply);
          if (index < 0) {
            line.replies.push(reply);
            line.uses.push(adapted ? 2 : 1);
          } else {
            line.uses[index]! |= adapted ? 2 : 1;
          }
          break;
        }
        case 0x74: { // t: tag, built as JSON.parse would build it, keys in the same order
          const tagEnd = this.find(QUOTE, at + TAG_AT);
          const tag = this.idText(at + TAG_AT, tagEnd);
          (line.tagChanges ??= []).push({ type: 'tag', at: this.text.ascii(at + TAG_TIME_AT, at + TAG_TIME_AT + TIME_LENGTH), tag, added: bytes[tagEnd + ADDED] === 0x74 });
          end = this.find(CLOSE_BRACE, tagEnd);
          break;
        }
        default:
          end = this.find(CLOSE_BRACE, at);
      }
      at = bytes[end + 1] === COMMA ? end + 2 : end + 1;
    }
    return at + 1;
  }

  /** The index of the value (with its closing quote) spelt at `at` among `values`, -1 for none. */
  private valueIndex(at: number, values: readonly Uint8Array[]): number {
    const bytes = this.bytes;
    const first = bytes[at];
    for (let index = 0; index < values.length; index++) {
      const value = values[index]!;
      if (value[0] !== first) continue;
      let same = true;
      for (let offset = 0; offset < value.length; offset++) {
        if (bytes[at + offset] !== value[offset]) {
          same = false;
          break;
        }
      }
      if (same) return index;
    }
    return -1;
  }
}

/**
 * Whether a time of toISOString's shape (24 bytes at `at`, digits where digits go) is on the
 * calendar as case-line-pattern.ts's TIME has it: a month of the year, a day of that month (the
 * leap day in a year divisible by 4, a century only by 400), an hour of the day, a minute and a
 * second under 60.
 */
export function isCalendarTime(bytes: Uint8Array, at: number): boolean {
  const month = two(bytes, at + 5);
  const day = two(bytes, at + 8);
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > MONTH_DAYS[month]!) {
    if (month !== 2 || day !== 29) return false;
    const year = two(bytes, at) * 100 + two(bytes, at + 2);
    if (year % 4 !== 0 || (year % 100 === 0 && year % 400 !== 0)) return false;
  }
  return two(bytes, at + 11) <= 23 && two(bytes, at + 14) <= 59 && two(bytes, at + 17) <= 59;
}

/** The milliseconds since 1970 of a time as toISOString writes it (24 bytes at `at`), on a real calendar date: what Date.parse gives for it. */
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
