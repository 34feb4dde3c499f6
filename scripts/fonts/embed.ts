import { readFile } from "node:fs/promises";
import { fontFiles } from "./catalog.ts";

let cached: Promise<string> | undefined;

/** `@font-face` rules with the fonts inlined as data URLs (the HTML must work offline and from file://). */
export function embeddedFontFaces(): Promise<string> {
  cached ??= readFontFaces();
  return cached;
}

async function readFontFaces(): Promise<string> {
  const rules = await Promise.all(
    fontFiles().map(async (font) => {
      const base64 = (await readFile(font.path)).toString("base64");
      return `@font-face{font-family:"${font.family}";font-style:${font.style};font-weight:${font.weight};font-display:block;src:url(data:font/woff2;base64,${base64}) format("woff2");}`;
    }),
  );
  return `${rules.join("\n")}\n`;
}
