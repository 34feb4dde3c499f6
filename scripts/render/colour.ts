/**
 * Colours the web edition derives from an edition's accent (`#rrggbb`, already
 * checked to read on white): a lighter accent for dark mode and the favicon.
 * Worked out at build time, so the page needs no colour maths in CSS that
 * contrast checkers might not read.
 */

/** The dark-mode page background; the CSS uses the same value (`--bg` in dark mode). */
export const DARK_BACKGROUND = "#16181b";

type Rgb = [number, number, number];

function parse(hex: string): Rgb {
  return [0, 1, 2].map((i) => Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16)) as Rgb;
}

function format(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG 2 relative luminance. */
function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [high, low] = [luminance(parse(a)), luminance(parse(b))].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

/**
 * The accent mixed with white in small steps until it reads on the dark
 * background with room to spare (7:1, so links and headings pass AA whatever
 * the accent's hue). Deterministic: the same accent gives the same colour.
 */
export function darkModeAccent(accent: string, background = DARK_BACKGROUND): string {
  const base = parse(accent);
  for (let step = 0; step <= 20; step += 1) {
    const t = step / 20;
    const mixed = format(base.map((c) => c + (255 - c) * t) as Rgb);
    if (contrast(mixed, background) >= 7) return mixed;
  }
  return "#ffffff";
}

/**
 * A favicon drawn from the accent: a rounded square with a bar-chart mark,
 * as an SVG data URL (no file, no request; the browser asks for /favicon.ico
 * only when a page names no icon).
 */
export function faviconDataUrl(accent: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">` +
    `<rect width="32" height="32" rx="6" fill="${accent}"/>` +
    `<path fill="#fff" d="M7 22h4v4H7zM14 14h4v12h-4zM21 8h4v18h-4z"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
