// The approved replies a new hire's words are measured against, built once per bundle: each
// reply filled with its declared defaults in its own language (as the side panel would insert
// it), with the intent of its objection and the golden step it serves.
import { bundleReplies, type Bundle } from '../../playbook/bundle.ts';
import { renderReply } from '../../playbook/render.ts';
import { replyLanguage } from '../../playbook/reply-language.ts';
import type { GoldenStep, Intent, Language, LocalText } from '../../playbook/schema.ts';
import { stepIndexOf } from '../conversation.ts';
import { textVector, type TextVector } from './closeness.ts';

export interface ApprovedReply {
  id: string;
  label: string;
  /** The text as inserted: variables filled with their defaults. */
  text: string;
  language: Language;
  /** The intent of the objection it answers, when it answers one. */
  intent?: Intent;
  /** The objection's principle: why the reply works. */
  principle?: LocalText;
  /** The golden step the reply serves, when any. */
  step?: GoldenStep;
  vector: TextVector;
}

const indexes = new WeakMap<Bundle, ApprovedReply[]>();

export function approvedReplies(bundle: Bundle): ApprovedReply[] {
  const cached = indexes.get(bundle);
  if (cached) return cached;
  const { replyStep } = stepIndexOf(bundle);
  const replies = bundleReplies(bundle).map((entry): ApprovedReply => {
    const language = replyLanguage(entry.reply);
    const text = renderReply(entry.reply.text, entry.variables, {}, language).text;
    const step = replyStep.get(entry.reply.id);
    return {
      id: entry.reply.id,
      label: entry.reply.label,
      text,
      language,
      ...(entry.objection ? { intent: entry.objection.intent, principle: entry.objection.principle } : {}),
      ...(step ? { step } : {}),
      vector: textVector(text),
    };
  });
  indexes.set(bundle, replies);
  return replies;
}

export interface Closest {
  reply: ApprovedReply;
  closeness: number;
}

/** The approved reply among `candidates` closest to the vector; ties go to the one listed first (authors list the best first). */
export function closestReply(vector: TextVector, candidates: readonly ApprovedReply[], measure: (a: TextVector, b: TextVector) => number, language?: Language): Closest | undefined {
  let best: Closest | undefined;
  for (const reply of candidates) {
    const value = measure(vector, reply.vector);
    if (!best || value > best.closeness) best = { reply, closeness: value };
  }
  // With nothing close, show the first approved reply in the customer's language as the model answer.
  if (best && best.closeness === 0 && language) {
    const first = candidates.find((reply) => reply.language === language);
    if (first) best = { reply: first, closeness: 0 };
  }
  return best;
}
