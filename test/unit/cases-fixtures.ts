// Small, readable case records for the cases tests.
import { CASE_VERSION, type Case, type CaseEvent } from '@closer/shared';

let counter = 0;

/** A UUID whose last digits count up, so each test case is distinct and easy to read. */
export function uuid(n = ++counter): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function at(minutes: number): string {
  return new Date(Date.parse('2026-11-01T09:00:00.000Z') + minutes * 60_000).toISOString();
}

export function makeCase(fields: Partial<Case> = {}): Case {
  return {
    version: CASE_VERSION,
    id: uuid(),
    conversation: 'https://chat.example.com/c/1',
    salesperson: 'alice',
    customer: '王姐',
    outcome: 'open',
    notes: '',
    tags: [],
    followups: [],
    timeline: [],
    createdAt: at(0),
    updatedAt: at(0),
    ...fields,
  };
}

export const message = (minutes: number, intent: Extract<CaseEvent, { type: 'message' }>['intent']): CaseEvent => ({ type: 'message', at: at(minutes), intent });
export const step = (minutes: number, id: string): CaseEvent => ({ type: 'step', at: at(minutes), step: id });
export const inserted = (minutes: number, reply: string): CaseEvent => ({ type: 'inserted', at: at(minutes), reply });
