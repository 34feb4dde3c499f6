/**
 * `npm run accept -- TABLE|FILE`: these counts are new on purpose. A change
 * of one count moves the base of every percentage in its table, so every
 * published percentage that no longer follows from the counts is emptied at
 * once (not row by row as the build's problems would lead one to), in the
 * file's own encoding, separator and line ends; and the acceptance is
 * recorded in the data folder (record.ts) for the next build's change
 * summary to list.
 *
 *   1 load      the project, as a build loads it
 *   2 validate  the whole project must validate: only counts are accepted here
 *   3 compute   the named tables, collecting the published cells that no longer follow
 *   4 write     the data file with those cells empty, then the record
 */
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { collectFacts } from "../compute/facts.ts";
import { ExitCode, InputProblems, ReportError } from "../errors.ts";
import { NumberFormat } from "../format/numbers.ts";
import { kindOf } from "../kinds/definitions.ts";
import type { TableKind } from "../kinds/kind.ts";
import { defaultKinds } from "../kinds/registry.ts";
import { loadProject, projectPaths } from "../load/project.ts";
import { localeFor } from "../locale/index.ts";
import { message } from "../messages/index.ts";
import { validateProject } from "../validate/index.ts";
import { writeFileAtomically } from "../write/atomic.ts";
import { clearCells } from "./clear-cells.ts";
import { ACCEPTED_FILE, type Acceptance, formatRecord, readAcceptances } from "./record.ts";

export interface AcceptOptions {
  root: string;
  /** Data folder; default `<root>/data`. */
  dataDir?: string;
  /** A table id, or a data file (`kurs`, `kurs.csv`, `data/kurs.csv`). */
  target: string;
  /** Why, in the user's words, for the change summary; default: the locale's reason. */
  reason?: string;
  kinds?: readonly TableKind[];
  /** The time recorded; default now. */
  now?: Date;
}

export interface AcceptResult {
  /** One per table whose published percentages were emptied; none when all still followed. */
  accepted: Acceptance[];
  /** The data file rewritten, absolute; undefined when nothing was cleared. */
  file?: string;
}

export async function acceptCounts(options: AcceptOptions): Promise<AcceptResult> {
  const kinds = options.kinds ?? defaultKinds;
  const paths = projectPaths(options.root, options.dataDir ? { data: options.dataDir } : {});

  // 1 load, 2 validate: accept is for counts that are right, not for data that does not load.
  const project = await loadProject(paths, kinds);
  if (project.problems.length > 0 || !project.sources) throw new InputProblems(project.problems);
  const { sources } = project;
  const validated = validateProject(sources, kinds);
  if (validated.problems.length > 0) throw new InputProblems(validated.problems, validated.unlisted);

  const fileName = basename(options.target).replace(/\.csv$/, "");
  const tableIds = sources.tables[options.target]
    ? [options.target]
    : Object.keys(sources.tables).filter((id) => sources.tables[id].data === fileName);
  const clearable = tableIds.filter(
    (id) => (kindOf(kinds, sources.tables[id].kind).publishedColumns?.(sources.tables[id]) ?? []).length > 0,
  );
  if (clearable.length === 0) {
    const known = Object.entries(sources.tables)
      .filter(([, d]) => (kindOf(kinds, d.kind).publishedColumns?.(d) ?? []).length > 0)
      .map(([id]) => id);
    throw new ReportError(message.acceptUnknownTarget(options.target, tableIds.length > 0, known), ExitCode.usage);
  }
  const dataName = sources.tables[clearable[0]].data;
  const data = validated.data.get(dataName);
  const raw = sources.data.find((d) => d.name === dataName)?.raw;
  if (!data || !raw) throw new Error(`unreachable: data file "${dataName}" validated without a table`);

  // 3 compute: each table's published cells that no longer follow from its counts.
  const format = new NumberFormat(localeFor(sources.config.language), sources.config.currency);
  const facts = collectFacts(validated.data, sources.config.factsPrefix);
  const at = (options.now ?? new Date()).toISOString();
  const accepted: Acceptance[] = [];
  const cells: [number, number][] = [];
  for (const id of clearable) {
    const definition = sources.tables[id];
    const kind = kindOf(kinds, definition.kind);
    const computed = kind.compute(definition, {
      id,
      data,
      dataFile: (name) => validated.data.get(name),
      facts,
      definedIn: sources.tableFiles[id] ?? "report/tables",
      format,
    });
    for (const column of kind.publishedColumns?.(definition) ?? []) {
      const rows = [
        ...new Set(
          computed.problems
            .filter((p) => p.file === data.file && p.column === column && p.row !== undefined)
            .map((p) => p.row as number),
        ),
      ].sort((a, b) => a - b);
      if (rows.length === 0) continue;
      const field = raw.header.indexOf(column);
      // Record 0 is the header; the loader's records follow in order.
      for (const row of rows) cells.push([raw.records.findIndex((r) => r.row === row) + 1, field]);
      accepted.push({
        id: `${at} ${id} ${column}`,
        table: id,
        file: data.file,
        column,
        rows,
        reason: options.reason,
        at,
      });
    }
  }
  if (accepted.length === 0) return { accepted };

  // 4 write: the data file first, so that a record never speaks of cells still full.
  // The record is read first: a broken one stops accept before the data file changes.
  const earlier = await readAcceptances(paths.data, options.root);
  const path = join(paths.data, `${dataName}.csv`);
  const unique = [...new Map(cells.map((c) => [c.join(","), c])).values()];
  await writeFileAtomically(path, clearCells(await readFile(path), raw.delimiter, unique));
  await writeFileAtomically(join(paths.data, ACCEPTED_FILE), formatRecord([...earlier, ...accepted]));
  return { accepted, file: path };
}
