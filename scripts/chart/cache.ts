import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ENGINE_ROOT } from "../engine-root.ts";
import { writeFileAtomically } from "../write/atomic.ts";

/**
 * Rendered charts by content: the same spec, data and colour give the same
 * SVG, so it is kept in memory and under a git-ignored folder and reused by
 * the next build or the next rebuild in `npm run dev`. The key includes the
 * chart stage's own code and the Vega versions, so a change to how charts
 * are drawn never serves a stale picture.
 */
const require = createRequire(import.meta.url);
const RENDERER_VERSION = (() => {
  // The sources, not this file's folder: the bundled copy (in .scripts-js/) must give the same key.
  const here = join(ENGINE_ROOT, "scripts", "chart");
  const hash = createHash("sha256");
  for (const name of readdirSync(here).sort()) hash.update(readFileSync(join(here, name)));
  hash.update(readFileSync(join(here, "..", "fonts", "catalog.ts")));
  // vega does not export its package.json; its entry file's path carries no version either, so read the file.
  for (const pkg of ["vega", "vega-lite"]) {
    const main = require.resolve(pkg);
    const manifest = join(
      main.slice(0, main.lastIndexOf(`/node_modules/${pkg}/`) + `/node_modules/${pkg}/`.length),
      "package.json",
    );
    hash.update(JSON.parse(readFileSync(manifest, "utf8")).version);
  }
  return hash.digest("hex");
})();

export class ChartCache {
  private memory = new Map<string, string>();

  constructor(private readonly dir: string | undefined) {}

  static key(...parts: unknown[]): string {
    return createHash("sha256")
      .update(JSON.stringify([RENDERER_VERSION, ...parts]))
      .digest("hex")
      .slice(0, 32);
  }

  async get(key: string): Promise<string | undefined> {
    const inMemory = this.memory.get(key);
    if (inMemory !== undefined || !this.dir) return inMemory;
    try {
      const svg = await readFile(join(this.dir, `${key}.svg`), "utf8");
      this.memory.set(key, svg);
      return svg;
    } catch {
      return undefined;
    }
  }

  async set(key: string, svg: string): Promise<void> {
    this.memory.set(key, svg);
    if (!this.dir) return;
    try {
      await writeFileAtomically(join(this.dir, `${key}.svg`), svg);
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
}
