/**
 * Numbers as the report's language writes them (see locale/): bokmål
 * `30 700`, `4,5`, `83 %`, `30 700 kr`; English `30,700`, `4.5`, `83%`,
 * `NOK 30,700`. Callers round first (compute/rounding.ts); these only lay
 * out digits.
 */
import type { Locale } from "../locale/index.ts";

export class NumberFormat {
  private readonly plain = new Map<number, Intl.NumberFormat>();
  private readonly money = new Map<number, Intl.NumberFormat>();

  constructor(
    readonly locale: Locale,
    /** ISO 4217 code of the report's currency (facts and columns with unit "kr"). */
    readonly currencyCode = "NOK",
  ) {}

  /** `30700` → `30 700` (nb) / `30,700` (en); `4.5` at 1 decimal → `4,5` / `4.5`. */
  number(value: number, decimals = 0): string {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot format ${value} as a number`);
    return cached(this.plain, decimals, () => ({ useGrouping: true }), this.locale.intl).format(value);
  }

  /** `83` → `83 %` (nb) / `83%` (en). */
  percent(value: number, decimals = 0): string {
    return `${this.number(value, decimals)}${this.locale.percentSuffix}`;
  }

  /** `30700` → `30 700 kr` (nb) / `NOK 30,700` (en). */
  currency(value: number, decimals = 0): string {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot format ${value} as an amount`);
    const code = this.currencyCode;
    return cached(
      this.money,
      decimals,
      () => ({ style: "currency", currency: code, currencyDisplay: "symbol" }),
      this.locale.intl,
    ).format(value);
  }

  /**
   * The number a text printed by `number` shows (`30 700` → 30700, `−4,5` → -4.5),
   * or undefined when it shows something else (a bound such as `< 0,001`).
   */
  parse(text: string): number | undefined {
    const { decimal, thousands } = this.locale.chartNumbers;
    let plain = text.replace(/\u2212/g, "-");
    // Intl groups with the locale's separator (a no-break space in bokmål); spaces of any width count.
    plain = plain
      .split(thousands)
      .join("")
      .replace(/[ \u00a0\u202f]/g, "");
    if (decimal !== ".") plain = plain.replace(decimal, ".");
    return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : undefined;
  }

  /** A small whole number as a word ("fire", "four"), or undefined beyond the locale's list. */
  word(value: number): string | undefined {
    return Number.isInteger(value) && value >= 0 ? this.locale.numberWords[value] : undefined;
  }
}

function cached(
  map: Map<number, Intl.NumberFormat>,
  decimals: number,
  options: () => Intl.NumberFormatOptions,
  tag: string,
): Intl.NumberFormat {
  let formatter = map.get(decimals);
  if (!formatter) {
    formatter = new Intl.NumberFormat(tag, {
      ...options(),
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    map.set(decimals, formatter);
  }
  return formatter;
}

/** Number of digits after the decimal mark in a number as written in data, e.g. "0.5" → 1. */
export function decimalsOf(text: string): number {
  const match = /[.,](\d+)$/.exec(text.replace(/\s*%$/, "").trim());
  return match ? match[1].length : 0;
}
