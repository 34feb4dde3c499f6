/**
 * Golden files of the fixture project (test/fixtures/project): its HTML and
 * each chart's SVG, as the engine renders them. `npm run golden` writes them
 * anew; the diff is reviewed like code. Embedded font data is left out (it is
 * the fonts' bytes, not the engine's output), so the files stay readable.
 */
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "../../scripts/build.ts";
import { ChartCache } from "../../scripts/chart/cache.ts";
import { MemoryWriter } from "../../scripts/write/writer.ts";

export const FIXTURE = fileURLToPath(new URL("../fixtures/project", import.meta.url));
export const GOLDEN = fileURLToPath(new URL("../golden", import.meta.url));

/** The fixture's HTML (without font data) and its charts' SVGs by figure id, built in memory. */
export async function renderFixture(): Promise<{ html: string; svgs: Map<string, string> }> {
  const writer = new MemoryWriter();
  // No cache: the golden files show what the chart code draws now.
  const result = await build({ root: FIXTURE, pdf: false, writer, chartCache: new ChartCache(undefined) });
  const path = result.files.find((f) => f.endsWith(".html"));
  const html = (path && writer.text(path)) ?? "";
  const svgs = new Map<string, string>();
  for (const [, id, svg] of html.matchAll(/<figure class="chart" id="([^"]+)"[\s\S]*?(<svg[\s\S]*?<\/svg>)/g)) {
    svgs.set(id, `${svg}\n`);
  }
  return { html: withoutFontData(html), svgs };
}

export function withoutFontData(html: string): string {
  return html.replace(/url\(data:font\/[a-z0-9]+;base64,[A-Za-z0-9+/=]+\)/g, "url(data:font/…)");
}

/** npm run golden: write the golden files anew. */
export async function writeGolden(): Promise<string[]> {
  const { html, svgs } = await renderFixture();
  await rm(GOLDEN, { recursive: true, force: true });
  await mkdir(join(GOLDEN, "charts"), { recursive: true });
  await writeFile(join(GOLDEN, "fixture.html"), html);
  for (const [id, svg] of svgs) await writeFile(join(GOLDEN, "charts", `${id}.svg`), svg);
  return [
    join(GOLDEN, "fixture.html"),
    ...(await readdir(join(GOLDEN, "charts"))).map((f) => join(GOLDEN, "charts", f)),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of await writeGolden()) process.stdout.write(`wrote ${file}\n`);
}
