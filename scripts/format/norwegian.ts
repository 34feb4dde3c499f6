/**
 * Bokmål number formatting, for code not yet handed the report's own
 * NumberFormat (format/numbers.ts). New code takes a NumberFormat instead.
 */
import { nb } from "../locale/nb.ts";
import { NumberFormat } from "./numbers.ts";

export { decimalsOf } from "./numbers.ts";

export const NBSP = "\u00a0";

const bokmal = new NumberFormat(nb);

/** `30700` → `30 700`, `4.5` (1 decimal) → `4,5`. */
export function formatNumber(value: number, decimals = 0): string {
  return bokmal.number(value, decimals);
}

/** `83` → `83 %`. */
export function formatPercent(value: number, decimals = 0): string {
  return bokmal.percent(value, decimals);
}

/** `30700` → `30 700 kr`. */
export function formatKroner(value: number, decimals = 0): string {
  return bokmal.currency(value, decimals);
}
