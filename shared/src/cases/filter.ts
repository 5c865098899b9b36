// Narrowing cases down the way a team lead asks: whose, when, what the customer raised, which product.
import type { Intent } from '../playbook/schema.ts';
import type { Case } from './case.ts';

export interface CaseFilter {
  salesperson?: string;
  product?: string;
  /** Cases in which the customer showed this intent. */
  intent?: Intent;
  /** Cases created at or after this time (ISO date or date-time). */
  from?: string;
  /** Cases created before the end of this day, or before this time when a time is given. */
  to?: string;
}

export function filterCases(cases: readonly Case[], filter: CaseFilter): Case[] {
  const from = filter.from ? Date.parse(filter.from) : -Infinity;
  const to = filter.to ? endOf(filter.to) : Infinity;
  return cases.filter((record) => {
    if (filter.salesperson && record.salesperson !== filter.salesperson) return false;
    if (filter.product && record.product !== filter.product) return false;
    const created = Date.parse(record.createdAt);
    if (created < from || created >= to) return false;
    if (filter.intent && !record.timeline.some((event) => event.type === 'message' && event.intent === filter.intent)) return false;
    return true;
  });
}

// A bare date ("2026-11-30") means the whole of that day.
function endOf(value: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(value) + 86_400_000 : Date.parse(value);
}

/** The values each filter can take in these cases, sorted, for drop-downs. */
export function caseFacets(cases: readonly Case[]): { salespeople: string[]; products: string[]; intents: Intent[] } {
  const salespeople = new Set<string>();
  const products = new Set<string>();
  const intents = new Set<Intent>();
  for (const record of cases) {
    if (record.salesperson) salespeople.add(record.salesperson);
    if (record.product) products.add(record.product);
    for (const event of record.timeline) if (event.type === 'message') intents.add(event.intent);
  }
  const sorted = <T extends string>(set: Set<T>) => [...set].sort();
  return { salespeople: sorted(salespeople), products: sorted(products), intents: sorted(intents) };
}
