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
/** A legend entry's symbol and the gap after it, in px. */
const LEGEND_SYMBOL_SPACE = 40;
/** A band that holds two 11 px lines. */
const MIN_STEP = 28;
const LINE_HEIGHT = 12;
/** The most lines a label of the narrow drawing takes: beyond, it ends in "…" (the table below has it whole). */
export const MAX_LINES = 6;
/** A band that holds `lines` lines of a label. */
const stepFor = (lines: number) => Math.max(MIN_STEP, lines * LINE_HEIGHT + 4);
const FONT_SIZE_KEYS = new Set(["fontSize", "labelFontSize", "titleFontSize"]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * `ownLimit`: the spec's own labelLimit for the legend, before the axis-width cap of `rewrite`;
 * `indent`: how far right of the drawing's edge the plot starts (category labels on its left).
 */
function narrowLegend(legend: JsonObject, ownLimit: Json | undefined, indent: number): JsonObject {
  const orient = legend.orient === "top" || legend.orient === "none" ? legend.orient : "bottom";
  // One column: a legend under the plot starts at the plot's left edge, and two columns of labels overrun a narrow plot.
  // Its labels may then take the width from there to the drawing's edge (less the symbol), not an axis label's.
  const widest = NARROW_WIDTH - indent - LEGEND_SYMBOL_SPACE;
  const labelLimit = typeof ownLimit === "number" && ownLimit > 0 ? Math.min(ownLimit, widest) : widest;
  // Long labels wrap rather than end in "…" (unless the spec formats them itself).
  const wrapped: JsonObject =
    legend.labelExpr === undefined
      ? { labelExpr: `wrapLabel(datum.label, ${labelLimit}, ${MAX_LINES})`, labelLineHeight: LINE_HEIGHT }
      : {};
  return { ...legend, orient, columns: 1, labelLimit, direction: "vertical", ...wrapped };
}

/** A view's own width, not a mark's (`"mark": {"width": 10}`) nor a legend's. */
function isView(node: JsonObject, key: string | undefined): boolean {
  if (key === "mark" || key === "legend" || key === "axis" || typeof node.width !== "number") return false;
  return ["mark", "layer", "encoding", "vconcat", "hconcat", "concat", "data"].some((name) => name in node);
}

/** A y channel of categories: its labels wrap (unless the spec formats them itself or hides the axis). */
function wrapCategoryAxis(channel: JsonObject, lines: number): JsonObject {
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
      labelExpr:
        lines > 2 ? `wrapLabel(datum.label, ${LABEL_WIDTH}, ${lines})` : `wrapLabel(datum.label, ${LABEL_WIDTH})`,
      labelLimit: LABEL_WIDTH,
      labelLineHeight: LINE_HEIGHT,
    },
  };
}

interface Narrowing {
  plotWidth: number;
  /** Lines a category label may take. */
  lines: number;
  /** How far right of the drawing's edge a view's plot starts: the width of its category labels, if any. */
  indent: number;
}

/** Room for category labels left of the plot: their width, the tick and the gap. */
const LABELS_INDENT = LABEL_WIDTH + 10;

/** An encoding whose y axis shows categories, which push the plot (and a legend under it) right. */
const hasCategoryAxis = (encoding: JsonObject) =>
  isObject(encoding.y) && (encoding.y.type === "nominal" || encoding.y.type === "ordinal") && encoding.y.axis !== null;

function rewrite(value: Json, key: string | undefined, narrowing: Narrowing): Json {
  const { plotWidth, lines } = narrowing;
  if (Array.isArray(value)) return value.map((item) => rewrite(item, undefined, narrowing));
  if (!isObject(value)) {
    if (typeof value !== "number" || key === undefined) return value;
    if (FONT_SIZE_KEYS.has(key)) return Math.max(value, MIN_FONT_SIZE);
    if (key === "labelLimit") return Math.min(value, LABEL_WIDTH);
    // An axis held at a fixed extent for wide labels (so stacked views line up) keeps lining up, narrower.
    if (key === "minExtent" || key === "maxExtent") return Math.min(value, LABEL_WIDTH + 5);
    return value;
  }
  const inner = key === "encoding" && hasCategoryAxis(value) ? { ...narrowing, indent: LABELS_INDENT } : narrowing;
  const out: JsonObject = {};
  for (const [name, child] of Object.entries(value)) out[name] = rewrite(child, name, inner);
  if (isView(out, key)) out.width = plotWidth;
  if (key === "height" && typeof out.step === "number") out.step = Math.max(out.step, stepFor(lines));
  if (key === "legend") return narrowLegend(out, value.labelLimit, narrowing.indent);
  if (key === "title" && typeof out.dx === "number" && out.dx < -LABEL_WIDTH) out.dx = -(LABEL_WIDTH + 5);
  if (key === "encoding" && isObject(out.y)) out.y = wrapCategoryAxis(out.y, lines);
  return out;
}

/**
 * The spec for the narrow drawing, with every view `plotWidth` wide and
 * category labels wrapped onto up to `lines` lines (bands made tall enough).
 */
export function narrowSpec(spec: Record<string, unknown>, plotWidth: number, lines = 2): Record<string, unknown> {
  const out = rewrite(spec as JsonObject, undefined, { plotWidth, lines, indent: 0 }) as JsonObject;
  // Views that set no width take the default (300 px): narrow that too.
  const config = isObject(out.config) ? out.config : {};
  const view = isObject(config.view) ? config.view : {};
  out.config = { ...config, view: { ...view, continuousWidth: plotWidth } };
  return out;
}

/** The width an SVG document declares on its root. */
export const svgWidth = (svg: string): number => Number(/^<svg [^>]*?width="([\d.]+)"/.exec(svg)?.[1] ?? 0);

/**
 * Greedy word wrap within `width` px onto at most `maxLines` lines; the last
 * takes the rest (Vega's label limit ends it with "…" if it is still too long).
 */
export function wrapWords(
  text: string,
  width: number,
  measure: (text: string) => number,
  maxLines = 2,
): string | string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate) > width && lines.length < maxLines - 1) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines.length <= 1 ? (lines[0] ?? "") : lines;
}

/** The fields a spec puts on a y axis of categories: the labels a narrow drawing wraps. */
export function categoryFields(spec: Record<string, unknown>): string[] {
  const fields = new Set<string>();
  const walk = (value: Json, key: string | undefined) => {
    if (Array.isArray(value)) for (const item of value) walk(item, undefined);
    if (!isObject(value)) return;
    if (key === "encoding" && isObject(value.y)) {
      const { type, field } = value.y;
      if ((type === "nominal" || type === "ordinal") && typeof field === "string") fields.add(field);
    }
    for (const [name, child] of Object.entries(value)) walk(child, name);
  };
  walk(spec as JsonObject, undefined);
  return [...fields];
}
