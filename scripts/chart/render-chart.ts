import * as vega from "vega";
import * as vegaLite from "vega-lite";
import type { ComputedTable } from "../compute/model.ts";
import { ExitCode, ReportError } from "../errors.ts";
import { SANS } from "../fonts/catalog.ts";
import type { ChartSource } from "../load/project.ts";
import { escapeHtml } from "../render/escape.ts";
import { ChartCache } from "./cache.ts";
import { chartRows } from "./chart-rows.ts";
import { nbLocale } from "./locale.ts";
import { useEmbeddedFontMetrics } from "./text-metrics.ts";

/** What a figure shows besides its picture: caption, source and the numbers as a table. */
export interface FigureMeta {
  caption: string;
  /** Table id whose computed rows the chart draws (the spec's top-level named data). */
  table: string;
  /** More named datasets, by name → table id, for layers that draw a second table. */
  data?: Record<string, string>;
  source?: string;
  note?: string;
  /** Text alternative for the picture. */
  description: string;
}

export interface RenderedChart {
  id: string;
  file: string;
  meta: FigureMeta;
  svg: string;
}

/** Style shared by every chart, so figures match the page's typography. */
export function chartConfig(accent: string): vegaLite.Config {
  const font = `'${SANS}', 'DejaVu Sans', sans-serif`;
  return {
    font,
    // The SVG gets one text alternative (role="img") instead of a label per mark.
    aria: false,
    background: null as unknown as string,
    view: { stroke: null },
    bar: { color: accent },
    axis: { labelFontSize: 11, titleFontSize: 11, labelColor: "#222", titleColor: "#222", gridColor: "#ddd" },
    text: { fontSize: 11, color: "#222" },
    legend: { labelFontSize: 11, titleFontSize: 11 },
  };
}

export function figureMeta(chart: ChartSource): FigureMeta {
  const usermeta = (chart.spec.usermeta ?? {}) as Partial<FigureMeta>;
  const description = typeof chart.spec.description === "string" ? chart.spec.description : undefined;
  if (!usermeta.caption || !usermeta.table || !description) {
    throw new ReportError(
      `${chart.file}: expected "description" (the text alternative) and "usermeta" with "caption" and "table", found ${JSON.stringify({ description, usermeta })}`,
      ExitCode.invalidInput,
    );
  }
  return { ...usermeta, caption: usermeta.caption, table: usermeta.table, description };
}

/**
 * Give the chart one text alternative on its root (role="img"), and drop the
 * ARIA roles Vega puts on mark groups: inside an image they are noise, and
 * screen readers get the numbers from the table beneath the figure instead.
 */
function labelSvg(svg: string, description: string): string {
  if (!svg.startsWith("<svg ")) throw new Error("Vega returned something that is not an SVG document");
  const plain = svg.replace(/ (?:role|aria-[a-z]+)="[^"]*"/g, "");
  return `<svg role="img" aria-label="${escapeHtml(description)}" ${plain.slice("<svg ".length)}`;
}

/** Stage 4: Vega-Lite spec + computed rows → static SVG, in Node, no browser. */
export async function renderChart(
  chart: ChartSource,
  tables: Map<string, ComputedTable>,
  accent: string,
  cache?: ChartCache,
): Promise<RenderedChart> {
  useEmbeddedFontMetrics();
  const meta = figureMeta(chart);
  const datasets: Record<string, string> = {
    [(chart.spec.data as { name?: string } | undefined)?.name ?? meta.table]: meta.table,
    ...meta.data,
  };
  const rowsByName: Record<string, ReturnType<typeof chartRows>> = {};
  for (const [name, tableId] of Object.entries(datasets)) {
    const table = tables.get(tableId);
    if (!table) {
      throw new ReportError(
        `${chart.file}: usermeta: expected the id of a table defined in report/tables/, found "${tableId}"`,
        ExitCode.invalidInput,
      );
    }
    rowsByName[name] = chartRows(table);
  }
  const { usermeta: _ignored, $schema: _schema, ...spec } = chart.spec;
  const key = ChartCache.key(spec, rowsByName, accent, meta.description);
  const cached = await cache?.get(key);
  if (cached !== undefined) return { id: chart.id, file: chart.file, meta, svg: cached };
  let view: vega.View | undefined;
  try {
    const compiled = vegaLite.compile(spec as unknown as vegaLite.TopLevelSpec, { config: chartConfig(accent) });
    const runtime = vega.parse(compiled.spec);
    // No loader may fetch anything: data arrives inline, by name.
    const loader = vega.loader();
    loader.load = async (uri: string) => {
      throw new Error(`charts may not load external data (${uri})`);
    };
    view = new vega.View(runtime, { renderer: "none", locale: nbLocale, loader });
    for (const [name, rows] of Object.entries(rowsByName)) view.data(name, rows);
    const svg = labelSvg(await view.toSVG(), meta.description);
    await cache?.set(key, svg);
    return { id: chart.id, file: chart.file, meta, svg };
  } catch (error) {
    if (error instanceof ReportError) throw error;
    throw new ReportError(
      `${chart.file}: the chart could not be rendered: ${(error as Error).message}`,
      ExitCode.invalidInput,
      {
        cause: error,
      },
    );
  } finally {
    view?.finalize();
  }
}
