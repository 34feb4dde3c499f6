import * as vega from "vega";
import * as vegaLite from "vega-lite";
import { SANS } from "../fonts/catalog.ts";
import type { Locale } from "../locale/index.ts";
import { escapeHtml } from "../render/escape.ts";
import type { chartRows } from "./chart-rows.ts";
import { chartLocale } from "./locale.ts";
import { useEmbeddedFontMetrics } from "./text-metrics.ts";

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

/** Vega-Lite spec + named rows → static SVG with one text alternative, in Node, no browser. */
export async function drawChart(
  spec: Record<string, unknown>,
  rowsByName: Record<string, ReturnType<typeof chartRows>>,
  accent: string,
  description: string,
  locale: Locale,
): Promise<string> {
  useEmbeddedFontMetrics();
  let view: vega.View | undefined;
  try {
    const compiled = vegaLite.compile(spec as unknown as vegaLite.TopLevelSpec, { config: chartConfig(accent) });
    const runtime = vega.parse(compiled.spec);
    // No loader may fetch anything: data arrives inline, by name.
    const loader = vega.loader();
    loader.load = async (uri: string) => {
      throw new Error(`charts may not load external data (${uri})`);
    };
    view = new vega.View(runtime, { renderer: "none", locale: chartLocale(locale), loader });
    for (const [name, rows] of Object.entries(rowsByName)) view.data(name, rows);
    return labelSvg(await view.toSVG(), description);
  } finally {
    view?.finalize();
  }
}
