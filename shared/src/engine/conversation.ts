// Where a chat stands on the golden sales model, inferred from what the customer said and
// which replies the salesperson already used.
import type { Bundle } from '../playbook/bundle.ts';
import type { Intent, Sequence, Step } from '../playbook/schema.ts';

/** A chat so far. Both lists are oldest first; either may be left out. */
export interface Conversation {
  /** The customer's earlier messages (the current one is passed separately to the engine). */
  customerMessages?: readonly string[];
  /** Ids of the replies the salesperson already used in this chat. */
  usedReplies?: readonly string[];
}

export interface ConversationState {
  /** The sequence followed, normally the golden model; undefined when the bundle has none. */
  sequence?: string;
  /** The step the chat is in now, or null when the bundle has no sequence. */
  step: string | null;
  /** The step that sensibly comes next, or null at the end. */
  next: string | null;
  /** Steps already served by used replies, in sequence order. */
  reached: string[];
}

export const GOLDEN_SEQUENCE = 'golden';

interface StepIndex {
  sequence: Sequence;
  /** Reply id → index of the step it was written for or that uses it. */
  replyStep: Map<string, number>;
  /** Reply id → intent of the objection it answers. */
  replyIntent: Map<string, Intent>;
}

const MESSAGES_CONSIDERED = 5;

const indexes = new WeakMap<Bundle, StepIndex | null>();

/** The golden sequence of a bundle (or, failing that, its first sequence), with its reply index. */
export function stepIndexOf(bundle: Bundle): StepIndex | null {
  if (indexes.has(bundle)) return indexes.get(bundle)!;
  const sequences = bundle.playbooks.flatMap((entry) => entry.playbook.sequences ?? []);
  const sequence = sequences.find((candidate) => candidate.id === GOLDEN_SEQUENCE) ?? sequences[0];
  let index: StepIndex | null = null;
  if (sequence) {
    const replyStep = new Map<string, number>();
    sequence.steps.forEach((step, position) => {
      for (const reply of step.replies ?? []) replyStep.set(reply.id, position);
      for (const id of step.uses ?? []) if (!replyStep.has(id)) replyStep.set(id, position);
    });
    const replyIntent = new Map<string, Intent>();
    for (const entry of bundle.playbooks) {
      for (const objection of entry.playbook.objections ?? []) for (const reply of objection.replies) replyIntent.set(reply.id, objection.intent);
    }
    index = { sequence, replyStep, replyIntent };
  }
  indexes.set(bundle, index);
  return index;
}

/** The step a customer intent moves the chat into, looking from step `from` onwards first. */
export function stepForIntent(sequence: Sequence, intent: Intent, from = 0): number {
  const matches = sequence.steps.flatMap((step, position) => ((step.intents ?? []).includes(intent) ? [position] : []));
  if (matches.length === 0) return -1;
  return matches.find((position) => position >= from) ?? matches.at(-1)!;
}

/**
 * The chat's place on the golden model. The current message's intent decides when a step is
 * entered by it (a doubt moves the chat to resolving doubt); small talk keeps the chat where the
 * used replies left it, or at the first step when nothing has happened yet.
 */
export function conversationState(
  bundle: Bundle,
  conversation: Conversation = {},
  intent?: Intent,
  intentOf?: (message: string) => Intent,
): ConversationState {
  const index = stepIndexOf(bundle);
  if (!index) return { step: null, next: null, reached: [] };
  const { sequence, replyStep, replyIntent } = index;
  const reachedPositions = new Set<number>();
  let furthest = -1;
  const reach = (position: number | undefined): void => {
    if (position === undefined || position < 0) return;
    reachedPositions.add(position);
    furthest = Math.max(furthest, position);
  };
  for (const id of conversation.usedReplies ?? []) {
    const answered = replyIntent.get(id);
    reach(replyStep.get(id) ?? (answered ? stepForIntent(sequence, answered, Math.max(0, furthest)) : undefined));
  }
  // Earlier customer messages count too (the last few: old ones say little about where the chat is now).
  let spoken = furthest;
  for (const message of (intentOf ? conversation.customerMessages ?? [] : []).slice(-MESSAGES_CONSIDERED)) {
    const earlier = intentOf!(message);
    if (earlier !== 'other') spoken = Math.max(spoken, stepForIntent(sequence, earlier, Math.max(0, spoken)));
  }
  let current = intent && intent !== 'other' ? stepForIntent(sequence, intent, Math.max(0, furthest, spoken)) : -1;
  if (current < 0) current = Math.max(furthest, spoken);
  if (current < 0) current = Math.max(0, intent ? stepForIntent(sequence, intent) : 0);
  const step: Step = sequence.steps[current]!;
  return {
    sequence: sequence.id,
    step: step.id,
    next: nextStepOf(sequence, current),
    reached: [...reachedPositions].sort((a, b) => a - b).map((position) => sequence.steps[position]!.id),
  };
}

function nextStepOf(sequence: Sequence, position: number): string | null {
  const step = sequence.steps[position]!;
  if (step.next && sequence.steps.some((candidate) => candidate.id === step.next)) return step.next;
  return sequence.steps[position + 1]?.id ?? null;
}
