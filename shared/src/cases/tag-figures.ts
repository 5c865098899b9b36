// Win rate and repurchase by customer tag and by source, for the team lead's report: which
// kinds of customer buy, and which come back. A tag's win rate is over the closed cases that
// carry it; its repurchase is over its customers (a customer has a tag when any of their cases
// has it): of those who bought, the share who bought again.
import { ByteKeys } from './byte-keys.ts';
import { wilsonRate, type Rate } from './wilson.ts';

export type TagRate = Rate & { tag: string; repurchase: Rate };
export type SourceRate = Rate & { source: string; repurchase: Rate };

/** The source of a case without one and without a tag of the source category. */
export const NO_SOURCE = 'none';

interface Tally {
  cases: number;
  wins: number;
}

/**
 * Customers are numbered (see ByteKeys): a case with no name is its own customer, the key
 * "\u0000" and its id. Each customer's figures are columns by that number; most customers have no
 * tag and one source, so their sets are made only when needed (100,000 empty sets were a good part
 * of a report's time).
 */
export class TagFigures {
  private readonly purchases: number[] = [];
  /** Made with the customer's first tag. */
  private readonly customerTags: (Set<string> | undefined)[] = [];
  /** The one source seen so far, or every source once there are two; undefined for a customer not met. */
  private readonly customerSources: (string | Set<string> | undefined)[] = [];
  private readonly tags = new Map<string, Tally>();
  private readonly sources = new Map<string, Tally>();

  /**
   * `sourceTags`: the tag ids under the tree's `source` category, for cases that name their source
   * only as a tag; `customers`: the numbers of the customers' keys, when the caller numbers them.
   */
  constructor(private readonly sourceTags: ReadonlySet<string> = new Set(), private readonly customers: ByteKeys = new ByteKeys()) {}

  /** One case, its copies already merged: the customer it is for (a case with no name is its own customer), its tags, source and outcome. */
  add(record: { id: string; customer: string; tags: readonly string[]; source?: string; outcome: 'won' | 'lost' | 'open' }): void {
    this.addCase(record.id, record.customer, record.tags, record.source, record.outcome);
  }

  /** The same as add, with no object made for each of 100,000 cases. */
  addCase(id: string, customerName: string, tags: readonly string[], givenSource: string | undefined, outcome: 'won' | 'lost' | 'open'): void {
    this.addNumbered(this.customers.numberOfText(customerName === '' ? `\u0000${id}` : customerName), tags, givenSource, outcome);
  }

  /** The same, the customer given by the number of its key in the ByteKeys given to the constructor. */
  addNumbered(customer: number, tags: readonly string[], givenSource: string | undefined, outcome: 'won' | 'lost' | 'open'): void {
    const source = givenSource ?? (tags.length === 0 || this.sourceTags.size === 0 ? undefined : tags.find((tag) => this.sourceTags.has(tag))) ?? NO_SOURCE;
    const sources = this.customerSources;
    while (sources.length <= customer) {
      sources.push(undefined);
      this.customerTags.push(undefined);
      this.purchases.push(0);
    }
    const known = sources[customer];
    if (known === undefined) sources[customer] = source;
    else if (typeof known !== 'string') known.add(source);
    else if (known !== source) sources[customer] = new Set([known, source]);
    if (tags.length > 0) {
      const customerTags = (this.customerTags[customer] ??= new Set());
      for (const tag of tags) customerTags.add(tag);
    }
    if (outcome === 'won') this.purchases[customer]!++;
    if (outcome === 'open') return;
    const win = outcome === 'won';
    if (tags.length > 0) for (const tag of new Set(tags)) count(this.tags, tag, win);
    count(this.sources, source, win);
  }

  byTag(): TagRate[] {
    const repurchase = this.repurchaseBy((customer) => this.customerTags[customer]);
    return rows(this.tags, repurchase).map(({ key, ...rate }) => ({ tag: key, ...rate }));
  }

  bySource(): SourceRate[] {
    // A customer whose source one case knows is not also counted under 'none' for another case.
    const repurchase = this.repurchaseBy((customer) => {
      const sources = this.customerSources[customer]!;
      return typeof sources === 'string' ? sources : sources.has(NO_SOURCE) ? [...sources].filter((source) => source !== NO_SOURCE) : sources;
    });
    return rows(this.sources, repurchase).map(({ key, ...rate }) => ({ source: key, ...rate }));
  }

  /** Per key: customers with at least one purchase (cases) and those with two or more (wins). `keysOf` gives one key, several or none. */
  private repurchaseBy(keysOf: (customer: number) => string | Iterable<string> | undefined): Map<string, Tally> {
    const tallies = new Map<string, Tally>();
    const purchases = this.purchases;
    for (let customer = 0; customer < purchases.length; customer++) {
      const bought = purchases[customer]!;
      if (bought === 0) continue;
      const keys = keysOf(customer);
      if (typeof keys === 'string') count(tallies, keys, bought >= 2);
      else if (keys !== undefined) for (const key of keys) count(tallies, key, bought >= 2);
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
