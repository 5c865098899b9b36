// One adaptation from request to verdict, without the network: what to send (masked when the
// model is hosted), and the gate's verdict on what came back. The surfaces only send and wait.
import type { BundledReply } from '../../playbook/bundle.ts';
import { defaultIn, renderReply } from '../../playbook/render.ts';
import { replyLanguage } from '../../playbook/reply-language.ts';
import { variableNames } from '../../playbook/variables.ts';
import type { Language } from '../../playbook/schema.ts';
import type { AdaptBounds, AdaptationReason } from './check.ts';
import { gateAdaptation } from './gate.ts';
import { textLanguage } from './language.ts';
import { maskPersonalDetails, restorePersonalDetails, type Masked, type Placeholders } from './placeholders.ts';
import { adaptationMessages, cleanCompletion, type ChatMessage } from './prompt.ts';

export interface AdaptationRequest {
  /** The approved reply, variables filled. */
  approved: string;
  customerMessage: string;
  values?: Readonly<Record<string, string>>;
  bounds?: AdaptBounds;
  language?: Language;
  /** The customer's name as the chat page shows it: kept out of a hosted model's sight. */
  customerName?: string;
  /** The model runs at a hosted service: personal details are replaced by placeholders. */
  hosted: boolean;
}

export interface PreparedAdaptation {
  request: AdaptationRequest;
  language: Language;
  messages: ChatMessage[];
  placeholders: Placeholders;
  /** The customer's message as the model receives it (masked when hosted), for the case's timeline. */
  sentMessage: string;
  /** What was replaced before sending, by kind (for the case's timeline). */
  replaced: Masked['replaced'];
}

export interface AdaptationOutcome {
  accepted: boolean;
  original: string;
  /** The model's text with personal details put back; null when the model gave none. */
  adapted: string | null;
  reasons: AdaptationReason[];
  /** What the salesperson is offered: the adaptation when accepted, else the approved text. */
  text: string;
}

export function prepareAdaptation(request: AdaptationRequest): PreparedAdaptation {
  const language = request.language ?? textLanguage(request.customerMessage) ?? replyLanguage({ text: request.approved });
  let approved = request.approved;
  let customerMessage = request.customerMessage;
  let placeholders: Placeholders = {};
  let replaced: Masked['replaced'] = {};
  if (request.hosted) {
    const names = request.customerName ? [request.customerName] : [];
    const message = maskPersonalDetails(customerMessage, { names });
    const reply = maskPersonalDetails(approved, { names, placeholders: message.placeholders });
    customerMessage = message.text;
    approved = reply.text;
    placeholders = reply.placeholders;
    replaced = message.replaced;
  }
  const customerName = request.hosted ? undefined : request.customerName;
  return { request, language, messages: adaptationMessages({ approved, customerMessage, language, ...(customerName ? { customerName } : {}) }), placeholders, sentMessage: customerMessage, replaced };
}

/** The gate's verdict on a model's answer to a prepared request. */
export function judgeCompletion(prepared: PreparedAdaptation, completion: string): AdaptationOutcome {
  const adapted = restorePersonalDetails(cleanCompletion(completion), prepared.placeholders);
  const { request } = prepared;
  const result = gateAdaptation({
    original: request.approved,
    adapted,
    customerMessage: request.customerMessage,
    language: prepared.language,
    ...(request.values ? { values: request.values } : {}),
    ...(request.bounds !== undefined ? { bounds: request.bounds } : {}),
  });
  return { accepted: result.accepted, original: request.approved, adapted, reasons: result.reasons, text: result.text };
}

/** The outcome when no answer came (an error, a time-out, a refusal by policy): the approved text, with why. */
export function failedAdaptation(original: string, reason: AdaptationReason): AdaptationOutcome {
  return { accepted: false, original, adapted: null, reasons: [reason], text: original };
}

/** A bundled reply as the gate needs it: its text filled in, the values that filled it, and its playbook's bounds. */
export function approvedReply(entry: Pick<BundledReply, 'reply' | 'variables'>, values: Readonly<Record<string, string>> = {}): { approved: string; values: Record<string, string>; bounds?: AdaptBounds } {
  const language = replyLanguage(entry.reply);
  const filled: Record<string, string> = {};
  for (const name of variableNames(entry.reply.text)) {
    const given = Object.hasOwn(values, name) ? values[name]?.trim() : undefined;
    const value = given || (Object.hasOwn(entry.variables, name) ? defaultIn(entry.variables[name]?.default, language) : undefined);
    if (value) filled[name] = value;
  }
  const approved = renderReply(entry.reply.text, entry.variables, values, language).text;
  return { approved, values: filled, ...(entry.reply.adapt !== undefined ? { bounds: entry.reply.adapt } : {}) };
}
