import { ExitCode, ReportError } from "../errors.ts";
import { message } from "../messages/index.ts";

/** 9999-12-31T23:59:59Z: a PDF date has four digits for the year. */
const LATEST = 253_402_300_799;

/**
 * The fixed date of a reproducible build, from SOURCE_DATE_EPOCH: whole
 * seconds since 1970 (https://reproducible-builds.org/specs/source-date-epoch/).
 * Unset or empty means none. Anything else that is not such a number stops
 * the build, as the specification asks: `Number("abc")` would otherwise put
 * `D:0NaNNaN…` into the PDF.
 */
export function sourceDateEpoch(value: string | undefined = process.env.SOURCE_DATE_EPOCH): Date | undefined {
  if (value === undefined || value === "") return undefined;
  if (!/^\d+$/.test(value) || Number(value) > LATEST) {
    const shown = value.length > 30 ? `${value.slice(0, 27)}...` : value;
    throw new ReportError(message.sourceDateEpoch(LATEST, shown), ExitCode.usage);
  }
  return new Date(Number(value) * 1000);
}
