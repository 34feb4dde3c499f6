/**
 * Rounding as the published report rounds: half up (away from zero for the
 * non-negative values a report prints), at a fixed number of decimals.
 *
 * Percentages of counts are computed in exact integer arithmetic, so 1/8 =
 * 12.5 % rounds to 13 % every time, not to 12 % through a binary-float error.
 */

/** Half-up rounding of count/total × 100 at `decimals` decimals, exactly. */
export function percentOfCounts(count: number, total: number, decimals = 0): number {
  if (!Number.isInteger(count) || !Number.isInteger(total)) {
    throw new TypeError(`percentOfCounts needs whole counts, got ${count}/${total}`);
  }
  if (total <= 0) throw new RangeError(`Cannot take a percentage of a total of ${total}`);
  const scale = 10 ** decimals;
  // round(count·100·scale / total) half up  ==  floor((2·count·100·scale + total) / (2·total))
  const scaled = Math.floor((2 * count * 100 * scale + total) / (2 * total));
  return scaled / scale;
}

/**
 * The published report's rounding. SPSS printed percentages with one
 * decimal, and the report then rounded those printed values to whole
 * percent: 11 of 76 = 14,47 % → 14,5 → 15 (Tabell 3), not 14. A share whose
 * one-decimal value is above 0 but below 1 was left as SPSS printed it
 * (1 of 208 → 0,5, Tabell 1 and 18), so no answered category reads as nobody.
 * Tables that print decimals are rounded once, directly, at those decimals.
 */
export function publishedPercent(count: number, total: number, decimals = 0): { value: number; decimals: number } {
  if (decimals >= 1) return { value: percentOfCounts(count, total, decimals), decimals };
  const spss = percentOfCounts(count, total, 1);
  if (spss > 0 && spss < 1) return { value: spss, decimals: 1 };
  return { value: roundHalfUp(spss, 0), decimals: 0 };
}

/** Half-up rounding of an arbitrary value (means, ratios), robust to float noise like 2.675. */
export function roundHalfUp(value: number, decimals = 0): number {
  const sign = value < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(value)}e${decimals}`);
  // Float noise such as 1.0049999999999999 for 1.005 is absorbed by toPrecision.
  const rounded = Math.floor(Number(shifted.toPrecision(15)) + 0.5);
  return sign * Number(`${rounded}e-${decimals}`);
}

/** A rounding policy: how a percentage of counts is rounded to the decimals a table prints. */
export type RoundingPolicy = (count: number, total: number, decimals: number) => { value: number; decimals: number };

/**
 * The policies a report or a table may name (`rounding` in report.json or a
 * table definition). A new policy is a function and a line here.
 */
export const ROUNDING_POLICIES = {
  /** Half up, once, at the printed decimals: 11 of 76 = 14,47 → 14. */
  "half-up": (count, total, decimals) => ({ value: percentOfCounts(count, total, decimals), decimals }),
  /** SPSS's one decimal first, then whole percent (see publishedPercent): 11 of 76 → 14,5 → 15. */
  "spss-then-whole": publishedPercent,
} satisfies Record<string, RoundingPolicy>;

export type RoundingPolicyName = keyof typeof ROUNDING_POLICIES;

export function roundingPolicy(name: RoundingPolicyName): RoundingPolicy {
  return ROUNDING_POLICIES[name];
}

/** The policy a table rounds by: its own `rounding`, which load fills in from the report's. */
export function policyOf(definition: { rounding?: RoundingPolicyName }): RoundingPolicy {
  return ROUNDING_POLICIES[definition.rounding ?? "half-up"];
}

export const ROUNDING_NAMES = Object.keys(ROUNDING_POLICIES) as [RoundingPolicyName, ...RoundingPolicyName[]];
