import { shortText, type BubbleContext } from './bubble-context.ts';
import { styleOf } from './deep.ts';
import { noiseAvatar } from './noise-avatar.ts';
import { noiseControls } from './noise-controls.ts';
import { noiseName } from './noise-name.ts';
import { noiseQuote } from './noise-quote.ts';
import { noiseReceipt } from './noise-receipt.ts';
import { noiseTime } from './noise-time.ts';
import { noiseTyping } from './noise-typing.ts';
import { noiseUnreadMarker } from './noise-unread-marker.ts';
import type { Signal } from './signal.ts';

// The text of one bubble, as the customer wrote it: the bubble's visible text with the parts
// the noise signals recognise left out (name, avatar, time, receipt, quote, buttons, typing,
// the unread line).
// Read from text nodes, never as HTML. Line breaks follow the page's blocks and <br>s.

export const MAX_MESSAGE_LENGTH = 4000;

const ALL_NOISE: readonly Signal<Element, BubbleContext>[] = [noiseTime, noiseName, noiseReceipt, noiseAvatar, noiseQuote, noiseControls, noiseTyping, noiseUnreadMarker];
// When leaving out every kind of noise leaves nothing (a customer who wrote "10:30" and only
// that), the text is read again leaving out only what can never be a message.
const ALWAYS_NOISE: readonly Signal<Element, BubbleContext>[] = [noiseAvatar, noiseControls, noiseTyping];

export interface BubbleText {
  text: string;
  /** The first and last text nodes read, to measure where the text sits. */
  first?: Text;
  last?: Text;
  /** The noise left out, e.g. "time: 10:09" (shown in Settings). */
  dropped: string[];
}

function isHidden(element: Element): boolean {
  return typeof element.checkVisibility === 'function' ? !element.checkVisibility({ visibilityProperty: true }) : false;
}

const INLINE = /^inline|^contents$|^ruby/;

/**
 * The kind of noise an element is, if any: each kind is its own hypothesis with its own score,
 * so the strongest decides (a time inside an element named "msg-time" is still a time).
 */
function strongestNoise(signals: readonly Signal<Element, BubbleContext>[], element: Element, context: BubbleContext): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const signal of signals) {
    const score = signal.score(element, context);
    if (score >= 1 && (!best || score > best.score)) best = { name: signal.name, score };
  }
  return best?.name;
}

class Collector {
  parts: string[] = [];
  length = 0;
  first?: Text;
  last?: Text;
  dropped: string[] = [];
  private readonly keepsLines = new Map<Element, boolean>();

  constructor(private readonly signals: readonly Signal<Element, BubbleContext>[], private readonly context: BubbleContext) {}

  walk(node: Node): void {
    for (let child = node.firstChild; child && this.length < MAX_MESSAGE_LENGTH; child = child.nextSibling) this.visit(child);
  }

  private visit(node: Node): void {
    if (node.nodeType === Node.TEXT_NODE) return this.text(node as Text);
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as Element;
    if (element.localName === 'br') return this.push('\n');
    if (element.localName === 'slot') {
      for (const assigned of (element as HTMLSlotElement).assignedNodes({ flatten: true })) this.visit(assigned);
      return;
    }
    if (isHidden(element)) return;
    const noise = strongestNoise(this.signals, element, this.context);
    if (noise) {
      this.dropped.push(`${noise}: ${shortText(element, 60) ?? '…'}`);
      return;
    }
    const block = !INLINE.test(styleOf(element).display);
    if (block) this.push('\n');
    this.walk(element.shadowRoot ?? element);
    if (block) this.push('\n');
  }

  private text(node: Text): void {
    const raw = node.data;
    if (raw.trim() === '') {
      if (raw.length > 0) this.push(' ');
      return;
    }
    const parent = node.parentElement;
    let keepsLines = parent ? this.keepsLines.get(parent) : false;
    if (parent && keepsLines === undefined) {
      keepsLines = /^pre|^break-spaces/.test(styleOf(parent).whiteSpace);
      this.keepsLines.set(parent, keepsLines);
    }
    this.first ??= node;
    this.last = node;
    this.push(keepsLines ? raw : raw.replace(/\s+/g, ' '));
  }

  private push(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }

  result(): BubbleText {
    const text = this.parts.join('')
      .split('\n').map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim()).join('\n')
      .replace(/\n{2,}/g, '\n').trim()
      .slice(0, MAX_MESSAGE_LENGTH);
    return { text, first: this.first, last: this.last, dropped: this.dropped };
  }
}

/** The bubble's message text, and what was left out of it. */
export function bubbleText(bubble: Element, context: BubbleContext): BubbleText {
  const full = new Collector(ALL_NOISE, context);
  full.walk(bubble.shadowRoot ?? bubble);
  const result = full.result();
  if (result.text) return result;
  const plain = new Collector(ALWAYS_NOISE, context);
  plain.walk(bubble.shadowRoot ?? bubble);
  return plain.result();
}

/** The trimmed text of each non-empty text node under `bubble`, up to `limit` of them. */
export function textPieces(bubble: Element, limit = 3): Array<{ text: string; node: Text }> {
  const pieces: Array<{ text: string; node: Text }> = [];
  const walker = bubble.ownerDocument.createTreeWalker(bubble.shadowRoot ?? bubble, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node && pieces.length < limit; node = walker.nextNode() as Text | null) {
    const text = node.data.trim();
    if (text) pieces.push({ text, node });
  }
  return pieces;
}
