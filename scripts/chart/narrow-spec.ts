/**
 * A chart redrawn for a phone: the same Vega-Lite spec, rewritten so that
 * the whole drawing fits about 340 CSS px and is shown at its own size, never
 * scaled down, so no text in it is smaller than 11 px. The rewrite is
 * generic, so a project's own charts get a narrow drawing too:
 *
 * - every view width, and the default one, becomes `plotWidth` (the caller fits it to the target);
 * - text smaller than 11 px is set at 11 px;
 * - long category labels on the y axis wrap onto two lines (`wrapLabel`,
 *   registered by draw-chart.ts) within `LABEL_WIDTH`, and bands grow to hold
 *   two lines;
 * - legends go under the chart, in one column;
 * - titles moved left over the labels (`dx`) follow the narrower labels.
 */

export const NARROW_WIDTH = 340;
/** Widest a y-axis label may be in the narrow drawing, per line. */
export const LABEL_WIDTH = 130;
const MIN_FONT_SIZE = 11;
/** A band that holds two 11 px lines. */
const MIN_STEP = 28;
const FONT_SIZE_KEYS = new Set(["fontSize", "labelFontSize", "titleFontSize"]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function narrowLegend(legend: JsonObject): JsonObject {
  const orient = legend.orient === "top" || legend.orient === "none" ? legend.orient : "bottom";
  const labelLimit = Math.min(typeof legend.labelLimit === "number" ? legend.labelLimit : LABEL_WIDTH, LABEL_WIDTH);
  // One column: a legend under the plot starts at the plot's left edge, and two columns of labels overrun a narrow plot.
  return { ...legend, orient, columns: 1, labelLimit, direction: "vertical" };
}

/** A view's own width, not a mark's (`"mark": {"width": 10}`) nor a legend's. */
function isView(node: JsonObject, key: string | undefined): boolean {
  if (key === "mark" || key === "legend" || key === "axis" || typeof node.width !== "number") return false;
  return ["mark", "layer", "encoding", "vconcat", "hconcat", "concat", "data"].some((name) => name in node);
}

/** A y channel of categories: its labels wrap (unless the spec formats them itself or hides the axis). */
function wrapCategoryAxis(channel: JsonObject): JsonObject {
  if (channel.type !== "nominal" && channel.type !== "ordinal") return channel;
  if (channel.axis === null) return channel;
  const axis = isObject(channel.axis) ? channel.axis : {};
  // A spec's own wrapping (wrapLabel at its print width) is rewrapped at the narrow width; other label formats stay.
  const wrapsItself = typeof axis.labelExpr === "string" && axis.labelExpr.startsWith("wrapLabel(");
  if (axis.labelExpr !== undefined && !wrapsItself) return channel;
  const { labelOffset: _printOffset, ...kept } = axis;
  return {
    ...channel,
    axis: {
      ...(wrapsItself ? kept : axis),
      labelExpr: `wrapLabel(datum.label, ${LABEL_WIDTH})`,
      labelLimit: LABEL_WIDTH,
      labelLineHeight: 12,
    },
  };
}

function rewrite(value: Json, key: string | undefined, plotWidth: number): Json {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, undefined, plotWidth));
  if (!isObject(value)) {
    if (typeof value !== "number" || key === undefined) return value;
    if (FONT_SIZE_KEYS.has(key)) return Math.max(value, MIN_FONT_SIZE);
    if (key === "labelLimit") return Math.min(value, LABEL_WIDTH);
    // An axis held at a fixed extent for wide labels (so stacked views line up) keeps lining up, narrower.
    if (key === "minExtent" || key === "maxExtent") return Math.min(value, LABEL_WIDTH + 5);
    return value;
  }
  const out: JsonObject = {};
  for (const [name, child] of Object.entries(value)) out[name] = rewrite(child, name, plotWidth);
  if (isView(out, key)) out.width = plotWidth;
  if (key === "height" && typeof out.step === "number") out.step = Math.max(out.step, MIN_STEP);
  if (key === "legend") return narrowLegend(out);
  if (key === "title" && typeof out.dx === "number" && out.dx < -LABEL_WIDTH) out.dx = -(LABEL_WIDTH + 5);
  if (key === "encoding" && isObject(out.y)) out.y = wrapCategoryAxis(out.y);
  return out;
}

/** The spec for the narrow drawing, with every view `plotWidth` wide. */
export function narrowSpec(spec: Record<string, unknown>, plotWidth: number): Record<string, unknown> {
  const out = rewrite(spec as JsonObject, undefined, plotWidth) as JsonObject;
  // Views that set no width take the default (300 px): narrow that too.
  const config = isObject(out.config) ? out.config : {};
  const view = isObject(config.view) ? config.view : {};
  out.config = { ...config, view: { ...view, continuousWidth: plotWidth } };
  return out;
}

/** The width an SVG document declares on its root. */
export const svgWidth = (svg: string): number => Number(/^<svg [^>]*?width="([\d.]+)"/.exec(svg)?.[1] ?? 0);

/** Greedy word wrap within `width` px, at most two lines (Vega's label limit ends a longer second line with "…"). */
export function wrapWords(text: string, width: number, measure: (text: string) => number): string | string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate) > width && lines.length === 0) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines.length <= 1 ? (lines[0] ?? "") : lines;
}
