import type { RoundingPolicy } from "../compute/rounding.ts";

/**
 * Whole counts out of n that print as the given percentages (at `decimals`,
 * rounded by the table's policy), or undefined if there are none: start from
 * the nearest counts and move single answers between categories.
 */
export function countsForPercents(
  percents: number[],
  n: number,
  decimals: number,
  policy: RoundingPolicy,
): number[] | undefined {
  const prints = (count: number, p: number) => policy(count, n, decimals).value === p;
  const counts = percents.map((p) => Math.round((p * n) / 100));
  for (let step = 0; step < 10; step++) {
    const diff = n - counts.reduce((a, b) => a + b, 0);
    if (diff === 0) break;
    // Move towards n through the category whose exact share is furthest from its count.
    const order = percents
      .map((p, i) => ({ i, gap: (p * n) / 100 - counts[i] }))
      .sort((a, b) => (diff > 0 ? b.gap - a.gap : a.gap - b.gap));
    counts[order[0].i] += Math.sign(diff);
  }
  if (counts.reduce((a, b) => a + b, 0) !== n) return undefined;
  return counts.every((c, i) => c >= 0 && prints(c, percents[i])) ? counts : undefined;
}

/** Whole counts summing to n, in proportion to the percentages (largest remainder). */
export function largestRemainder(percents: number[], n: number): number[] {
  const exact = percents.map((p) => (p * n) / 100);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest);
  for (let k = 0; counts.reduce((a, b) => a + b, 0) < n; k++) counts[order[k % order.length].i] += 1;
  return counts;
}
