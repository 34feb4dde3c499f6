import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * Rendered charts by content: the same spec, data and colour give the same
 * SVG, so it is kept in memory and under a git-ignored folder and reused by
 * the next build or the next rebuild in `npm run dev`. The key includes the
 * renderer's version, so an upgrade never serves a stale picture.
 */
const RENDERER_VERSION = "chart-1";

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
      await mkdir(this.dir, { recursive: true });
      const temporary = join(this.dir, `${key}.${process.pid}.tmp`);
      await writeFile(temporary, svg);
      await rename(temporary, join(this.dir, `${key}.svg`));
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
}
