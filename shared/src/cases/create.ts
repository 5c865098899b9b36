// A new, open case for a conversation the salesperson just started working on.
import { CASE_VERSION } from './case-format.ts';
import type { Case } from './case.ts';

export interface NewCase {
  conversation: string;
  salesperson: string;
  customer?: string;
  product?: string;
  /** Defaults to now; passed in by tests and by imports that know better. */
  now?: Date;
  /** Defaults to a random UUID. */
  id?: string;
}

export function newCase(input: NewCase): Case {
  const time = (input.now ?? new Date()).toISOString();
  return {
    version: CASE_VERSION,
    id: input.id ?? randomUuid(),
    conversation: input.conversation,
    salesperson: input.salesperson,
    customer: input.customer ?? '',
    ...(input.product ? { product: input.product } : {}),
    outcome: 'open',
    notes: '',
    tags: [],
    followups: [],
    timeline: [],
    createdAt: time,
    updatedAt: time,
  };
}

// Web Crypto is global in every place the core runs (browsers, the extension host, Node ≥ 19);
// the core is compiled without DOM or Node typings, so it is typed here by hand.
const webCrypto = (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto;

export function randomUuid(): string {
  return webCrypto.randomUUID();
}
