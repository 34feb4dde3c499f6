import { readFileSync } from "node:fs";
import { fontFiles, SANS } from "../fonts/catalog.ts";

let sansFace: string | undefined;

/** @font-face rules for the sans family, so a logo's text mark is drawn in the report's own font. */
function sansFontFaces(): string {
  sansFace ??= fontFiles()
    .filter((f) => f.family === SANS)
    .map(
      (f) =>
        `@font-face{font-family:"${f.family}";font-weight:${f.weight};font-style:${f.style};src:url(data:font/woff2;base64,${readFileSync(f.path).toString("base64")})}`,
    )
    .join("");
  return sansFace;
}

/**
 * An edition's logo as a data URL for an <img>. As an image, the SVG can run
 * no script and load nothing, whatever the file holds; the report's sans font
 * is embedded in it, because an image cannot use the page's fonts.
 */
export function logoDataUrl(svg: string): string {
  const withFont = svg.replace(/<svg\b[^>]*>/, (open) => `${open}<style>${sansFontFaces()}</style>`);
  return `data:image/svg+xml;base64,${Buffer.from(withFont, "utf8").toString("base64")}`;
}
