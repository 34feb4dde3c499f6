import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** Open-licence fonts from npm (SIL OFL), embedded so every machine prints the same PDF. */
const FONT_FILES = [
  { family: "Source Serif 4", pkg: "@fontsource/source-serif-4", weight: 400, style: "normal" },
  { family: "Source Serif 4", pkg: "@fontsource/source-serif-4", weight: 400, style: "italic" },
  { family: "Source Serif 4", pkg: "@fontsource/source-serif-4", weight: 700, style: "normal" },
  { family: "Source Sans 3", pkg: "@fontsource/source-sans-3", weight: 400, style: "normal" },
  { family: "Source Sans 3", pkg: "@fontsource/source-sans-3", weight: 600, style: "normal" },
] as const;

/** `@font-face` rules with the fonts inlined as data URLs (the HTML must work offline and from file://). */
export async function embeddedFontFaces(): Promise<string> {
  const rules = await Promise.all(
    FONT_FILES.map(async (font) => {
      const name = font.pkg.split("/")[1];
      const file = require.resolve(`${font.pkg}/files/${name}-latin-${font.weight}-${font.style}.woff2`);
      const base64 = (await readFile(file)).toString("base64");
      return `@font-face{font-family:"${font.family}";font-style:${font.style};font-weight:${font.weight};font-display:block;src:url(data:font/woff2;base64,${base64}) format("woff2");}`;
    }),
  );
  return `${rules.join("\n")}\n`;
}
