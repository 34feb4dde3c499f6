import { type Dirent, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { basename, join, relative, resolve } from "node:path";
import type { z } from "zod";
import { ENGINE_ROOT } from "../engine-root.ts";
import type { Problem } from "../errors.ts";
import { type TableDefinitions, tableDefinitionsSchema } from "../kinds/definitions.ts";
import type { TableKind } from "../kinds/kind.ts";
import { defaultKinds } from "../kinds/registry.ts";
import { problem, useMessageLanguage } from "../messages/index.ts";
import { type Bibliography, loadBibliography } from "./bibliography.ts";
import { type FigureMeta, parseFigureMeta } from "./chart-meta.ts";
import { CONFIG_FORMAT, type ReportConfig, ReportConfigSchema } from "./config.ts";
import { parseCsv, type RawTable } from "./csv.ts";
import { resolveInside } from "./inside.ts";
import { parseJson } from "./json.ts";
import { type TableSchema, TableSchemaSchema } from "./schema.ts";

/** The engine's default theme: layout, partials and CSS every project starts from. */
export const DEFAULT_THEME = join(ENGINE_ROOT, "templates");

/** Where a project's parts live. `data` can point elsewhere (tests, staged updates). */
export interface ProjectPaths {
  root: string;
  report: string;
  /** The project's own templates (optional): its partials replace the theme's, its CSS is added after. */
  templates: string;
  /** The default theme (`DEFAULT_THEME`). */
  theme: string;
  data: string;
}

export function projectPaths(root: string, overrides: Partial<ProjectPaths> = {}): ProjectPaths {
  return {
    root,
    report: join(root, "report"),
    templates: join(root, "templates"),
    theme: DEFAULT_THEME,
    data: join(root, "data"),
    ...overrides,
  };
}

export interface Chapter {
  file: string;
  source: string;
  numbered: boolean;
}

export interface ChartSource {
  id: string;
  file: string;
  spec: Record<string, unknown>;
  /** Caption, table, source and text alternative, parsed from the spec. */
  meta: FigureMeta;
}

export interface DataSource {
  name: string;
  raw: RawTable;
  schema: TableSchema;
}

/** Everything a build reads from disk, as plain values. */
export interface ProjectSources {
  paths: ProjectPaths;
  config: ReportConfig;
  tables: TableDefinitions;
  /** Which file under report/tables/ defines each table, for messages. */
  tableFiles: Record<string, string>;
  chapters: Chapter[];
  charts: ChartSource[];
  templates: { layout: string; style: string; partials: Record<string, string> };
  data: DataSource[];
  /** report/litteratur.json with the CSL style and locale, when the report has literature. */
  bibliography?: Bibliography;
}

/** Read the whole project; every problem is collected before failing. */
export async function loadProject(
  paths: ProjectPaths,
  kinds: readonly TableKind[] = defaultKinds,
): Promise<{ sources?: ProjectSources; problems: Problem[] }> {
  const problems: Problem[] = [];
  // Messages are in the report's language from here on, English when report.json says none readable.
  useMessageLanguage(reportLanguage(paths));
  const show = shownIn(paths);
  // A data folder that is not there is one problem, named once, not one per file the report needs from it.
  if (!existsSync(paths.data) || !statSync(paths.data).isDirectory()) {
    return { problems: [{ file: show(paths.data), ...problem.noDataFolder() }] };
  }

  const readJson = async <S extends z.ZodType>(
    path: string,
    schema: S,
    precheck?: (json: unknown) => Problem | undefined,
  ): Promise<z.infer<S> | undefined> => {
    const text = readText(path, show(path), problems);
    if (text === undefined) return undefined;
    const json = parseJson(show(path), text);
    if (json.problem) {
      problems.push(json.problem);
      return undefined;
    }
    const refused = precheck?.(json.value);
    if (refused) {
      problems.push(refused);
      return undefined;
    }
    const parsed = schema.safeParse(json.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({
          file: show(path),
          column: issue.path.join(".") || undefined,
          ...problem.invalidSetting(issue.message),
        });
      }
      return undefined;
    }
    return parsed.data;
  };

  const configPath = join(paths.report, "report.json");
  // A newer format is refused before its settings are read: they may mean something this engine does not know.
  const config = await readJson(configPath, ReportConfigSchema, (json) => {
    const format = (json as { format?: unknown } | null)?.format;
    if (typeof format !== "number" || format <= CONFIG_FORMAT) return undefined;
    return {
      file: show(configPath),
      column: "format",
      ...problem.configFormatTooNew(format, CONFIG_FORMAT),
    };
  });
  // Table definitions may be split over several files in report/tables/, e.g. one per chapter.
  const tables: TableDefinitions = {};
  const tableFiles: Record<string, string> = {};
  const tableDir = join(paths.report, "tables");
  const definitionsSchema = tableDefinitionsSchema(kinds);
  for (const name of (await listFiles(tableDir)).filter((n) => n.endsWith(".json"))) {
    const path = join(tableDir, name);
    for (const [id, definition] of Object.entries((await readJson(path, definitionsSchema)) ?? {})) {
      if (tableFiles[id]) {
        problems.push({
          file: show(path),
          column: id,
          ...problem.tableDefinedTwice(id, tableFiles[id]),
        });
        continue;
      }
      // A table without a rounding policy of its own rounds as the report does.
      tables[id] = { ...definition, rounding: definition.rounding ?? config?.rounding };
      tableFiles[id] = show(path);
    }
  }

  const chapters = readChapters(paths, config?.chapters ?? [], show, problems);

  const charts: ChartSource[] = [];
  const chartDir = join(paths.report, "charts");
  for (const name of (await listFiles(chartDir)).filter((n) => n.endsWith(".vl.json"))) {
    const path = join(chartDir, name);
    const text = readText(path, show(path), problems);
    if (text === undefined) continue;
    const json = parseJson(show(path), text, problem.jsonWhat.chart);
    if (json.problem) {
      problems.push(json.problem);
      continue;
    }
    if (typeof json.value !== "object" || json.value === null || Array.isArray(json.value)) {
      problems.push({
        file: show(path),
        ...problem.chartNotAnObject(JSON.stringify(json.value)),
      });
      continue;
    }
    const spec = json.value as Record<string, unknown>;
    const parsed = parseFigureMeta(spec);
    if (parsed.issues) {
      for (const issue of parsed.issues) {
        problems.push({
          file: show(path),
          column: issue.column,
          ...problem.chartMeta(issue.found),
        });
      }
      continue;
    }
    charts.push({ id: basename(name, ".vl.json"), file: show(path), spec, meta: parsed.meta });
  }

  const templates = loadTemplates(paths, show, problems);

  const data = await loadDataDir(paths, show, problems);
  const { bibliography, problems: bibliographyProblems } = loadBibliography(paths, config?.language ?? "nb", show);
  problems.push(...bibliographyProblems);

  if (problems.length > 0 || !config || !templates) {
    return { problems };
  }
  return {
    sources: { paths, config, tables, tableFiles, chapters, charts, templates, data, bibliography },
    problems,
  };
}

