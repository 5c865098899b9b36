// TagFigures keeps a customer's tags and sources in sets made only when needed (most of 100,000
// customers have no tag and one source). This holds it, on random cases, to the plain version
// it replaced, which gave every customer both sets: the figures must be exactly the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_SOURCE, TagFigures, wilsonRate } from '@closer/shared';

type Outcome = 'won' | 'lost' | 'open';
interface Row { id: string; customer: string; tags: string[]; source?: string; outcome: Outcome }

/** The figures as the first TagFigures counted them: a tag set and a source set for every customer. */
function plainFigures(rows: readonly Row[], sourceTags: ReadonlySet<string>) {
  const customers = new Map<string, { purchases: number; tags: Set<string>; sources: Set<string> }>();
  const tags = new Map<string, { cases: number; wins: number }>();
  const sources = new Map<string, { cases: number; wins: number }>();
  const count = (tallies: Map<string, { cases: number; wins: number }>, key: string, win: boolean) => {
    const tally = tallies.get(key) ?? { cases: 0, wins: 0 };
    tallies.set(key, { cases: tally.cases + 1, wins: tally.wins + (win ? 1 : 0) });
  };
  for (const row of rows) {
    const source = row.source ?? row.tags.find((tag) => sourceTags.has(tag)) ?? NO_SOURCE;
    const key = row.customer === '' ? `\u0000${row.id}` : row.customer;
    const customer = customers.get(key) ?? { purchases: 0, tags: new Set<string>(), sources: new Set<string>() };
    customers.set(key, customer);
    for (const tag of row.tags) customer.tags.add(tag);
    customer.sources.add(source);
    if (row.outcome === 'won') customer.purchases++;
    if (row.outcome === 'open') continue;
    for (const tag of new Set(row.tags)) count(tags, tag, row.outcome === 'won');
    count(sources, source, row.outcome === 'won');
  }
  const rowsOf = (closed: Map<string, { cases: number; wins: number }>, keysOf: (customer: { tags: Set<string>; sources: Set<string> }) => Set<string>) => {
    const repurchase = new Map<string, { cases: number; wins: number }>();
    for (const customer of customers.values()) if (customer.purchases > 0) for (const key of keysOf(customer)) count(repurchase, key, customer.purchases >= 2);
    return [...new Set([...closed.keys(), ...repurchase.keys()])].map((key) => {
      const tally = closed.get(key) ?? { cases: 0, wins: 0 };
      const buyers = repurchase.get(key) ?? { cases: 0, wins: 0 };
      return { key, ...wilsonRate(tally.wins, tally.cases), repurchase: wilsonRate(buyers.wins, buyers.cases) };
    }).sort((a, b) => b.cases - a.cases || b.repurchase.cases - a.repurchase.cases || (a.key < b.key ? -1 : 1));
  };
  return {
    byTag: rowsOf(tags, (customer) => customer.tags).map(({ key, ...rate }) => ({ tag: key, ...rate })),
    bySource: rowsOf(sources, (customer) => (customer.sources.size > 1 && customer.sources.has(NO_SOURCE) ? new Set([...customer.sources].filter((source) => source !== NO_SOURCE)) : customer.sources))
      .map(({ key, ...rate }) => ({ source: key, ...rate })),
  };
}

// A few customers (one without a name), tags (two of them in the source category, repeated on a case at times) and sources, so customers meet again.
const row = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  customer: fc.constantFrom('', '王姐', 'Mr Lee', 'ACME'),
  tags: fc.array(fc.constantFrom('vip', 'price_sensitive', 'source_ads', 'source_referral'), { maxLength: 3 }),
  source: fc.option(fc.constantFrom('source_ads', 'source_fair', NO_SOURCE), { nil: undefined }),
  outcome: fc.constantFrom<Outcome>('won', 'lost', 'open'),
}, { requiredKeys: ['id', 'customer', 'tags', 'outcome'] });

describe('TagFigures with sets made only when needed', () => {
  it('gives exactly the figures of a set of tags and a set of sources for every customer', () => {
    fc.assert(fc.property(fc.array(row, { maxLength: 30 }), fc.boolean(), (rows, withSourceTags) => {
      const sourceTags = new Set(withSourceTags ? ['source_ads', 'source_referral'] : []);
      const figures = new TagFigures(sourceTags);
      for (const one of rows) figures.add(one);
      const plain = plainFigures(rows, sourceTags);
      expect(figures.byTag()).toEqual(plain.byTag);
      expect(figures.bySource()).toEqual(plain.bySource);
    }), { numRuns: 2_000 });
  });
});
