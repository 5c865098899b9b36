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

/** Every occurrence of the phrases in the texts, outside {{variable}} slots. */
export function findPhrases(texts: readonly CustomerText[], phrases: readonly Phrase[]): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (const text of texts) {
    // Slots are blanked out (same length, so indexes still point into the text as written).
    const plain = text.text.replace(/\{\{[^{}]*\}\}/g, (slot) => ' '.repeat(slot.length));
    for (const phrase of phrases) {
      const global = new RegExp(phrase.pattern.source, phrase.pattern.flags.includes('g') ? phrase.pattern.flags : phrase.pattern.flags + 'g');
      for (const match of plain.matchAll(global)) hits.push({ text, phrase, match: match[0], index: match.index });
    }
  }
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