/** The chapters report.json lists, in its order. */
function readChapters(
  paths: ProjectPaths,
  listed: ReportConfig["chapters"],
  show: (p: string) => string,
  problems: Problem[],
): Chapter[] {
  const chapters: Chapter[] = [];
  for (const chapter of listed) {
    const path = resolveInside(join(paths.report, "chapters"), chapter.file);
    if (!path) {
      problems.push({
        file: show(join(paths.report, "report.json")),
        column: "chapters",
        ...problem.outsideFolder("report/chapters/", chapter.file),
      });
      continue;
    }
    const source = readText(path, show(path), problems);
    if (source !== undefined) chapters.push({ file: show(path), source, numbered: chapter.numbered });
  }
  return chapters;
}

/**
 * The sources again with their chapters and templates read anew (with the
 * citation style and locale under templates/csl/, so the literature too), the
 * rest kept: for a rebuild after only prose or layout changed (the dev server
 * knows from its watcher), which then need not parse and check the data again.
 */
export function reloadProse(sources: ProjectSources): { sources?: ProjectSources; problems: Problem[] } {
  const { paths } = sources;
  const problems: Problem[] = [];
  const show = shownIn(paths);
  const chapters = readChapters(paths, sources.config.chapters, show, problems);
  const templates = loadTemplates(paths, show, problems);
  const literature = loadBibliography(paths, sources.config.language, show);
  problems.push(...literature.problems);
  if (problems.length > 0 || !templates) return { problems };
  return { sources: { ...sources, chapters, templates, bibliography: literature.bibliography }, problems };
}

/** Paths in messages: relative to the project, or absolute when outside it (e.g. --data elsewhere). */
function shownIn(paths: ProjectPaths): (path: string) => string {
  return (path) => {
    const shown = relative(paths.root, path);
    return shown && !shown.startsWith("..") ? shown : path;
  };
}

/**
 * The language report.json sets ("nb" when it sets none), read before the
 * rest of it is checked, so that its own problems are in that language;
 * undefined when the file is missing or not JSON.
 */
