import { availableParallelism } from "node:os";

/**
 * How many editions print at once: as many as the machine has cores (at
 * least two, so one tab's layout overlaps another's post-processing). All
 * at once, forty editions' tabs starved each other on two cores until
 * Puppeteer's 30 s timeouts ended the build.
 */
export const PRINTS_AT_ONCE = Math.max(2, availableParallelism());

/** `work` over every item, at most `limit` at a time, the results in the items' order. */
export async function mapInTurn<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
