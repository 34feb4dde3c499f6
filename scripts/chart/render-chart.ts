import type { ReportModel } from "../compute/model.ts";
import { ExitCode, ReportError } from "../errors.ts";

export type { FigureMeta } from "../load/chart-meta.ts";

import type { FigureMeta } from "../load/chart-meta.ts";
import type { ChartSource } from "../load/project.ts";
import type { Locale } from "../locale/index.ts";
import { message } from "../messages/index.ts";
import { ChartCache } from "./cache.ts";
import { type ChartRow, chartRows } from "./chart-rows.ts";
import { NARROW_WIDTH, svgWidth } from "./narrow-spec.ts";

/** English names of the fields a chart's rows carry, beside the engine's own (bokmål) names. */
const ENGLISH_FIELDS: Record<string, string> = {
  rekkefolge: "order",
  kategori: "category",
  kategori_rekkefolge: "category_order",
  antall: "count",
  antall_tekst: "count_text",
  prosent: "percent",
  prosent_tekst: "percent_text",
  rad: "row",
  rad_rekkefolge: "row_order",
  kolonne: "column",
  kolonne_rekkefolge: "column_order",
  verdi: "value",
  verdi_tekst: "value_text",
  gjennomsnitt: "mean",
  gjennomsnitt_tekst: "mean_text",
  sporsmal: "items",
};

/** A row with both names of each field, so a spec may use either. A data column's own name is never replaced. */
function withEnglishFields(row: ChartRow): ChartRow {
  const named: ChartRow = { ...row };
  for (const [field, english] of Object.entries(ENGLISH_FIELDS)) {
    if (field in row && !(english in row)) named[english] = row[field];
  }
  return named;
}

export interface RenderedChart {
  id: string;
  file: string;
  meta: FigureMeta;
  svg: string;
  /**
   * Whether a phone gets a drawing of its own: the wide one is wider than a phone shows at full
   * size. It is drawn after the wide ones (`drawNarrow`), while the print edition, which never
   * shows it, is printing.
   */
  narrow: boolean;
  /** That drawing (aria-hidden), once drawn. */
  narrowSvg?: string;
}

/** Where the web edition gets a figure's phone drawing once it is drawn (`fillNarrowCharts`). */
const narrowSlot = (id: string) => `<!--narrow-chart:${encodeURIComponent(id)}-->`;
const NARROW_SLOT = /<!--narrow-chart:([^>]*?)-->/g;

/**
 * The figure's picture: the wide drawing, and in the web edition the narrow
 * one after it (or its slot, until it is drawn); the page's CSS shows one of
 * them (style.css, "Charts"). The print edition has the wide one only.
 */
export function chartMarkup(chart: RenderedChart, print = false): string {
  if (!chart.narrow) return chart.svg;
  const wide = chart.svg.replace('class="marks"', 'class="marks chart-wide"');
  return print ? wide : `${wide}${chart.narrowSvg ?? narrowSlot(chart.id)}`;
}

/** The web edition with every figure's phone drawing in its slot. */
export function fillNarrowCharts(html: string, charts: Map<string, RenderedChart>): string {
  return html.replace(NARROW_SLOT, (_slot, id: string) => {
    const svg = charts.get(decodeURIComponent(id))?.narrowSvg;
    if (svg === undefined) throw new Error(`unreachable: the phone drawing of chart ${id} was not drawn`);
    return svg;
  });
}

/** What a figure shows besides its picture (parsed at load). */
export function figureMeta(chart: ChartSource): FigureMeta {
  return chart.meta;
}

/** The rows each of a chart's datasets shows, by dataset name. */
type ChartModel = Pick<ReportModel, "tables" | "kinds" | "format" | "locale">;

function chartData(chart: ChartSource, model: ChartModel) {
  const meta = figureMeta(chart);
  const datasets: Record<string, string> = {
    [(chart.spec.data as { name?: string } | undefined)?.name ?? meta.table]: meta.table,
    ...meta.data,
  };
  const rowsByName: Record<string, ReturnType<typeof chartRows>> = {};
  for (const [name, tableId] of Object.entries(datasets)) {
    const table = model.tables.get(tableId);
    if (!table) {
      throw new ReportError(message.chartTableUnknown(chart.file, tableId), ExitCode.invalidInput);
    }
    rowsByName[name] = chartRows(table, model).map(withEnglishFields);
  }
  const { usermeta: _ignored, $schema: _schema, ...spec } = chart.spec;
  return { meta, spec, rowsByName };
}

/** A chart's drawing failed: the problem names its file. */
function notRendered(chart: ChartSource, error: unknown): ReportError {
  if (error instanceof ReportError) return error;
  return new ReportError(message.chartNotRendered(chart.file, (error as Error).message), ExitCode.invalidInput, {
    cause: error,
  });
}

/** A drawing from the cache, or drawn and kept. Vega is loaded only to draw: it is a third of a second of start-up. */
async function cachedDrawing(
  cache: ChartCache | undefined,
  key: string,
  draw: (module: typeof import("./draw-chart.ts")) => Promise<string>,
): Promise<string> {
  const kept = await cache?.get(key);
  if (kept !== undefined) return kept;
  const svg = await draw(await import("./draw-chart.ts"));
  await cache?.set(key, svg);
  return svg;
}

/** Stage 4: Vega-Lite spec + computed rows → static SVG, in Node, no browser; the phone's drawing comes later. */
export async function renderWideChart(
  chart: ChartSource,
  model: ChartModel,
  accent: string,
  cache: ChartCache | undefined,
  locale: Locale,
): Promise<RenderedChart> {
  try {
    const { meta, spec, rowsByName } = chartData(chart, model);
    const key = ChartCache.key(spec, rowsByName, accent, `${locale.language}\n${meta.description}`);
    const svg = await cachedDrawing(cache, key, (draw) =>
      draw.drawChart(spec, rowsByName, accent, meta.description, locale),
    );
    return { id: chart.id, file: chart.file, meta, svg, narrow: svgWidth(svg) > NARROW_WIDTH };
  } catch (error) {
    throw notRendered(chart, error);
  }
}

/** The phone's drawing of a chart that needs one (`narrow`), in the same accent. */
export async function drawNarrow(
  chart: ChartSource,
  model: ChartModel,
  accent: string,
  cache: ChartCache | undefined,
  locale: Locale,
): Promise<string> {
  try {
    const { spec, rowsByName } = chartData(chart, model);
    const key = ChartCache.key("narrow", spec, rowsByName, accent, locale.language);
    return await cachedDrawing(cache, key, (draw) => draw.drawNarrowChart(spec, rowsByName, accent, locale));
  } catch (error) {
    throw notRendered(chart, error);
  }
}

/** Both drawings of a chart at once (the wide one, and the phone's when it needs one). */
export async function renderChart(
  chart: ChartSource,
  model: ChartModel,
  accent: string,
  cache: ChartCache | undefined,
  locale: Locale,
): Promise<RenderedChart> {
  const rendered = await renderWideChart(chart, model, accent, cache, locale);
  if (!rendered.narrow) return rendered;
  return { ...rendered, narrowSvg: await drawNarrow(chart, model, accent, cache, locale) };
}
