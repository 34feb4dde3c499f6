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
  /** The chart drawn for a phone, when the wide one is wider than a phone shows at full size (aria-hidden). */
  narrowSvg?: string;
}

/**
 * The figure's picture: the wide drawing, and the narrow one after it when
 * there is one; the page's CSS shows one of them (style.css, "Charts").
 */
export function chartMarkup(chart: RenderedChart): string {
  if (chart.narrowSvg === undefined) return chart.svg;
  return `${chart.svg.replace('class="marks"', 'class="marks chart-wide"')}${chart.narrowSvg}`;
}

/** What a figure shows besides its picture (parsed at load). */
export function figureMeta(chart: ChartSource): FigureMeta {
  return chart.meta;
}

/** Stage 4: Vega-Lite spec + computed rows → static SVG, in Node, no browser. */
export async function renderChart(
  chart: ChartSource,
  model: Pick<ReportModel, "tables" | "kinds" | "format" | "locale">,
  accent: string,
  cache: ChartCache | undefined,
  locale: Locale,
): Promise<RenderedChart> {
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
  const key = ChartCache.key(spec, rowsByName, accent, `${locale.language}\n${meta.description}`);
  const narrowKey = ChartCache.key("narrow", spec, rowsByName, accent, locale.language);
  try {
    // Vega is loaded only when a chart is not in the cache: it is a third of a second of start-up.
    let svg = await cache?.get(key);
    if (svg === undefined) {
      const { drawChart } = await import("./draw-chart.ts");
      svg = await drawChart(spec, rowsByName, accent, meta.description, locale);
      await cache?.set(key, svg);
    }
    // A chart that already fits a phone is not drawn twice; the cache keeps "" for "no narrow drawing".
    let narrowSvg = await cache?.get(narrowKey);
    if (narrowSvg === undefined) {
      narrowSvg = "";
      if (svgWidth(svg) > NARROW_WIDTH) {
        const { drawNarrowChart } = await import("./draw-chart.ts");
        narrowSvg = await drawNarrowChart(spec, rowsByName, accent, locale);
      }
      await cache?.set(narrowKey, narrowSvg);
    }
    return { id: chart.id, file: chart.file, meta, svg, narrowSvg: narrowSvg || undefined };
  } catch (error) {
    if (error instanceof ReportError) throw error;
    throw new ReportError(message.chartNotRendered(chart.file, (error as Error).message), ExitCode.invalidInput, {
      cause: error,
    });
  }
}
