import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { Problem } from "../errors.ts";
import { problem } from "../messages/index.ts";
import { isPlainName, resolveInside } from "./inside.ts";
import { parseJson } from "./json.ts";

/**
 * `report/editions/<name>/edition.json`: what differs between the institute's
 * edition and a union's. Everything else (chapters, tables, charts) is shared.
 */
export const EditionSchema = z.strictObject({
  /** The organisation the edition is for, as on the cover, e.g. a union's name. */
  name: z.string().min(1),
  /** Line on the cover above the name, e.g. "Utgitt av"; default the language's "Utgave for" / "Edition for". */
  coverLabel: z.string().optional(),
  /** Logo file (SVG) in the edition's folder; optional. */
  logo: z
    .string()
    .regex(/\.svg$/)
    .optional(),
  /** Text alternative for the logo; default: the name. */
  logoAlt: z.string().optional(),
  /** Accent colour (#rrggbb) for headings, rules and charts; must be dark enough for text on white. */
  accent: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** Optional foreword (Markdown file in the edition's folder), printed before the contents. */
  foreword: z.string().regex(/\.md$/).optional(),
  /**
   * Who signs the foreword: a role, never a person's name the edition does not give
   * (e.g. "Forbundsleder"), and the date as printed ("desember 2026").
   */
  signature: z.strictObject({ role: z.string().min(1), date: z.string().min(1) }).optional(),
  /** Contact block on the colophon page. */
  contact: z
    .strictObject({
      /** Default: the language's "Kontakt" / "Contact". */
      heading: z.string().optional(),
      lines: z.array(z.string().min(1)).min(1),
    })
    .optional(),
});
export type EditionConfig = z.infer<typeof EditionSchema>;

export interface Edition {
  id: string;
  config: EditionConfig;
  logoSvg?: string;
  foreword?: { file: string; source: string };
}

/** Accent of a report without an edition of its own: a dark blue that passes 4.5:1 against white. */
export const DEFAULT_ACCENT = "#1d5c87";

/**
 * The edition of a report that names none (`defaultEdition` unset): its
 * publisher on the cover, the default accent, no logo, no foreword.
 */
export function reportEdition(publisher: string | undefined): Edition {
  return { id: "", config: { name: publisher ?? "", accent: DEFAULT_ACCENT } };
}

export async function listEditions(reportDir: string): Promise<string[]> {
  try {
    const entries = await readdir(join(reportDir, "editions"), { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** WCAG relative luminance contrast of a colour against white. */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (luminance + 0.05);
}

export async function loadEdition(reportDir: string, id: string): Promise<{ edition?: Edition; problems: Problem[] }> {
  if (!isPlainName(id)) {
    const known = await listEditions(reportDir);
    return {
      problems: [
        {
          file: "report/editions/",
          column: "edition",
          ...problem.editionName(id, known),
        },
      ],
    };
  }
  const dir = join(reportDir, "editions", id);
  const file = `report/editions/${id}/edition.json`;
  const problems: Problem[] = [];
  let text: string;
  try {
    text = await readFile(join(dir, "edition.json"), "utf8");
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    const known = await listEditions(reportDir);
    return {
      problems: [
        {
          file,
          ...(missing ? problem.noSuchEdition(known) : problem.unreadable((error as NodeJS.ErrnoException).code)),
        },
      ],
    };
  }
  const raw = parseJson(file, text);
  if (raw.problem) return { problems: [raw.problem] };
  const parsed = EditionSchema.safeParse(raw.value);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        file,
        column: issue.path.join(".") || undefined,
        ...problem.invalidEditionSetting(issue.message),
      })),
    };
  }
  const config = parsed.data;
  if (contrastWithWhite(config.accent) < 4.5) {
    problems.push({
      file,
      column: "accent",
      ...problem.accentTooLight(config.accent, contrastWithWhite(config.accent)),
    });
  }
  const read = async (setting: "logo" | "foreword", name: string) => {
    const path = resolveInside(dir, name);
    if (!path) {
      problems.push({ file, column: setting, ...problem.outsideFolder("the edition's folder", name) });
      return undefined;
    }
    try {
      return await readFile(path, "utf8");
    } catch {
      problems.push({ file: `report/editions/${id}/${name}`, ...problem.unreadable("ENOENT") });
      return undefined;
    }
  };
  const logoSvg = config.logo ? await read("logo", config.logo) : undefined;
  if (logoSvg !== undefined && !/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(logoSvg)) {
    problems.push({
      file: `report/editions/${id}/${config.logo}`,
      ...problem.notSvg(),
    });
  }
  const forewordSource = config.foreword ? await read("foreword", config.foreword) : undefined;
  if (problems.length > 0) return { problems };
  return {
    edition: {
      id,
      config,
      logoSvg,
      foreword:
        forewordSource === undefined
          ? undefined
          : { file: `report/editions/${id}/${config.foreword}`, source: forewordSource },
    },
    problems,
  };
}
