/**
 * `work` over every item with at most `limit` running at once, results in the items' order.
 * Reading 10,000 files with one Promise.all opens them all at once and fails with EMFILE under
 * the usual limit of 1,024 open files.
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
