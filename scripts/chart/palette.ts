/**
 * Chart colours derived from an edition's accent, and the check that a reader with
 * colour-blind vision can tell them apart.
 *
 * - CIEDE2000 (Sharma, Wu & Dalal 2005) on CIELAB (D65) is the colour difference;
 *   10 or more is "clearly different" at a glance beside each other.
 * - Protan and deutan vision are simulated with Machado, Oliveira & Fernandes (2009),
 *   severity 1.0, applied to linear sRGB (as colorspacious and DaltonLens do).
 * - Palettes are built in OKLCH (Ottosson 2020): steps in lightness around the accent's
 *   hue, a neutral grey, and a second hue found by search, so that a palette works for
 *   any accent an edition picks rather than for the four the repository ships.
 */

import type { Problem } from "../errors.ts";
import { problem } from "../messages/index.ts";

export type Rgb = readonly [number, number, number];
export type Lab = readonly [number, number, number];
export type Vision = "normal" | "protan" | "deutan";
export const VISIONS: readonly Vision[] = ["normal", "protan", "deutan"];

/** The smallest CIEDE2000 difference between two colours of one chart, in every vision. */
export const MIN_DELTA_E = 10;

export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`expected a colour #rrggbb, found "${hex}"`);
  const n = Number.parseInt(m[1], 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

export function toHex([r, g, b]: Rgb): string {
  const byte = (c: number) =>
    Math.round(Math.min(1, Math.max(0, c)) * 255)
      .toString(16)
      .padStart(2, "0");
  return `#${byte(r)}${byte(g)}${byte(b)}`;
}

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const fromLinear = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

function multiply(m: readonly (readonly number[])[], [x, y, z]: Rgb): Rgb {
  return [
    m[0][0] * x + m[0][1] * y + m[0][2] * z,
    m[1][0] * x + m[1][1] * y + m[1][2] * z,
    m[2][0] * x + m[2][1] * y + m[2][2] * z,
  ];
}

/** Machado et al. (2009), table of severity 1.0. */
const MACHADO: Record<Exclude<Vision, "normal">, number[][]> = {
  protan: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deutan: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
};

/** An sRGB colour as a reader with the given vision sees it (still sRGB). */
export function simulate(rgb: Rgb, vision: Vision): Rgb {
  if (vision === "normal") return rgb;
  const linear = multiply(MACHADO[vision], rgb.map(toLinear) as unknown as Rgb);
  return linear.map((c) => fromLinear(Math.min(1, Math.max(0, c)))) as unknown as Rgb;
}

const SRGB_TO_XYZ = [
  [0.4124564, 0.3575761, 0.1804375],
  [0.2126729, 0.7151522, 0.072175],
  [0.0193339, 0.119192, 0.9503041],
];
const WHITE_D65: Rgb = [0.95047, 1, 1.08883];

export function rgbToLab(rgb: Rgb): Lab {
  const xyz = multiply(SRGB_TO_XYZ, rgb.map(toLinear) as unknown as Rgb);
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  const [fx, fy, fz] = xyz.map((v, i) => f(v / WHITE_D65[i]));
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

const rad = (deg: number) => (deg * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/** CIEDE2000 colour difference (kL = kC = kH = 1), as in Sharma, Wu & Dalal (2005). */
export function ciede2000([L1, a1, b1]: Lab, [L2, a2, b2]: Lab): number {
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const Cbar7 = ((C1 + C2) / 2) ** 7;
  const G = 0.5 * (1 - Math.sqrt(Cbar7 / (Cbar7 + 25 ** 7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const hueOf = (a: number, b: number) => (a === 0 && b === 0 ? 0 : (deg(Math.atan2(b, a)) + 360) % 360);
  const h1p = hueOf(a1p, b1);
  const h2p = hueOf(a2p, b2);
  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin(rad(dhp / 2));
  const Lbarp = (L1 + L2) / 2;
  const Cbarp = (C1p + C2p) / 2;
  let hbarp = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hbarp = (h1p + h2p) / 2;
    else hbarp = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
  }
  const T =
    1 -
    0.17 * Math.cos(rad(hbarp - 30)) +
    0.24 * Math.cos(rad(2 * hbarp)) +
    0.32 * Math.cos(rad(3 * hbarp + 6)) -
    0.2 * Math.cos(rad(4 * hbarp - 63));
  const dTheta = 30 * Math.exp(-(((hbarp - 275) / 25) ** 2));
  const Cbarp7 = Cbarp ** 7;
  const RC = 2 * Math.sqrt(Cbarp7 / (Cbarp7 + 25 ** 7));
  const SL = 1 + (0.015 * (Lbarp - 50) ** 2) / Math.sqrt(20 + (Lbarp - 50) ** 2);
  const SC = 1 + 0.045 * Cbarp;
  const SH = 1 + 0.015 * Cbarp * T;
  const RT = -Math.sin(rad(2 * dTheta)) * RC;
  return Math.sqrt((dLp / SL) ** 2 + (dCp / SC) ** 2 + (dHp / SH) ** 2 + RT * (dCp / SC) * (dHp / SH));
}

/** The difference between two sRGB colours as a reader with the given vision sees them. */
export function deltaE(a: string, b: string, vision: Vision = "normal"): number {
  return ciede2000(rgbToLab(simulate(parseHex(a), vision)), rgbToLab(simulate(parseHex(b), vision)));
}

export interface PairFailure {
  a: string;
  b: string;
  vision: Vision;
  deltaE: number;
}

/**
 * The least distinguishable pair of colours in a set, over every vision; undefined for fewer than two.
 * `floor`: stop at the first pair at most this far apart (a search that needs more than that has its answer).
 */
export function closestPair(colours: readonly string[], floor = Number.NEGATIVE_INFINITY): PairFailure | undefined {
  let worst: PairFailure | undefined;
  const distinct = [...new Set(colours.map((c) => c.toLowerCase()))];
  // Each colour converted once per vision, not once per pair.
  const labs = VISIONS.map((vision) => distinct.map((c) => rgbToLab(simulate(parseHex(c), vision))));
  for (let i = 0; i < distinct.length; i++) {
    for (let j = i + 1; j < distinct.length; j++) {
      for (const [v, vision] of VISIONS.entries()) {
        const d = ciede2000(labs[v][i], labs[v][j]);
        if (!worst || d < worst.deltaE) worst = { a: distinct[i], b: distinct[j], vision, deltaE: d };
        if (d <= floor) return worst;
      }
    }
  }
  return worst;
}

// OKLab / OKLCH (Björn Ottosson, 2020).
type Oklch = readonly [number, number, number];

function rgbToOklch(rgb: Rgb): Oklch {
  const [r, g, b] = rgb.map(toLinear);
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  const L = 0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s;
  const A = 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s;
  const B = 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s;
  return [L, Math.hypot(A, B), (deg(Math.atan2(B, A)) + 360) % 360];
}

/** OKLCH → linear-free sRGB components, possibly outside 0–1. */
function oklchToRgbUnclipped([L, C, h]: Oklch): Rgb {
  const A = C * Math.cos(rad(h));
  const B = C * Math.sin(rad(h));
  const l = (L + 0.3963377774 * A + 0.2158037573 * B) ** 3;
  const m = (L - 0.1055613458 * A - 0.0638541728 * B) ** 3;
  const s = (L - 0.0894841775 * A - 1.291485548 * B) ** 3;
  const linear = [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
  return linear.map((c) => (c < 0 ? -fromLinear(-c) : fromLinear(c))) as unknown as Rgb;
}

const inGamut = (rgb: Rgb) => rgb.every((c) => c >= -1e-4 && c <= 1 + 1e-4);

/** The colour at this lightness and hue, its chroma reduced until sRGB can show it. */
function oklch(L: number, C: number, h: number): string {
  let lo = 0;
  let hi = C;
  if (inGamut(oklchToRgbUnclipped([L, C, h]))) return toHex(oklchToRgbUnclipped([L, C, h]));
  for (let i = 0; i < 24; i++) {
    const mid = (lo + hi) / 2;
    if (inGamut(oklchToRgbUnclipped([L, mid, h]))) lo = mid;
    else hi = mid;
  }
  return toHex(oklchToRgbUnclipped([L, lo, h]));
}

export interface ChartPalette {
  /** The accent itself: single-colour bars and marks. */
  accent: string;
  /** A neutral grey for the middle of a scale ("i noen grad") or for "never". */
  neutral: string;
  /** Unordered groups, most prominent first (up to five). */
  category: string[];
  /** An ordered scale from most to least (darkest accent to lightest), then a pale grey: up to six steps. */
  ordinal: string[];
  /** Five steps from the contrasting hue through the neutral to the accent (disagree → agree). */
  diverging: string[];
  /** Three steps: the contrasting hue, a light accent, the accent (bad, middle, good). */
  diverging3: string[];
}

/** Every set of colours one chart may use together, by name. */
export function paletteSets(p: ChartPalette): Record<string, string[]> {
  return { category: p.category, ordinal: p.ordinal, diverging: p.diverging, diverging3: p.diverging3 };
}

function build(accent: string, contrastHue: number): ChartPalette {
  const [L0, C0, h0] = rgbToOklch(parseHex(accent));
  // Dark ends as dark as the accent, so white labels read on them; light steps near the paper.
  const dark = Math.min(L0, 0.5);
  const C = Math.max(C0, 0.08);
  const neutral = oklch(0.86, 0, 0);
  const other = (L: number, c = 0.13) => oklch(L, c, contrastHue);
  const own = (L: number, c = C) => oklch(L, c, h0);
  return {
    accent,
    neutral,
    category: [accent, other(0.72, 0.14), own(0.8, C * 0.6), other(0.42, 0.12), oklch(0.6, 0, 0)],
    // Even steps in lightness (what protan and deutan vision keep), the last one a pale grey: "never".
    ordinal: [own(0.27), own(0.42), own(0.56), own(0.69, C * 0.8), own(0.82, C * 0.55), oklch(0.95, 0, 0)],
    diverging: [other(dark), other(0.74, 0.1), neutral, own(0.74, C * 0.55), accent],
    diverging3: [other(dark), own(0.8, C * 0.5), accent],
  };
}

/** The palette's least distinguishable pair; once one is at most `floor` apart, that one (the palette has lost). */
function worstOf(p: ChartPalette, floor = Number.NEGATIVE_INFINITY): PairFailure | undefined {
  let worst: PairFailure | undefined;
  for (const colours of Object.values(paletteSets(p))) {
    const pair = closestPair(colours, floor);
    if (pair && (!worst || pair.deltaE < worst.deltaE)) worst = pair;
    if (worst && worst.deltaE <= floor) return worst;
  }
  return worst;
}

/**
 * The chart palette of an accent: the second hue is the one, in steps of five degrees,
 * whose palette's least distinguishable pair (in any vision) is most different.
 * `worst` is that pair; the caller decides whether it is good enough.
 */
export function chartPalette(accent: string): { palette: ChartPalette; worst: PairFailure | undefined } {
  // Every chart and the check of each edition ask for it: the search (72 hues) is done once per accent.
  const known = palettes.get(accent);
  if (known) return known;
  const found = searchPalette(accent);
  palettes.set(accent, found);
  return found;
}

const palettes = new Map<string, { palette: ChartPalette; worst: PairFailure | undefined }>();

function searchPalette(accent: string): { palette: ChartPalette; worst: PairFailure | undefined } {
  let best: { palette: ChartPalette; worst: PairFailure | undefined } | undefined;
  for (let hue = 0; hue < 360; hue += 5) {
    const palette = build(accent, hue);
    // A hue wins only if its worst pair is further apart than the best so far: any pair as close loses it.
    const worst = worstOf(palette, best?.worst?.deltaE);
    if (!best || (worst?.deltaE ?? Number.POSITIVE_INFINITY) > (best.worst?.deltaE ?? Number.POSITIVE_INFINITY)) {
      best = { palette, worst };
    }
  }
  return best as { palette: ChartPalette; worst: PairFailure | undefined };
}

/**
 * The problem with an edition's accent when no palette derived from it passes the colour-blind
 * test (every pair of colours a chart may use together at least MIN_DELTA_E apart, in every vision).
 */
export function accentPaletteProblem(editionId: string, accent: string): Problem | undefined {
  const { worst } = chartPalette(accent);
  if (!worst || worst.deltaE >= MIN_DELTA_E) return undefined;
  return {
    file: editionId ? `report/editions/${editionId}/edition.json` : "report/report.json",
    column: "accent",
    ...problem.paletteUnreadable(MIN_DELTA_E, { accent, ...worst }),
  };
}
