import { z } from "zod";
import { ROUNDING_NAMES } from "../compute/rounding.ts";
import { findLocale, knownLanguages } from "../locale/index.ts";
import { problem } from "../messages/index.ts";
import { pathInside } from "./inside.ts";

/**
 * `report/report.json`: what the report is and which chapters it has, in
 * order. (How each table in `report/tables/` is built is each table kind's
 * schema: kinds/<kind>/schema.ts.)
 * Raw JSON is typed as unknown and parsed into these shapes; defaults are
 * noted beside each field.
 */

/** The version of the config format this engine reads; a project records the one it was written for. */
export const CONFIG_FORMAT = 1;

export const ReportConfigSchema = z.strictObject({
  /** Config format version (`CONFIG_FORMAT`); default 1. An engine refuses a project written for a newer one. */
  format: z.number().int().min(1).default(1),
  title: z.string().min(1),
  subtitle: z.string().optional(),
  /** Short title for running headers; default: the title. */
  shortTitle: z.string().optional(),
  /** The series the report appears in, e.g. "Notat"; printed on the cover, in the colophon and the running head. */
  series: z.string().min(1).optional(),
  /** As printed in the series, e.g. "2024:3". */
  seriesNumber: z.string().min(1).optional(),
  /** Who publishes the report; printed in the colophon, and the PDF's author unless `author` says otherwise. */
  publisher: z.string().min(1).optional(),
  /** The publisher's address, one line each, printed in the colophon. */
  address: z.array(z.string().min(1)).default([]),
  /** Authors as printed on the cover and in the colophon. Never invent one: leave it out when unknown. */
  authors: z.array(z.string().min(1)).default([]),
  /** Date of publication as printed (text, e.g. "desember 2024"). */
  published: z.string().optional(),
  /** PDF metadata: author (default: the authors, else the publisher), subject (default: the subtitle), keywords. */
  author: z.string().optional(),
  subject: z.string().optional(),
  keywords: z.array(z.string()).default([]),
  /** ISSN of the series and ISBN of the report, printed in the colophon when given. */
  issn: z.string().optional(),
  isbn: z.string().optional(),
  /** A paragraph in the colophon, e.g. where the numbers come from. Plain text. */
  colophon: z.string().optional(),
  /**
   * The edition a plain `npm run build` renders (a folder under report/editions/).
   * Default: none, the report's own edition (its publisher on the cover, the default accent colour).
   */
  defaultEdition: z.string().min(1).optional(),
  /** Names of the files a build writes: `<name>.html`, `<name>.pdf`; default from the language ("rapport", "report"). */
  output: z
    .strictObject({
      name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: () => problem.schema.plainFileName }),
    })
    .optional(),
  /** ISO 4217 code of the currency facts and columns with unit "kr" are in; default "NOK". */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default("NOK"),
  /**
   * How percentages of counts are rounded: "half-up" (default) at the table's
   * decimals, or "spss-then-whole" (one decimal first, as SPSS prints, then
   * whole percent; see compute/rounding.ts). A table may set its own.
   */
  rounding: z.enum(ROUNDING_NAMES).default("half-up"),
  /** ISO date for the PDF's creation date; without it the PDF carries the build time. */
  date: z.iso.date().optional(),
  /** BCP 47 language tag of the report: "nb" (default) or "en"; it chooses labels, number format and messages. */
  language: z
    .string()
    .default("nb")
    .refine((tag) => findLocale(tag) !== undefined, {
      error: () => problem.schema.knownLanguage(knownLanguages),
    }),
  /**
   * Where the tables come from: "published" (the published tables in data/)
   * or "respondents" (counted from respondent-level answers; `npm run build
   * -- --svar` switches to it for one build).
   */
  tablesFrom: z.enum(["published", "respondents"]).default("published"),
  /**
   * Respondent-level data, paths under data/: the codebook, and the answers
   * (CSV or SPSS .sav). Without `answers`, a synthetic example dataset is
   * made from the published tables (seeded, so always the same).
   */
  respondents: z
    .strictObject({
      codebook: pathInside("data/").default("respondents/codebook.json"),
      answers: pathInside("data/").optional(),
      /** Seed of the synthetic example, so that it is always the same; default 1. */
      seed: z.number().int().default(1),
      /** For the synthetic example: answers to the questions the report publishes no numbers for. */
      syntheticSettings: pathInside("data/").default("respondents/synthetic-settings.json"),
    })
    .default({
      codebook: "respondents/codebook.json",
      seed: 1,
      syntheticSettings: "respondents/synthetic-settings.json",
    }),
  /** Data files whose names start with this hold the single numbers prose cites; default "fakta". */
  factsPrefix: z.string().default("fakta"),
  /**
   * Chapter files under report/chapters, in reading order: a file name, or
   * { file, numbered: false } for unnumbered matter such as a summary or the
   * literature list.
   */
  chapters: z
    .array(
      z.union([
        z.string().regex(/\.md$/),
        z.strictObject({ file: z.string().regex(/\.md$/), numbered: z.boolean().default(true) }),
      ]),
    )
    .min(1)
    .transform((list) => list.map((c) => (typeof c === "string" ? { file: c, numbered: true } : c))),
});
export type ReportConfig = z.infer<typeof ReportConfigSchema>;
