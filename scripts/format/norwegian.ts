/**
 * Norwegian number formatting: decimal comma, non-breaking space as the
 * thousands separator, "83 %" with a non-breaking space before the sign,
 * and a true minus sign. Callers round first (see compute/rounding.ts);
 * these functions only lay out digits.
 */

export const NBSP = "\u00a0";

const formatters = new Map<number, Intl.NumberFormat>();

function formatterFor(decimals: number): Intl.NumberFormat {
  let formatter = formatters.get(decimals);
  if (!formatter) {
    formatter = new Intl.NumberFormat("nb-NO", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
    });
    formatters.set(decimals, formatter);
  }
  return formatter;
}

/** `30700` → `30 700`, `4.5` (1 decimal) → `4,5`. */
export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot format ${value} as a number`);
  // Intl writes U+2212 for minus in nb-NO and U+00A0 between groups.
  return formatterFor(decimals).format(value);
}

/** `83` → `83 %`. */
export function formatPercent(value: number, decimals = 0): string {
  return `${formatNumber(value, decimals)}${NBSP}%`;
}

/** `30700` → `30 700 kr`. */
export function formatKroner(value: number, decimals = 0): string {
  return `${formatNumber(value, decimals)}${NBSP}kr`;
}

/** Number of digits after the decimal point in a number as written in data, e.g. "0.5" → 1. */
export function decimalsOf(text: string): number {
  const match = /[.,](\d+)$/.exec(text.replace(/\s*%$/, "").trim());
  return match ? match[1].length : 0;
}
