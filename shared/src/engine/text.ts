// Language handling shared by the classifier and search: normalising text, cutting it into
// clauses, and the few generic cues (negation, contrast) that are about language, not intents.

/** Longer input is cut: a chat message's point is in its first and last sentences, and the
 * engine must stay fast on a pasted 100,000-character wall of text. */
const MAX_CHARS = 2000;

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g;
// Tags are markup the chat page leaked into the message, not words the customer typed.
const HTML_TAG = /<\/?[a-zA-Z][^<>]{0,200}>/g;
const HTML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

/** Lower-cased, NFKC (full-width → half-width), no markup or control characters, bounded length. */
export function normalizeText(text: string): string {
  let value = typeof text === 'string' ? text : '';
  if (value.length > MAX_CHARS) value = value.slice(0, MAX_CHARS / 2) + '\n' + value.slice(-MAX_CHARS / 2);
  return value
    .replace(CONTROL, ' ')
    .replace(HTML_TAG, ' ')
    .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (entity) => HTML_ENTITIES[entity] ?? ' ')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const WORD = /[a-z0-9]+(?:'[a-z]+)?/g;

/** The pieces of a message, each with a weight: what follows a contrast outweighs what precedes it. */
export interface Clause {
  text: string;
  /** Where the clause starts in the normalised message. */
  start: number;
  weight: number;
}

// Contrast markers: "A, but B" means B. A marker opening the whole message does not count, since
// 就是/只是 also open plain sentences ("就是它了").
const ZH_CONTRAST = /(但是|可是|不过|然而|只不过|只是|就是|但|而是|却)/;
const EN_CONTRAST = /\b(but|however|though|although|yet|except)\b/;
// A clause that opens with a denial ("不是价格的问题", "it's not the money") says what the point is NOT.
const ZH_DENIAL = /^(我|也|倒|并|真|其实|说实话)?(不是|并非|并不是|倒不是|也不是|不差|没有|不在乎|不怕|不嫌)/;
const EN_DENIAL = /^(it'?s |it is |i'?m |this is |that'?s )?(not|no|never|isn'?t|wasn'?t|don'?t|doesn'?t)\b/;
const CLAUSE_SPAN = /[^，,。.!！?？;；、~～…\n:：()（）【】\[\]"“”—]+/g;

const BEFORE_CONTRAST = 0.3;
const DENIED = 0.15;

/** Cut a normalised message into clauses and weigh them by the contrast and denial cues. */
export function clausesOf(normalized: string): Clause[] {
  const pieces: (Clause & { afterContrast: boolean })[] = [];
  for (const span of normalized.matchAll(CLAUSE_SPAN)) {
    const text = span[0];
    // A contrast marker opening a clause ("…，但是太贵了") or inside one ("价格不贵就是…") splits the message.
    const match = contrastIn(text, pieces.length > 0);
    if (match) {
      const cut = match.index + match[0].length;
      pieces.push({ text: text.slice(0, match.index), start: span.index, weight: 1, afterContrast: false });
      pieces.push({ text: text.slice(cut), start: span.index + cut, weight: 1, afterContrast: true });
    } else {
      pieces.push({ text, start: span.index, weight: 1, afterContrast: false });
    }
  }
  const kept = pieces.filter((piece) => piece.text.trim().length > 0);
  // Everything before the last contrast is background; a denied clause is background when more follows.
  const lastContrast = kept.map((piece) => piece.afterContrast).lastIndexOf(true);
  return kept.map((piece, index) => {
    let weight = index < lastContrast ? BEFORE_CONTRAST : 1;
    const trimmed = piece.text.trim();
    if (index < kept.length - 1 && (ZH_DENIAL.test(trimmed) || EN_DENIAL.test(trimmed))) weight = Math.min(weight, DENIED);
    return { text: piece.text, start: piece.start, weight };
  });
}

/** The weight of the clause that holds position `index` of a normalised message. */
export function clauseWeightAt(clauses: readonly Clause[], index: number): number {
  for (const clause of clauses) if (index >= clause.start && index < clause.start + clause.text.length) return clause.weight;
  return 1;
}

function contrastIn(text: string, atStartCounts: boolean): RegExpExecArray | null {
  for (const pattern of [ZH_CONTRAST, EN_CONTRAST]) {
    const match = pattern.exec(text);
    if (match && (match.index > 0 || atStartCounts) && text.slice(match.index + match[0].length).trim()) return match;
  }
  return null;
}

// Negators right before a keyword cancel it: "不贵" is not about price, "no discount" is not asking one.
const ZH_NEGATOR = /(不|没|别|无|非|未)(是|太|很|算|那么|怎么|够)?$/;
const EN_NEGATOR = /\b(not|no|never|without|n't)\s+(\w+\s+)?$/;

/** Whether the text just before `index` negates what starts there ("不贵", "不是价格", "not too pricey"). */
export function isNegatedAt(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 16), index);
  return ZH_NEGATOR.test(before) || EN_NEGATOR.test(before);
}

const EN_STOPWORDS = new Set(
  'a an the i me my we our you your it its is am are was were be been to of in on at for and or so do does did this that these those there here with as by from just really very too please pls ok okay hmm um uh lol haha tbh u r rn'.split(
    ' ',
  ),
);

/** Fold an English word to a rough stem, so "prices", "pricing" and "price" meet. */
export function stemWord(word: string): string {
  let stem = word.replace(/'s$/, '');
  if (stem.length > 5 && stem.endsWith('ing')) stem = stem.slice(0, -3);
  else if (stem.length > 4 && stem.endsWith('ed')) stem = stem.slice(0, -2);
  else if (stem.length > 3 && stem.endsWith('es') && /(ss|sh|ch|x)es$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.length > 3 && stem.endsWith('s') && !stem.endsWith('ss')) stem = stem.slice(0, -1);
  if (stem.length > 3 && stem.endsWith('e')) stem = stem.slice(0, -1);
  return stem;
}

const UNIGRAM = 0.4;
const TYPO_GRAM = 0.25;

/**
 * The features of a piece of normalised text: Chinese character 1-, 2- and 3-grams, English
 * stemmed words and word pairs, and character trigrams of English words so typos still meet.
 */
export function featuresOf(text: string, weight = 1, into: Map<string, number> = new Map()): Map<string, number> {
  const add = (feature: string, value: number): void => {
    into.set(feature, (into.get(feature) ?? 0) + value * weight);
  };
  for (const [run] of text.matchAll(CJK_RUN)) {
    for (let i = 0; i < run.length; i++) {
      add(run[i]!, UNIGRAM);
      if (i + 1 < run.length) add(run.slice(i, i + 2), 1);
      if (i + 2 < run.length) add(run.slice(i, i + 3), 1);
    }
  }
  const words = [...text.replace(/n't\b/g, ' not').matchAll(WORD)].map((match) => match[0]);
  let previous: string | undefined;
  for (const raw of words) {
    if (/^\d+$/.test(raw)) {
      add('#num', UNIGRAM);
      previous = undefined;
      continue;
    }
    if (EN_STOPWORDS.has(raw)) {
      previous = undefined;
      continue;
    }
    const word = stemWord(raw);
    add('w:' + word, 1);
    if (previous) add('w:' + previous + ' ' + word, 1);
    previous = word;
    if (word.length >= 4) {
      const padded = `<${word}>`;
      for (let i = 0; i + 3 <= padded.length; i++) add('t:' + padded.slice(i, i + 3), TYPO_GRAM);
    }
  }
  return into;
}

/** The features of a whole message, clause weights applied. */
export function messageFeatures(normalized: string): Map<string, number> {
  const features = new Map<string, number>();
  for (const clause of clausesOf(normalized)) featuresOf(clause.text, clause.weight, features);
  return features;
}

// Generic grammatical cues, added as features of their own. Which intent they point to is learnt
// from the triggers like any n-gram; the code only knows the grammar.
const COMPARATIVE = /(跟|和|与|同|对比)[^，,。.!！?？]{1,12}(比|一样|不一样|区别|差别|差不多)|比(你|您|这|他|她|它|别|人|那|官|某|网|线)|\b(than|compared?|comparing|versus|vs)\b/;
// A brand or product name written in Latin letters: capitalised after a lower-case word or a Chinese
// character (not a sentence's first word), camel-cased ("iPad"), or capitals right before Chinese ("XX品牌").
const NAME = /(?:[\p{Ll}\p{N},']\s+|[\u3400-\u9fff]\s*)([A-Z][A-Za-z0-9]*)|\b([a-z]+[A-Z][A-Za-z0-9]*)|^([A-Z][A-Za-z0-9]*)(?=\s*[\u3400-\u9fff])/gu;
const NOT_NAMES = new Set(['I', 'OK', 'Ok', 'OMG', 'LOL', 'TBH', 'BTW', 'PS']);

const SHORT_MESSAGE = 6;
const QUESTION = /[?？]\s*$|[吗呢么]\s*[?？]?\s*$|^(what|which|how|does|do|is|are|can|could|where|when)\b|什么|怎么|哪|多少|几|有没有|是不是|能不能|可不可以/;

/** The grammatical cues of a message: a comparative construction (`#cmp`), a named brand (`#name`), a question (`#q`), a very short message (`#short`). */
export function languageCues(original: string): string[] {
  const text = typeof original === 'string' ? original.slice(0, 4000).normalize('NFKC') : '';
  const cues: string[] = [];
  if (COMPARATIVE.test(text.toLowerCase())) cues.push('#cmp');
  // A question, and a one-word message ("贵", "ok", "在吗", "?"), each behave as a kind of their own.
  if (QUESTION.test(text.toLowerCase())) cues.push('#q');
  if (text.trim().length <= SHORT_MESSAGE) cues.push('#short');
  for (const match of text.matchAll(NAME)) {
    if (!NOT_NAMES.has(match[1] ?? match[2] ?? match[3]!)) {
      cues.push('#name');
      break;
    }
  }
  return cues;
}
