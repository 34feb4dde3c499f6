import * as fontkit from "fontkit";
import * as vega from "vega";
import { type FontFile, fontFiles } from "../fonts/catalog.ts";
import { sfntOfWoffFile } from "../fonts/sfnt.ts";

/**
 * Vega in Node has no canvas, so it guesses text widths (0.8 × size per
 * character) and lays out charts too loosely or truncates labels. This
 * measures text with the very fonts the document embeds.
 */

interface TextItem {
  font?: string;
  fontSize?: number;
  fontWeight?: string | number;
  fontStyle?: string;
  /** Width beyond which Vega truncates the text with "…". */
  limit?: number;
}

type Font = ReturnType<typeof fontkit.create> & { unitsPerEm: number; layout(text: string): { advanceWidth: number } };

const cache = new Map<string, number>();
// Each face is read only when a chart first needs it, from its WOFF file unwrapped by Node's zlib
// (fontkit would decode the WOFF2 file with Brotli in JavaScript, some 50 ms for the first face).
const faces = new Map<FontFile, Font>();
const load = (file: FontFile): Font => {
  let font = faces.get(file);
  if (!font) {
    font = fontkit.create(sfntOfWoffFile(file.woff)) as Font;
    faces.set(file, font);
  }
  return font;
};

function fonts() {
  return fontFiles().map((file) => ({
    file,
    get font() {
      return load(file);
    },
  }));
}

function weightOf(weight: string | number | undefined): number {
  if (weight === "bold") return 700;
  const n = Number(weight);
  return Number.isFinite(n) && n > 0 ? n : 400;
}

/** The embedded face closest to what the item asks for, or undefined for a family we do not embed. */
function faceFor(item: TextItem): Font | undefined {
  const family = fonts().filter(({ file }) => item.font?.includes(file.family));
  if (family.length === 0) return undefined;
  const style = item.fontStyle === "italic" ? "italic" : "normal";
  const weight = weightOf(item.fontWeight);
  const candidates = family.filter(({ file }) => file.style === style);
  const pool = candidates.length > 0 ? candidates : family;
  return pool.reduce((best, next) =>
    Math.abs(next.file.weight - weight) < Math.abs(best.file.weight - weight) ? next : best,
  ).font;
}

/**
 * A text's advance in ems: word by word, each shaped once (fontkit's shaping is most of a cold
 * chart stage, and wrapping measures "a", "a b", "a b c" …), plus the spaces between them; the
 * fonts kern no pair with a space, so this is the width of the whole line. Undefined for a family
 * we do not embed.
 */
function unitsWidthOf(item: TextItem, value: string): number | undefined {
  // Looked up before the face is chosen: Vega measures the same labels many times per drawing.
  const prefix = `${item.font}|${item.fontWeight}|${item.fontStyle}|`;
  const shaped = (text: string): number | undefined => {
    let width = cache.get(prefix + text);
    if (width === undefined) {
      const face = faceFor(item);
      if (!face) return undefined;
      width = face.layout(text).advanceWidth / face.unitsPerEm;
      cache.set(prefix + text, width);
    }
    return width;
  };
  const words = value.split(" ");
  if (words.length === 1 || words.some((word) => word === "")) return shaped(value);
  let total = (words.length - 1) * (shaped(" ") ?? 0);
  for (const word of words) {
    const width = shaped(word);
    if (width === undefined) return undefined;
    total += width;
  }
  return total;
}

export function measureText(item: TextItem, text: unknown): number {
  // A multi-line label (an array of lines) is as wide as its widest line.
  if (Array.isArray(text)) return Math.max(0, ...text.map((line) => measureText(item, line)));
  const value = text == null ? "" : String(text).trim();
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  if (!value || size <= 0) return 0;
  const unitsWidth = unitsWidthOf(item, value);
  if (unitsWidth === undefined) return Math.floor(0.8 * value.length * size); // Vega's own estimate
  // Vega's own measures count the text as truncated to its limit; so must this, or a long label
  // (cut to one short line on screen) would still push the axis out by its full length.
  const width = unitsWidth * size;
  const limit = Number(item.limit) || 0;
  return limit > 0 ? Math.min(width, limit) : width;
}

/** Make Vega measure with the embedded fonts (once per process). */
export function useEmbeddedFontMetrics(): void {
  const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } })
    .textMetrics;
  metrics.width = measureText;
}