function reportLanguage(paths: ProjectPaths): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(join(paths.report, "report.json"), "utf8").replace(/^\ufeff/, ""));
  } catch {
    return undefined;
  }
  if (typeof json !== "object" || json === null) return undefined;
  const language = (json as { language?: unknown }).language ?? ReportConfigSchema.shape.language.parse(undefined);
  return typeof language === "string" ? language : undefined;
}

/**
 * The default theme, overlaid by the project's own templates folder when it
 * has one: a partial or layout of the project replaces the theme's of the
 * same name, and the project's style.css is added after the theme's.
 */
function loadTemplates(
  paths: ProjectPaths,
  show: (p: string) => string,
  problems: Problem[],
): ProjectSources["templates"] | undefined {
  const themed = resolve(paths.templates) !== resolve(paths.theme);
  const layers = themed ? [paths.theme, paths.templates] : [paths.theme];
  // Theme files are the engine's: shown by their place in it, e.g. "templates/layout.hbs".
  const shown = (dir: string, name: string) => (dir === paths.theme ? `templates/${name}` : show(join(dir, name)));
  let layout: string | undefined;
  const styles: string[] = [];
  const partials: Record<string, string> = {};
  for (const dir of layers) {
    const own = dir !== paths.theme;
    const has = (name: string) => !own || existsSync(join(dir, name));
    if (has("layout.hbs")) layout = readText(join(dir, "layout.hbs"), shown(dir, "layout.hbs"), problems);
    if (has("style.css")) styles.push(readText(join(dir, "style.css"), shown(dir, "style.css"), problems) ?? "");
    for (const name of listFilesDeep(join(dir, "partials")).filter((n) => n.endsWith(".hbs"))) {
      const text = readText(join(dir, "partials", name), shown(dir, `partials/${name}`), problems);
      if (text !== undefined) partials[name.slice(0, -".hbs".length)] = text;
    }
  }
  if (layout === undefined) return undefined;
  return { layout, style: styles.join("\n"), partials };
}

/** Files under a folder, as paths relative to it with "/" (partials/kinds/x.hbs is the partial "kinds/x"). */
function listFilesDeep(dir: string, prefix = ""): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) =>
      e.isDirectory() ? listFilesDeep(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    );
}

async function loadDataDir(paths: ProjectPaths, show: (p: string) => string, problems: Problem[]) {
  const files = await listFiles(paths.data);
  const data: DataSource[] = [];
  for (const name of files.filter((n) => n.endsWith(".csv")).sort()) {
    const id = basename(name, ".csv");
    const csvPath = join(paths.data, name);
    const schemaPath = join(paths.data, `${id}.schema.json`);
    if (!files.includes(`${id}.schema.json`)) {
      problems.push({
        file: show(csvPath),
        ...problem.noSchema(show(schemaPath)),
      });
      continue;
    }
    const bytes = readBytes(csvPath, show(csvPath), problems);
    const schemaText = readText(schemaPath, show(schemaPath), problems);
    if (bytes === undefined || schemaText === undefined) continue;
    let schema: TableSchema | undefined;
    const json = parseJson(show(schemaPath), schemaText);
    if (json.problem) problems.push(json.problem);
    else {
      const parsed = TableSchemaSchema.safeParse(json.value);
      if (parsed.success) schema = parsed.data;
      else
        for (const issue of parsed.error.issues)
          problems.push({
            file: show(schemaPath),
            column: issue.path.join(".") || undefined,
            ...problem.invalidTableSchema(issue.message),
          });
    }
    const parsedCsv = parseCsv(show(csvPath), bytes);
    problems.push(...parsedCsv.problems);
    if (schema && parsedCsv.table) data.push({ name: id, raw: parsedCsv.table, schema });
  }
  for (const name of files.filter((n) => n.endsWith(".schema.json"))) {
    const id = basename(name, ".schema.json");
    if (!files.includes(`${id}.csv`)) {
      problems.push({
        file: show(join(paths.data, name)),
        ...problem.schemaWithoutData(`${id}.csv`),
      });
    }
  }
  return data;
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

function readText(path: string, shown: string, problems: Problem[]): string | undefined {
  const bytes = readBytes(path, shown, problems);
  return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
}

function readBytes(path: string, shown: string, problems: Problem[]): Uint8Array | undefined {
  try {
    // Sync on purpose: a hundred small files, each of which costs four thread-pool round trips when read async.
    return readFileSync(path);
  } catch (error) {
    problems.push({ file: shown, ...problem.unreadable((error as NodeJS.ErrnoException).code) });
    return undefined;
  }
}
