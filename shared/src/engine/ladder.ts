// The product ladder in the suggestions: a customer whose tags say they have little to spend
// (a tag with tier entry) and who finds the price too high is offered the step below, beside the
// value replies, instead of a discount — the knowledge-product method's smaller first step.
import { bundleReplies, type Bundle, type BundledReply } from '../playbook/bundle.ts';
import { localText } from '../playbook/local-text.ts';
import { renderReply } from '../playbook/render.ts';
import { replyLanguage } from '../playbook/reply-language.ts';
import type { CustomerTag, Intent, LadderRung, Language } from '../playbook/schema.ts';
import type { SuggestedReply } from './suggested-reply.ts';

/** A rung's offer as a suggested reply. */
export type LadderReply = SuggestedReply & {
  /** The rung offered. */
  rung: string;
};

export interface LadderContext {
  intent: Intent;
  /** The customer's accepted tags (ids of level-3 customer tags). */
  tags?: readonly string[];
  /** Replies already used in this chat: a rung already offered is not offered again. */
  usedReplies?: readonly string[];
  language: Language;
  values?: Readonly<Record<string, string>>;
}

const repliesById = new WeakMap<Bundle, Map<string, BundledReply>>();

function replyById(bundle: Bundle, id: string): BundledReply | undefined {
  let byId = repliesById.get(bundle);
  if (!byId) {
    byId = new Map(bundleReplies(bundle).map((entry) => [entry.reply.id, entry]));
    repliesById.set(bundle, byId);
  }
  return byId.get(id);
}

/** The customer's tags that imply the entry tier ("little to spend"), in the order the tree declares them. */
export function entryTierTags(bundle: Bundle, tags: readonly string[] = []): CustomerTag[] {
  const given = new Set(tags);
  return bundle.customerTags.filter((tag) => tag.tier === 'entry' && given.has(tag.id));
}

/** The reply that offers a rung in the wanted language: its translation when it has one, else its own reply. */
export function rungReplyId(rung: LadderRung, language: Language): string {
  return rung.translations?.[language] ?? rung.reply;
}

/**
 * The lower rung to offer on a price objection from a customer with little to spend: the dearest
 * entry-tier rung (the smallest step down from what they balk at) not yet offered in this chat,
 * then the next cheaper one. Undefined for any other intent, customer or bundle without a ladder.
 */
export function lowerRungReply(bundle: Bundle, context: LadderContext, score: number): LadderReply | undefined {
  if (context.intent !== 'price') return undefined;
  const tag = entryTierTags(bundle, context.tags)[0];
  if (!tag) return undefined;
  const used = new Set(context.usedReplies ?? []);
  const rungs = bundle.ladder.filter((rung) => rung.tier === 'entry').reverse();
  for (const rung of rungs) {
    const entry = replyById(bundle, rungReplyId(rung, context.language));
    if (!entry || used.has(entry.reply.id)) continue;
    const language = replyLanguage(entry.reply);
    const rendered = renderReply(entry.reply.text, entry.variables, context.values, language);
    const tagLabel = localText(tag.label, context.language);
    const rungLabel = localText(rung.label, context.language);
    return {
      id: entry.reply.id,
      label: entry.reply.label,
      text: rendered.text,
      playbook: entry.playbook,
      file: entry.file,
      line: entry.line,
      score,
      why: context.language === 'zh-CN'
        ? `客户标签“${tagLabel}”：嫌贵时先推小一级的${rungLabel}，而不是降价`
        : `tagged “${tagLabel}”: offer a smaller step (${rungLabel}) instead of a discount`,
      missing: rendered.missing,
      used: false,
      rung: rung.id,
    };
  }
  return undefined;
}

/**
 * The ranked replies with the lower rung's offer put second, right after the best value reply
 * (so the salesperson sees both ways out of a price objection), the list kept at `limit`.
 */
export function withLowerRung<R extends { id: string; score: number }>(replies: readonly R[], offer: R | undefined, limit: number): R[] {
  if (!offer || limit <= 0) return [...replies];
  const others = replies.filter((reply) => reply.id !== offer.id);
  return [...others.slice(0, 1), offer, ...others.slice(1)].slice(0, limit);
}
