import { z } from "zod";
import { problem } from "../messages/index.ts";

/**
 * What a chart spec says about its figure besides the picture: the text
 * alternative (the spec's `description`) and, in `usermeta`, its caption,
 * the table it draws, more named datasets, a source line and a note.
 * Parsed here, at load, so that a wrong chart is reported before anything renders.
 */
export const FigureMetaSchema = z.strictObject({
  /** Caption after "Figur N". */
  caption: z.string().min(1),
  /** Table id whose computed rows the chart draws (the spec's top-level named data). */
  table: z.string().min(1),
  /** More named datasets, by name → table id, for layers that draw a second table. */
  data: z.record(z.string(), z.string().min(1)).optional(),
  source: z.string().optional(),
  note: z.string().optional(),
});

export type FigureMeta = z.infer<typeof FigureMetaSchema> & {
  /** Text alternative for the picture. */
  description: string;
};

export type ParsedMeta =
  | { meta: FigureMeta; issues?: undefined }
  | { meta?: undefined; issues: { column: string; found: string }[] };

export function parseFigureMeta(spec: Record<string, unknown>): ParsedMeta {
  const issues: { column: string; found: string }[] = [];
  const description = spec.description;
  if (typeof description !== "string" || description.trim() === "") {
    issues.push({
      column: "description",
      found: description === undefined ? problem.nothing : JSON.stringify(description),
    });
  }
  const parsed = FigureMetaSchema.safeParse(spec.usermeta ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({ column: ["usermeta", ...issue.path].join("."), found: issue.message });
    }
  }
  if (issues.length > 0 || !parsed.success) return { issues };
  return { meta: { ...parsed.data, description: description as string } };
}

/** Every table a figure draws: its own and those of its other datasets. */
export function figureTables(meta: FigureMeta): string[] {
  return [...new Set([meta.table, ...Object.values(meta.data ?? {})])];
}
