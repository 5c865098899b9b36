import type { Language } from '../../playbook/schema.ts';

/** What a playbook may say about adapting one reply: false forbids it; bounds narrow it. */
export type AdaptBounds =
  | boolean
  | {
      /** The most characters the adapted text may have. */
      maxLength?: number;
      /** The largest share of words that may change, 0..1: word edits over the longer text's words. */
      maxChange?: number;
    };

/** Everything the gate looks at: the approved text, the model's text and what the customer wrote. */
export interface AdaptationInput {
  /** The approved reply as it would be inserted: variables filled. */
  original: string;
  /** The model's text, with any placeholders already put back. */
  adapted: string;
  /** The customer's message the adaptation answers. */
  customerMessage: string;
  /** The values filled into the reply's {{variables}} (name → value). */
  values?: Readonly<Record<string, string>>;
  /** The language the adaptation must be in; by default the customer's (else the approved reply's). */
  language?: Language;
  /** The reply's own `adapt` setting from the playbook. */
  bounds?: AdaptBounds;
}

/** Why an adaptation may not be shown, in words a salesperson reads. */
export interface AdaptationReason {
  /** The check's id, its file's name. */
  check: string;
  /**
   * What is wrong, as a stable id (`<check>.<what>`, see ADAPTATION_REASON_CODES), so a surface
   * can say it in its own language; `message` is the English the CLI prints.
   */
  code: AdaptationReasonCode;
  /** What fills the reason's words, in the order its code lists. */
  params: string[];
  message: string;
}

/** Every reason the gate and the surfaces give, with the parameters each carries, in order. */
export const ADAPTATION_REASON_CODES = {
  'answered.empty': [],
  'answered.slot-unfilled': [],
  'answered.placeholder-left': ['placeholder'],
  'adapt-allowed.verbatim-only': [],
  'figures-kept.missing': ['figure kind', 'figure'],
  'figures-kept.added': ['figure kind', 'figure'],
  'no-new-claims.added': ['claim rule id', 'words'],
  'same-language.other': ['written language', 'customer language'],
  'within-bounds.too-long': ['length', 'most'],
  'within-bounds.too-changed': ['percent changed', 'most percent'],
  'values-kept.missing': ['variable', 'value'],
  'no-injection-obeyed.self-talk': ['words'],
  'no-injection-obeyed.order-obeyed': ['order', 'words followed'],
  // Given by the surfaces, before or instead of the gate.
  'policy.refused': ['why, in English'],
  'policy.off': [],
  'endpoint.failed': ['error, in English'],
} as const satisfies Record<string, readonly string[]>;
export type AdaptationReasonCode = keyof typeof ADAPTATION_REASON_CODES;

/** One check of the gate: pure, and every problem it finds is one reason. */
export interface AdaptationCheck {
  id: string;
  check(input: AdaptationInput): AdaptationReason[];
}
