import { type BubbleContext } from './bubble-context.ts';
import { bubblesNewestFirst } from './bubbles.ts';
import { parentOf } from './deep.ts';
import { directionAlignment } from './direction-alignment.ts';
import { directionOwnInserts } from './direction-own-inserts.ts';
import { directionWords } from './direction-words.ts';
import { bubbleText, textPieces } from './message-text.ts';
import { TIME_TEXT } from './noise-time.ts';
import type { BubbleReading, ReadingContext } from './reading.ts';
import { scoreWith, type Signal } from './signal.ts';
import { systemCentred } from './system-centred.ts';
import { systemText } from './system-text.ts';
import { systemWords } from './system-words.ts';

// Reading a message list: each bubble's text without its noise, whose it is, and whether it is
// a notice rather than a message. Newest first and lazily: callers stop at what they need.

const DIRECTION: readonly Signal<BubbleReading, ReadingContext>[] = [directionOwnInserts, directionWords, directionAlignment];
const NOTICE: readonly Signal<BubbleReading, ReadingContext>[] = [systemWords, systemCentred, systemText];
/** How many of the newest bubbles are looked at for recurring sender names. */
const LEAD_SAMPLE = 24;
/** How far back a search for the newest customer (or own) message goes before it gives up. */
const MAX_SCAN = 400;

export interface ReadMessage {
  bubble: Element;
  text: string;
  own: boolean;
  notice: boolean;
  /** Why: the direction and notice signals that spoke, and the noise left out. */
  why: string[];
}

/** A site adapter's own knowledge of whose a bubble is; undefined leaves it to the signals. */
export type KnownDirection = (bubble: Element, list: Element) => boolean | undefined;

export interface ReadOptions extends ReadingContext {
  knownDirection?: KnownDirection;
}

function keyOf(element: Element | null, bubble: Element): string {
  let depth = 0;
  for (let node = element; node && node !== bubble; node = node.parentElement) depth += 1;
  return `${element?.localName}.${element?.getAttribute('class') ?? ''}@${depth}`;
}

/**
 * Sender names, as many libraries print them above every message: short texts that open
 * bubbles with more text after them, from elements in the same place in each bubble, where the
 * same few texts come back (two people's names) rather than a new first line each time.
 */
function recurringLeads(list: Element): Set<string> {
  const byPlace = new Map<string, string[]>();
  let sampled = 0;
  for (const bubble of bubblesNewestFirst(list)) {
    if (++sampled > LEAD_SAMPLE) break;
    const pieces = textPieces(bubble, 4).filter((piece) => !TIME_TEXT.test(piece.text));
    const [first, second] = pieces;
    if (!first || !second || first.text.length > 40 || first.node.parentElement === second.node.parentElement) continue;
    const key = keyOf(first.node.parentElement, bubble);
    byPlace.set(key, [...(byPlace.get(key) ?? []), first.text]);
  }
  const leads = new Set<string>();
  for (const texts of byPlace.values()) {
    if (texts.length >= 2 && new Set(texts).size < texts.length) for (const text of texts) leads.add(text);
  }
  return leads;
}

function firstPiece(bubble: Element): Element | undefined {
  const pieces = textPieces(bubble, 2);
  return pieces.length === 2 && pieces[0]!.node.parentElement !== pieces[1]!.node.parentElement ? pieces[0]!.node.parentElement ?? undefined : undefined;
}

function pathOf(bubble: Element, list: Element, first: Text | undefined): Element[] {
  const path: Element[] = [];
  for (let node = parentOf(bubble); node && node !== list; node = parentOf(node)) path.push(node);
  path.push(bubble);
  const below: Element[] = [];
  for (let node = first?.parentElement ?? null; node && node !== bubble && bubble.contains(node); node = node.parentElement) below.push(node);
  return path.concat(below.reverse());
}

function boxBetween(first: Text | undefined, last: Text | undefined): DOMRect {
  if (!first || !last) return new DOMRect();
  const range = first.ownerDocument.createRange();
  range.setStart(first, 0);
  range.setEnd(last, last.length);
  return range.getBoundingClientRect();
}

/** The list's messages and notices, newest first, each with its text and direction. */
export function* readNewestFirst(list: Element, options: ReadOptions): Generator<ReadMessage> {
  let leads: Set<string> | undefined;
  const listBox = list.getBoundingClientRect();
  for (const bubble of bubblesNewestFirst(list)) {
    leads ??= recurringLeads(list);
    const context: BubbleContext = { bubble, leads, firstPiece: firstPiece(bubble) };
    const read = bubbleText(bubble, context);
    if (!read.text) continue;
    const reading: BubbleReading = { bubble, list, listBox, text: read.text, textBox: boxBetween(read.first, read.last), path: pathOf(bubble, list, read.first) };
    const notice = scoreWith(NOTICE, reading, options);
    const known = options.knownDirection?.(bubble, list);
    const direction = known === undefined ? scoreWith(DIRECTION, reading, options) : { score: known ? 1 : -1, reasons: ['site adapter'] };
    const isNotice = notice.score >= 1;
    yield {
      bubble,
      text: read.text,
      own: !isNotice && direction.score > 0,
      notice: isNotice,
      why: [
        ...(isNotice ? notice.reasons.map((reason) => `notice: ${reason}`) : direction.reasons.map((reason) => `${direction.score > 0 ? 'own' : 'customer'}: ${reason}`)),
        ...read.dropped.map((dropped) => `left out ${dropped}`),
      ],
    };
  }
}

/** The newest message the customer wrote (notices and the salesperson's own skipped). */
export function latestCustomerMessage(list: Element, options: ReadOptions): ReadMessage | undefined {
  let scanned = 0;
  for (const message of readNewestFirst(list, options)) {
    if (!message.notice && !message.own) return message;
    if (++scanned >= MAX_SCAN) break;
  }
  return undefined;
}

/** The newest message the salesperson wrote. */
export function latestOwnMessage(list: Element, options: ReadOptions): ReadMessage | undefined {
  let scanned = 0;
  for (const message of readNewestFirst(list, options)) {
    if (message.own) return message;
    if (++scanned >= MAX_SCAN) break;
  }
  return undefined;
}
