// What a customer reads, for the compliance rules: every reply's text, and the slots of every
// story (stories are told to customers who doubt), each with its path for the diagnostic.
import type { Path } from '../parse.ts';
import type { Playbook } from '../schema.ts';
import { repliesOf } from './items.ts';

export interface CustomerText {
  text: string;
  path: Path;
  /** How a message names it: `reply "id"` or `story "id"`. */
  owner: string;
  kind: 'reply' | 'story';
}

export function customerTexts(playbook: Playbook): CustomerText[] {
  const texts: CustomerText[] = repliesOf(playbook).map(({ reply, path }) => ({ text: reply.text, path: [...path, 'text'], owner: `reply "${reply.id}"`, kind: 'reply' }));
  playbook.stories?.forEach((story, s) => {
    const slots = [['background'], ['problem'], ['solution'], ['feeling', 'before'], ['feeling', 'after']] as const;
    for (const slot of slots) {
      const value = slot.length === 1 ? story[slot[0]] : story.feeling[slot[1]];
      const path: (string | number)[] = ['stories', s, ...slot];
      // A {zh-CN, en} text: each language is its own scalar in the file.
      if (typeof value === 'string') texts.push({ text: value, path, owner: `story "${story.id}"`, kind: 'story' });
      else for (const [language, text] of Object.entries(value)) if (text) texts.push({ text, path: [...path, language], owner: `story "${story.id}"`, kind: 'story' });
    }
  });
  return texts;
}

export interface Phrase {
  /** What is matched; must not be global (the helper scans with its own copy). */
  pattern: RegExp;
  /** How the message names what was found, e.g. "an absolute guarantee". */
  what: string;
}

export interface PhraseHit {
  text: CustomerText;
  phrase: Phrase;
  match: string;
  index: number;
}

interface Found {
  phrase: Phrase;
  match: string;
  index: number;
}

/** Past this many texts remembered for one list of phrases, the memory starts again (the next lint refills it). */
const MAX_REMEMBERED_TEXTS = 20_000;

/**
 * What each text contains of a list of phrases, by its text: an edit changes one reply, and the
 * rules re-run over the whole edited file (2,000 replies scanned with every phrase took longer
 * than the rest of the lint), so the other texts are looked up instead of scanned again.
 */
const foundByPhrases = new WeakMap<readonly Phrase[], { global: RegExp[]; byText: Map<string, Found[]> }>();

function phrasesIn(text: string, phrases: readonly Phrase[]): Found[] {
  let memory = foundByPhrases.get(phrases);
  if (!memory) {
    const global = phrases.map(({ pattern }) => new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'));
    memory = { global, byText: new Map() };
    foundByPhrases.set(phrases, memory);
  }
  const known = memory.byText.get(text);
  if (known) return known;
  const found: Found[] = [];
  // Slots are blanked out (same length, so indexes still point into the text as written).
  const plain = text.replace(/\{\{[^{}]*\}\}/g, (slot) => ' '.repeat(slot.length));
  phrases.forEach((phrase, p) => {
    for (const match of plain.matchAll(memory.global[p]!)) found.push({ phrase, match: match[0], index: match.index });
  });
  if (memory.byText.size >= MAX_REMEMBERED_TEXTS) memory.byText.clear();
  memory.byText.set(text, found);
  return found;
}

/** Every occurrence of the phrases in the texts, outside {{variable}} slots. */
export function findPhrases(texts: readonly CustomerText[], phrases: readonly Phrase[]): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (const text of texts) for (const { phrase, match, index } of phrasesIn(text.text, phrases)) hits.push({ text, phrase, match, index });
  return hits;
}

/** The clause around `index` (between sentence marks), for rules that accept a phrase tied to a variable. */
export function clauseAround(text: string, index: number): string {
  const marks = /[。！？!?；;\n]|\.(\s|$)/g;
  let start = 0;
  let end = text.length;
  for (const mark of text.matchAll(marks)) {
    if (mark.index < index) start = mark.index + mark[0].length;
    else {
      end = mark.index;
      break;
    }
  }
  return text.slice(start, end);
}
