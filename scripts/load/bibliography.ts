/**
 * The report's literature as data: `report/litteratur.json` (CSL-JSON, the
 * format reference managers export), with the citation style and locale the
 * CSL processor formats it by. Style and locale live with the theme, in
 * `templates/csl/`; a project's own `templates/csl/` replaces either.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Problem } from "../errors.ts";
import { problem } from "../messages/index.ts";
import { parseJson } from "./json.ts";
import type { ProjectPaths } from "./project.ts";

export const BIBLIOGRAPHY_FILE = "litteratur.json";

/** CSL 1.0.2 item types (https://docs.citationstyles.org/en/stable/specification.html#appendix-iii-types). */
const CSL_TYPES = [
  "article",
  "article-journal",
  "article-magazine",
  "article-newspaper",
  "bill",
  "book",
  "broadcast",
  "chapter",
  "classic",
  "collection",
  "dataset",
  "document",
  "entry",
  "entry-dictionary",
  "entry-encyclopedia",
  "event",
  "figure",
  "graphic",
  "hearing",
  "interview",
  "legal_case",
  "legislation",
  "manuscript",
  "map",
  "motion_picture",
  "musical_score",
  "pamphlet",
  "paper-conference",
  "patent",
  "performance",
  "periodical",
  "personal_communication",
  "post",
  "post-weblog",
  "regulation",
  "report",
  "review",
  "review-book",
  "software",
  "song",
  "speech",
  "standard",
  "thesis",
  "treaty",
  "webpage",
] as const;

const NameSchema = z.union([
  z.object({ family: z.string().min(1), given: z.string().optional() }).strict(),
  z.object({ literal: z.string().min(1) }).strict(),
]);

const DateSchema = z.object({ "date-parts": z.array(z.array(z.number().int()).min(1).max(3)).min(1).max(2) }).strict();

/**
 * One work. Fields beyond these are CSL variables printed as text (volume,
 * page, publisher, note …). `custom.videreLesning` marks further reading: a
 * work listed without being cited in the text.
 */
const KnownFields = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, { error: () => problem.schema.workId }),
  type: z.enum(CSL_TYPES),
  title: z.string().min(1),
  author: z.array(NameSchema).min(1).optional(),
  editor: z.array(NameSchema).min(1).optional(),
  issued: DateSchema.optional(),
  accessed: DateSchema.optional(),
  custom: z.object({ videreLesning: z.boolean().optional() }).strict().optional(),
});
const ItemSchema = KnownFields.catchall(z.union([z.string(), z.number()]));

export type CslItem = z.infer<typeof KnownFields> & { readonly [variable: string]: unknown };

export interface Bibliography {
  /** The data file, as messages show it. */
  file: string;
  /** The works in file order. */
  items: CslItem[];
  /** Line of each work's `"id"` in the file, for messages. */
  lines: Map<string, number>;
  /** The CSL style (XML) and the locale (XML) for the report's language. */
  style: { file: string; xml: string };
  locale: { file: string; lang: string; xml: string };
}

/** Whether a work is listed as further reading, so it need not be cited. */
export function isFurtherReading(item: CslItem): boolean {
  return item.custom?.videreLesning === true;
}

/**
 * Read the literature, if the report has any; style and locale are read only then.
 * Synchronous like the other small project files (see readBytes in project.ts).
 */
export function loadBibliography(
  paths: ProjectPaths,
  language: string,
  show: (path: string) => string,
): { bibliography?: Bibliography; problems: Problem[] } {
  const problems: Problem[] = [];
  const path = join(paths.report, BIBLIOGRAPHY_FILE);
  const file = show(path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { problems }; // a report without literature
    return { problems: [{ file, ...problem.unreadableFile(String((error as Error).message)) }] };
  }

  const parsed = parseJson(file, text, problem.jsonWhat.bibliography);
  if (parsed.problem) return { problems: [parsed.problem] };
  const json = parsed.value;
  if (!Array.isArray(json)) {
    return { problems: [{ file, ...problem.cslNotArray(typeof json) }] };
  }

  const lines = idLines(text);
  const items: CslItem[] = [];
  json.forEach((raw: unknown, index) => {
    const id = typeof raw === "object" && raw && "id" in raw ? String(raw.id) : undefined;
    const parsed = ItemSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({
          file,
          row: id ? lines.get(id) : undefined,
          column: `[${index}]${issue.path.map((p) => `.${String(p)}`).join("")}`,
          ...problem.cslWork(issue.message),
        });
      }
      return;
    }
    if (items.some((i) => i.id === parsed.data.id)) {
      problems.push({
        file,
        row: lines.get(parsed.data.id),
        column: `[${index}].id`,
        ...problem.idTwice(parsed.data.id),
      });
      return;
    }
    items.push(parsed.data);
  });

  // The project's templates/csl/ first, then the theme's: a project's style or locale replaces the engine's.
  const dirs = [...new Set([join(paths.templates, "csl"), join(paths.theme, "csl")])];
  const shown = (dir: string, name: string) =>
    dir === join(paths.theme, "csl") ? `templates/csl/${name}` : show(join(dir, name));
  const pick = (wanted: (name: string) => boolean, what: "style" | "locale") => {
    for (const dir of dirs) {
      const found = listFiles(dir).filter(wanted);
      if (found.length === 1) return { dir, name: found[0] };
      if (found.length > 1) {
        problems.push({ file: show(dir), ...problem.cslFiles(what, language, found) });
        return undefined;
      }
    }
    problems.push({ file: "templates/csl", ...problem.cslNone(what, language) });
    return undefined;
  };
  const style = pick((n) => n.endsWith(".csl"), "style");
  // A locale for the report's language: locales-nb-NO.xml or locales-nb.xml for "nb".
  const locale = pick(
    (n) => n === `locales-${language}.xml` || (n.startsWith(`locales-${language}-`) && n.endsWith(".xml")),
    "locale",
  );
  if (!style || !locale || problems.length > 0) return { problems };

  const localeXml = readFileSync(join(locale.dir, locale.name), "utf8");
  // citeproc-js asks for the locale by the tag inside the file (xml:lang), not by the file name.
  const lang = /xml:lang="([^"]+)"/.exec(localeXml)?.[1] ?? language;
  return {
    bibliography: {
      file,
      items,
      lines,
      style: { file: shown(style.dir, style.name), xml: readFileSync(join(style.dir, style.name), "utf8") },
      locale: { file: shown(locale.dir, locale.name), lang, xml: localeXml },
    },
    problems,
  };
}

/** The line each `"id": "…"` stands on, so a message can point into the file. */
function idLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split("\n").forEach((line, index) => {
    const match = /"id"\s*:\s*"([^"]*)"/.exec(line);
    if (match && !lines.has(match[1])) lines.set(match[1], index + 1);
  });
  return lines;
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
