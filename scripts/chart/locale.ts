import * as vega from "vega";

/**
 * Norwegian (bokmål) number and time formats for Vega: decimal comma,
 * non-breaking space between thousands, "83 %", a true minus sign.
 * d3-format ships no nb-NO locale; these match Intl.NumberFormat("nb-NO").
 */
export const nbNumberLocale = {
  decimal: ",",
  thousands: "\u00a0",
  grouping: [3],
  currency: ["", "\u00a0kr"],
  percent: "\u00a0%",
  minus: "\u2212",
  nan: "",
};

export const nbTimeLocale = {
  dateTime: "%A %e. %B %Y kl. %X",
  date: "%d.%m.%Y",
  time: "%H:%M:%S",
  periods: ["", ""],
  days: ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
  shortDays: ["søn.", "man.", "tir.", "ons.", "tor.", "fre.", "lør."],
  months: [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
  ],
  shortMonths: ["jan.", "feb.", "mar.", "apr.", "mai", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "des."],
};

// vega exports `locale` (from vega-format), but vega-typings does not declare it.
const { locale } = vega as unknown as { locale: (number: object, time: object) => vega.LocaleFormatters };

export const nbLocale = locale(nbNumberLocale, nbTimeLocale);

// Axis and legend labels are formatted with Vega's default locale, whatever the View is given.
vega.formatLocale(nbNumberLocale);
vega.timeFormatLocale(nbTimeLocale);
