// The golden sales model (DOMAIN.md, seed 004 "Step3") as a table a sales coach can check line by
// line: in which step a chat is after each thing the customer says. Rows are read top to bottom
// and the first row whose `from` and `on` match wins; `from: '*'` matches any state.
import type { GoldenStep, Intent } from '../playbook/schema.ts';

/** Where a chat can be: before anything was said, or in one of the golden model's steps. */
export type GoldenState = 'start' | GoldenStep;

/**
 * What a customer message does to the chat, read from its intent and a few cues (golden-cues.ts):
 * - `greeting`, `question` (about the product or the service), `ack` (ok, makes sense), `silence`
 *   (no answer), `chat` (anything else of intent other);
 * - `offer` and `answered`: the customer repeats an offer or an answer the salesperson gave
 *   ("你说可以再便宜200", "原来有质检报告");
 * - the objection intents; `hesitation_again` is a hesitation after an earlier one, or after the
 *   salesperson sent an offer;
 * - `doubt`, `buy_signal`.
 *
 * How a message becomes an event is read in conversation.ts (eventOf), following DOMAIN.md's
 * golden model: a message that accepts what was answered ("看了报告，还可以", "那放心了", "read the
 * reviews") is `ack` whatever its words, since step 6 follows an answered objection or doubt; an
 * objection the classifier is unsure of in the opening is small talk or a product question, and a
 * product question heard as a doubt keeps that concern, so its acknowledgement reads as the
 * acknowledgement of an answered doubt; two of the shop's own products compared, and a budget
 * stated, are the need being dug (seed 003's first stage, BANT's budget), so `question`.
 */
export type GoldenEvent =
  | 'greeting'
  | 'question'
  | 'ack'
  | 'silence'
  | 'chat'
  | 'price'
  | 'comparison'
  | 'hesitation'
  | 'hesitation_again'
  | 'doubt'
  | 'buy_signal'
  | 'offer'
  | 'answered';

export interface GoldenTransition {
  from: GoldenState | '*';
  on: GoldenEvent;
  /** The step the chat moves into; `stay` keeps it where it is. */
  to: GoldenStep | 'stay';
  /** Why, in the method's words. */
  because: string;
}

export const GOLDEN_TRANSITIONS: readonly GoldenTransition[] = [
  // 1. Break the ice: the chat opens with a greeting or small talk.
  { from: 'start', on: 'greeting', to: 'icebreak', because: 'the chat opens: break the ice first' },
  { from: 'start', on: 'chat', to: 'icebreak', because: 'the chat opens: break the ice first' },
  { from: 'start', on: 'ack', to: 'icebreak', because: 'the chat opens: break the ice first' },
  { from: 'start', on: 'silence', to: 'icebreak', because: 'nothing said yet: open the chat' },
  // 2. Bring the product in: the customer asks what it is, what it does, which one suits them.
  { from: 'start', on: 'question', to: 'introduce', because: 'a product question: bring the product in naturally' },
  { from: 'icebreak', on: 'question', to: 'introduce', because: 'a product question after the greeting: bring the product in' },
  { from: 'consider', on: 'question', to: 'introduce', because: 'a product question while weighing: answer it by presenting the product' },
  // 3. Consider: the customer weighs money or time; answer with a limited-time or limited-price offer.
  { from: '*', on: 'price', to: 'consider', because: 'the customer weighs the money: talk value, then a limited offer' },
  { from: '*', on: 'comparison', to: 'consider', because: 'comparing means they are close to buying: show the real differences' },
  { from: '*', on: 'hesitation', to: 'consider', because: 'the customer weighs the time: ask what holds them back, offer a deadline' },
  { from: '*', on: 'offer', to: 'consider', because: 'the customer weighs the offer made: the limited time or price decides' },
  // 6. Push to close: the customer softens after an objection or a doubt was answered, goes quiet
  //    after an offer, or hesitates again after the offer.
  { from: '*', on: 'hesitation_again', to: 'push_close', because: 'a second hesitation after the offer: the last push' },
  { from: '*', on: 'answered', to: 'push_close', because: 'the customer takes in the answer to their concern: push to close' },
  { from: 'consider', on: 'ack', to: 'push_close', because: 'the offer was accepted in words: push to close' },
  { from: 'resolve_doubt', on: 'ack', to: 'push_close', because: 'the doubt is answered: push to close' },
  { from: 'resolve_doubt', on: 'chat', to: 'push_close', because: 'the customer moves on from the doubt: push to close' },
  { from: 'consider', on: 'silence', to: 'push_close', because: 'silence after the offer: the last push' },
  { from: 'ask_close', on: 'silence', to: 'push_close', because: 'silence after asking to close: the last push' },
  { from: 'resolve_doubt', on: 'silence', to: 'push_close', because: 'silence after the cases were sent: the last push' },
  // After the doubt was resolved, a buying signal is met with the last push (the model's step 6
  // follows step 5), and a push under way stays one.
  { from: 'resolve_doubt', on: 'buy_signal', to: 'push_close', because: 'the doubt is resolved and they want to buy: push to close now' },
  { from: 'push_close', on: 'buy_signal', to: 'stay', because: 'the push is working: close now' },
  // 4. Ask to close: buy now, or when exactly.
  { from: '*', on: 'buy_signal', to: 'ask_close', because: 'a buying signal: ask to close, now or when exactly' },
  // 5. Resolve the doubt: send other customers' cases.
  { from: '*', on: 'doubt', to: 'resolve_doubt', because: 'the customer doubts: send other customers’ cases' },
  // Anything else keeps the chat where it is: small talk mid-sale does not restart it.
  { from: '*', on: 'greeting', to: 'stay', because: 'a greeting mid-chat changes nothing' },
  { from: '*', on: 'question', to: 'stay', because: 'a question mid-sale is answered within the step' },
  { from: '*', on: 'ack', to: 'stay', because: 'an acknowledgement keeps the step' },
  { from: '*', on: 'silence', to: 'stay', because: 'silence keeps the step' },
  { from: '*', on: 'chat', to: 'stay', because: 'small talk keeps the step' },
];

/** The golden step where the method answers each intent (what the rows above move a chat into). */
export const GOLDEN_STEP_OF_INTENT: Record<Intent, GoldenStep | undefined> = {
  price: 'consider',
  comparison: 'consider',
  hesitation: 'consider',
  doubt: 'resolve_doubt',
  buy_signal: 'ask_close',
  other: undefined,
};

/** The row of the table that applies to `event` in `state`. Every pair has one (the table ends in catch-alls). */
export function transitionFor(state: GoldenState, event: GoldenEvent): GoldenTransition {
  return GOLDEN_TRANSITIONS.find((row) => (row.from === state || row.from === '*') && row.on === event)!;
}

/** The state after `event`. */
export function stepAfter(state: GoldenState, event: GoldenEvent): GoldenState {
  const row = transitionFor(state, event);
  return row.to === 'stay' ? state : row.to;
}
