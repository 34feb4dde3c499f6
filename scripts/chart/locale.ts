import * as vega from "vega";
import type { Locale } from "../locale/index.ts";

// vega exports `locale` (from vega-format), but vega-typings does not declare it.
const { locale: makeLocale } = vega as unknown as {
  locale: (number: object, time: object) => vega.LocaleFormatters;
};

const made = new Map<string, vega.LocaleFormatters>();

/**
 * Vega's number and time formats for the report's language (bokmål: decimal
 * comma, no-break space between thousands, "83 %", a true minus sign; d3
 * ships no nb-NO locale, so each Locale carries its own).
 */
export function chartLocale(locale: Locale): vega.LocaleFormatters {
  // Axis and legend labels are formatted with Vega's default locale, whatever the View is given.
  vega.formatLocale(locale.chartNumbers);
  vega.timeFormatLocale(locale.chartTime);
  let formatters = made.get(locale.language);
  if (!formatters) {
    formatters = makeLocale(locale.chartNumbers, locale.chartTime);
    made.set(locale.language, formatters);
  }
  return formatters;
}
