// Win rate and repurchase by customer tag and by source, for the team lead's report: which
// kinds of customer buy, and which come back. A tag's win rate is over the closed cases that
// carry it; its repurchase is over its customers (a customer has a tag when any of their cases
// has it): of those who bought, the share who bought again.
import { wilsonRate, type Rate } from './wilson.ts';

export type TagRate = Rate & { tag: string; repurchase: Rate };
export type SourceRate = Rate & { source: string; repurchase: Rate };

/** The source of a case without one and without a tag of the source category. */
export const NO_SOURCE = 'none';

interface Customer {
  purchases: number;
  tags: Set<string>;
  sources: Set<string>;
}

interface Tally {
  cases: number;
  wins: number;
}

export class TagFigures {
  private readonly customers = new Map<string, Customer>();
  private readonly tags = new Map<string, Tally>();
  private readonly sources = new Map<string, Tally>();

  /** `sourceTags`: the tag ids under the tree's `source` category, for cases that name their source only as a tag. */
  constructor(private readonly sourceTags: ReadonlySet<string> = new Set()) {}

  /** One case, its copies already merged: the customer it is for (a case with no name is its own customer), its tags, source and outcome. */
  add(record: { id: string; customer: string; tags: readonly string[]; source?: string; outcome: 'won' | 'lost' | 'open' }): void {
    const source = record.source ?? record.tags.find((tag) => this.sourceTags.has(tag)) ?? NO_SOURCE;
    const key = record.customer === '' ? `\u0000${record.id}` : record.customer;
    let customer = this.customers.get(key);
    if (!customer) this.customers.set(key, (customer = { purchases: 0, tags: new Set(), sources: new Set() }));
    for (const tag of record.tags) customer.tags.add(tag);
    customer.sources.add(source);
    if (record.outcome === 'won') customer.purchases++;
    if (record.outcome === 'open') return;
    const win = record.outcome === 'won';
    for (const tag of new Set(record.tags)) count(this.tags, tag, win);
    count(this.sources, source, win);
  }

  byTag(): TagRate[] {
    const repurchase = this.repurchaseBy((customer) => customer.tags);
    return rows(this.tags, repurchase).map(({ key, ...rate }) => ({ tag: key, ...rate }));
  }

  bySource(): SourceRate[] {
    // A customer whose source one case knows is not also counted under 'none' for another case.
    const repurchase = this.repurchaseBy((customer) => (customer.sources.size > 1 && customer.sources.has(NO_SOURCE) ? new Set([...customer.sources].filter((source) => source !== NO_SOURCE)) : customer.sources));
    return rows(this.sources, repurchase).map(({ key, ...rate }) => ({ source: key, ...rate }));
  }

  /** Per key: customers with at least one purchase (cases) and those with two or more (wins). */
  private repurchaseBy(keysOf: (customer: Customer) => Set<string>): Map<string, Tally> {
    const tallies = new Map<string, Tally>();
    for (const customer of this.customers.values()) {
      if (customer.purchases === 0) continue;
      for (const key of keysOf(customer)) count(tallies, key, customer.purchases >= 2);
    }
    return tallies;
  }
}

function count(tallies: Map<string, Tally>, key: string, win: boolean): void {
  let tally = tallies.get(key);
  if (!tally) tallies.set(key, (tally = { cases: 0, wins: 0 }));
  tally.cases++;
  if (win) tally.wins++;
}

/** Every key with closed cases or buyers, most closed cases first. */
function rows(closed: Map<string, Tally>, repurchase: Map<string, Tally>): (Rate & { key: string; repurchase: Rate })[] {
  const keys = new Set([...closed.keys(), ...repurchase.keys()]);
  return [...keys]
    .map((key) => {
      const tally = closed.get(key) ?? { cases: 0, wins: 0 };
      const buyers = repurchase.get(key) ?? { cases: 0, wins: 0 };
      return { key, ...wilsonRate(tally.wins, tally.cases), repurchase: wilsonRate(buyers.wins, buyers.cases) };
    })
    .sort((a, b) => b.cases - a.cases || b.repurchase.cases - a.repurchase.cases || (a.key < b.key ? -1 : 1));
}
