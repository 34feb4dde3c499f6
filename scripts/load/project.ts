import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import type { z } from "zod";
import { type Problem, quoteFound } from "../errors.ts";
import { type ReportConfig, ReportConfigSchema, type TableDefinitions, TableDefinitionsSchema } from "./config.ts";
import { parseCsv, type RawTable } from "./csv.ts";
import { type TableSchema, TableSchemaSchema } from "./schema.ts";

/** Where a project's parts live. `data` can point elsewhere (tests, staged updates). */
export interface ProjectPaths {
  root: string;
  report: string;
  templates: string;
  data: string;
}

export function projectPaths(root: string, overrides: Partial<ProjectPaths> = {}): ProjectPaths {
  return {
    root,
    report: join(root, "report"),
    templates: join(root, "templates"),
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
}

/** Read the whole project; every problem is collected before failing. */
export async function loadProject(paths: ProjectPaths): Promise<{ sources?: ProjectSources; problems: Problem[] }> {
  const problems: Problem[] = [];
  // Paths in messages: relative to the project, or absolute when outside it (e.g. --data elsewhere).
  const show = (path: string) => {
    const shown = relative(paths.root, path);
    return shown && !shown.startsWith("..") ? shown : path;
  };

  const readJson = async <S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S> | undefined> => {
    const text = await readText(path, show(path), problems);
    if (text === undefined) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      problems.push({ file: show(path), expected: "valid JSON", found: (error as Error).message });
      return undefined;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({
          file: show(path),
          column: issue.path.join(".") || undefined,
          expected: "a valid setting",
          found: issue.message,
        });
      }
      return undefined;
    }
    return parsed.data;
  };

  const config = await readJson(join(paths.report, "report.json"), ReportConfigSchema);
  // Table definitions may be split over several files in report/tables/, e.g. one per chapter.
  const tables: TableDefinitions = {};
  const tableFiles: Record<string, string> = {};
  const tableDir = join(paths.report, "tables");
  for (const name of (await listFiles(tableDir)).filter((n) => n.endsWith(".json"))) {
    const path = join(tableDir, name);
    for (const [id, definition] of Object.entries((await readJson(path, TableDefinitionsSchema)) ?? {})) {
      if (tableFiles[id]) {
        problems.push({
          file: show(path),
          column: id,
          expected: "a table id defined once",
          found: `"${id}", also in ${tableFiles[id]}`,
        });
        continue;
      }
      tables[id] = definition;
      tableFiles[id] = show(path);
    }
  }

  const chapters: Chapter[] = [];
  for (const chapter of config?.chapters ?? []) {
    const path = join(paths.report, "chapters", chapter.file);
    const source = await readText(path, show(path), problems);
    if (source !== undefined) chapters.push({ file: show(path), source, numbered: chapter.numbered });
  }

  const charts: ChartSource[] = [];
  const chartDir = join(paths.report, "charts");
  for (const name of (await listFiles(chartDir)).filter((n) => n.endsWith(".vl.json"))) {
    const path = join(chartDir, name);
    const text = await readText(path, show(path), problems);
    if (text === undefined) continue;
    try {
      charts.push({ id: basename(name, ".vl.json"), file: show(path), spec: JSON.parse(text) });
    } catch (error) {
      problems.push({ file: show(path), expected: "a Vega-Lite spec in valid JSON", found: (error as Error).message });
    }
  }

  const layout = await readText(join(paths.templates, "layout.hbs"), "templates/layout.hbs", problems);
  const style = await readText(join(paths.templates, "style.css"), "templates/style.css", problems);
  const partials: Record<string, string> = {};
  const partialDir = join(paths.templates, "partials");
  for (const name of (await listFiles(partialDir)).filter((n) => n.endsWith(".hbs"))) {
    const text = await readText(join(partialDir, name), `templates/partials/${name}`, problems);
    if (text !== undefined) partials[basename(name, ".hbs")] = text;
  }

  const data = await loadDataDir(paths, show, problems);

  if (problems.length > 0 || !config || layout === undefined || style === undefined) {
    return { problems };
  }
  return {
    sources: { paths, config, tables, tableFiles, chapters, charts, templates: { layout, style, partials }, data },
    problems,
  };
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
        expected: `a schema beside it, ${show(schemaPath)}`,
        found: "no schema",
        hint: "every data file is described by a schema: copy one of the other .schema.json files and adapt it",
      });
      continue;
    }
    const bytes = await readBytes(csvPath, show(csvPath), problems);
    const schemaText = await readText(schemaPath, show(schemaPath), problems);
    if (bytes === undefined || schemaText === undefined) continue;
    let schema: TableSchema | undefined;
    try {
      const parsed = TableSchemaSchema.safeParse(JSON.parse(schemaText));
      if (parsed.success) schema = parsed.data;
      else
        for (const issue of parsed.error.issues)
          problems.push({
            file: show(schemaPath),
            column: issue.path.join(".") || undefined,
            expected: "a Table Schema",
            found: issue.message,
          });
    } catch (error) {
      problems.push({ file: show(schemaPath), expected: "valid JSON", found: (error as Error).message });
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
        expected: `its data file ${id}.csv beside it`,
        found: "no such file",
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

async function readText(path: string, shown: string, problems: Problem[]): Promise<string | undefined> {
  const bytes = await readBytes(path, shown, problems);
  return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
}

async function readBytes(path: string, shown: string, problems: Problem[]): Promise<Uint8Array | undefined> {
  try {
    // Sync on purpose: a hundred small files, each of which costs four thread-pool round trips when read async.
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push({
      file: shown,
      expected: "a readable file",
      found: code === "ENOENT" ? "no such file" : quoteFound(String(code)),
    });
    return undefined;
  }
}
