/**
 * The build, as a straight line of stages:
 *
 *   1 load      report/, templates/, data/ → sources (text, parsed CSV, schemas)
 *   2 validate  data against schemas, report against data → typed tables
 *   3 compute   typed tables → report model (percentages, totals, N)
 *   4 chart     Vega-Lite specs + model → SVG (in Node, no browser)
 *   5 render    chapters + helpers + layout → one HTML document
 *   6 print     HTML → A4 PDF (one Chromium)
 *   7 write     HTML + PDF → out/, all or nothing
 *
 * Stages pass plain values; only load, print and write touch disk or a browser.
 */
import { join } from "node:path";
import { type RenderedChart, renderChart } from "./chart/render-chart.ts";
import { computeModel, type ReportModel } from "./compute/model.ts";
import { InputProblems } from "./errors.ts";
import { embeddedFontFaces } from "./fonts/embed.ts";
import type { ReportConfig } from "./load/config.ts";
import { loadProject, type ProjectSources, projectPaths } from "./load/project.ts";
import { withBrowser } from "./print/browser.ts";
import type { PdfMetadata } from "./print/finish-pdf.ts";
import { printPaginated } from "./print/paginate.ts";
import { renderDocument } from "./render/document.ts";
import { validateProject } from "./validate/index.ts";
import type { DataTable } from "./validate/table.ts";
import { writeOutputs } from "./write/atomic.ts";

export interface BuildOptions {
  /** Project root (holds report/, templates/, data/). */
  root: string;
  /** Data folder; default `<root>/data`. */
  dataDir?: string;
  /** Output folder; default `<root>/out`. */
  outDir?: string;
  /** Print the PDF; default true. */
  pdf?: boolean;
  /** One line per stage; default silent. */
  log?: (line: string) => void;
}

export interface BuildResult {
  files: string[];
  /** Milliseconds per stage, in order. */
  timings: Record<string, number>;
}

const DEFAULT_ACCENT = "#1d5c87";

async function stage<T>(
  name: string,
  timings: Record<string, number>,
  log: (line: string) => void,
  run: () => Promise<T> | T,
  summary: (result: T) => string,
): Promise<T> {
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  timings[name] = ms;
  log(`${name.padEnd(9)}${summary(result)} (${Math.round(ms)} ms)`);
  return result;
}

function orFail<T>(result: { problems: import("./errors.ts").Problem[] } & T): T {
  if (result.problems.length > 0) throw new InputProblems(result.problems);
  return result;
}

/** Stages 1–3, shared by `build` and `check`. */
export async function loadAndCompute(
  options: Pick<BuildOptions, "root" | "dataDir" | "log">,
  timings: Record<string, number> = {},
): Promise<{ sources: ProjectSources; data: Map<string, DataTable>; model: ReportModel }> {
  const log = options.log ?? (() => {});
  const paths = projectPaths(options.root, options.dataDir ? { data: options.dataDir } : {});

  // 1 load
  const { sources } = await stage(
    "load",
    timings,
    log,
    async () => orFail(await loadProject(paths)),
    (r) =>
      `${r.sources?.data.length} data files, ${r.sources?.chapters.length} chapters, ${r.sources?.charts.length} charts`,
  );
  if (!sources) throw new Error("unreachable: load returned no sources without problems");

  // 2 validate
  const { data } = await stage(
    "validate",
    timings,
    log,
    () => orFail(validateProject(sources)),
    (r) => `${[...r.data.values()].reduce((n, t) => n + t.rows.length, 0)} rows checked`,
  );

  // 3 compute
  const { model } = await stage(
    "compute",
    timings,
    log,
    () => orFail(computeModel(sources.config, sources.tables, data, sources.tableFiles)),
    (r) => `${r.model.tables.size} tables, ${r.model.facts.size} facts`,
  );
  return { sources, data, model };
}

function pdfMetadata(config: ReportConfig): PdfMetadata {
  return {
    title: config.title,
    author: config.author ?? config.publisher,
    subject: config.subject ?? config.subtitle ?? config.title,
    keywords: config.keywords,
    date: config.date ? new Date(`${config.date}T12:00:00Z`) : undefined,
  };
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const timings: Record<string, number> = {};
  const outDir = options.outDir ?? join(options.root, "out");
  const { sources, model } = await loadAndCompute(options, timings);

  // 4 chart
  const charts = await stage(
    "chart",
    timings,
    log,
    async () => {
      const rendered = new Map<string, RenderedChart>();
      for (const chart of sources.charts)
        rendered.set(chart.id, await renderChart(chart, model.tables, DEFAULT_ACCENT));
      return rendered;
    },
    (r) => `${r.size} SVG charts`,
  );

  // 5 render
  const fonts = await embeddedFontFaces();
  const { document } = await stage(
    "render",
    timings,
    log,
    () => orFail(renderDocument(sources, model, charts, { fonts })),
    (r) =>
      `${r.document?.headings.length} headings, ${r.document?.numbering.tables.size} tables, ${r.document?.numbering.figures.size} figures`,
  );
  if (!document) throw new Error("unreachable: render returned no document without problems");

  const files: Record<string, string | Uint8Array> = { "rapport.html": document.html };

  // 6 print
  if (options.pdf !== false) {
    files["rapport.pdf"] = await stage(
      "print",
      timings,
      log,
      () => withBrowser((browser) => printPaginated(browser, document.paged, pdfMetadata(model.config))),
      (r) => `${Math.round(r.pdf.byteLength / 1024)} KB PDF, contents paged in ${r.passes} passes`,
    ).then((r) => r.pdf);
  }

  // 7 write
  const written = await stage(
    "write",
    timings,
    log,
    () => writeOutputs(outDir, files),
    (names) => `${names.length} files in ${outDir}`,
  );
  return { files: written, timings };
}
