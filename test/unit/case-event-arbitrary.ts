// Timeline events of every kind for property tests of the case readers: each reader is compared
// with the full one over cases made of these.
import fc from 'fast-check';
import type { CaseEvent } from '@closer/shared';

export function caseEventArbitrary(time: fc.Arbitrary<string>, reply: fc.Arbitrary<string>): fc.Arbitrary<CaseEvent> {
  return fc.oneof(
    fc.record({ type: fc.constant('message' as const), at: time, intent: fc.constantFrom('price' as const, 'doubt' as const, 'hesitation' as const, 'buy_signal' as const) }),
    fc.record({ type: fc.constant('step' as const), at: time, step: fc.constantFrom('icebreak', 'consider', 'ask_close', 'not_a_golden_step') }),
    fc.record({ type: fc.constant('suggested' as const), at: time, replies: fc.array(reply, { maxLength: 2 }) }),
    fc.record({ type: fc.constant('inserted' as const), at: time, reply }),
    fc.record({ type: fc.constant('inserted' as const), at: time, reply, adapted: fc.record({ backend: fc.constantFrom('openai-compatible' as const, 'chrome-built-in' as const), hosted: fc.boolean() }) }),
    fc.record({ type: fc.constant('meeting' as const), at: time }),
    fc.record({ type: fc.constant('signal' as const), at: time, signal: fc.constant('buy_soon' as const) }),
    fc.record({ type: fc.constant('tag' as const), at: time, tag: fc.constantFrom('vip', 'budget_low'), added: fc.boolean() }),
    // A kind the fast readers leave to the full one; quotes and braces inside its text.
    fc.record({ type: fc.constant('sent' as const), at: time, reply, message: fc.constant('[NAME_1]: 有点贵 "really" {}'), replaced: fc.constant({ NAME: 1 }) }),
  );
}
