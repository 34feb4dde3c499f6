import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../scripts/build.ts";
import { ExitCode, ReportError } from "../scripts/errors.ts";
import { message } from "../scripts/messages/index.ts";
import { parseShard, shardOf } from "../scripts/shard.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const EDITIONS = ["afi", "delta", "fagforbundet", "helsesekretaerforbundet"];
const run = promisify(execFile);
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rapport-shard-"));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The edition folders a build wrote into its output folder. */
async function editionFolders(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory() && existsSync(join(outDir, e.name, "rapport.html"))).map((e) => e.name);
}

describe("--shard K/N", () => {
  it("reads K/N and refuses anything else as a usage error", () => {
    expect(parseShard("2/3")).toEqual({ index: 2, count: 3 });
    expect(parseShard("1/1")).toEqual({ index: 1, count: 1 });
    for (const bad of ["0/3", "4/3", "3", "1/0", "a/b", "1/3/4", "-1/3", "1.5/3", ""]) {
      expect(() => parseShard(bad), bad).toThrow(ReportError);
      try {
        parseShard(bad);
      } catch (error) {
        expect((error as ReportError).exitCode).toBe(ExitCode.usage);
        expect((error as Error).message).toBe(message.shardInvalid(bad));
      }
    }
  });

  it("splits sorted ids into contiguous parts whose sizes differ by at most one, covering each once", () => {
    const ids = Array.from({ length: 40 }, (_, i) => `e${String(i).padStart(2, "0")}`).reverse();
    for (const count of [1, 3, 7, 40, 41]) {
      const parts = Array.from({ length: count }, (_, i) => shardOf(ids, { index: i + 1, count }));
      expect(parts.flat()).toEqual([...ids].sort());
      const sizes = parts.map((p) => p.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it("cuts the four shipped editions over three shards as the README says", () => {
    const parts = [1, 2, 3].map((index) => shardOf(EDITIONS, { index, count: 3 }));
    expect(parts).toEqual([["afi"], ["delta"], ["fagforbundet", "helsesekretaerforbundet"]]);
  });

  it("builds every shipped edition exactly once over three shards, each shard writing only its own folders", async () => {
    const built: string[] = [];
    const together = join(work, "together");
    for (let index = 1; index <= 3; index++) {
      // Each shard into an output folder of its own, as on separate machines …
      const own = join(work, `shard-${index}`);
      await build({ root, outDir: own, pdf: false, editions: "all", shard: { index, count: 3 } });
      built.push(...(await editionFolders(own)));
      // … and all into one folder, as one machine running the shards in turn: earlier shards' folders stay.
      await build({ root, outDir: together, pdf: false, editions: "all", shard: { index, count: 3 } });
    }
    expect(built.sort()).toEqual(EDITIONS);
    expect((await editionFolders(together)).sort()).toEqual(EDITIONS);
  });

  it("builds nothing, successfully, for an empty shard (more shards than editions)", async () => {
    const outDir = join(work, "empty");
    const result = await build({ root, outDir, pdf: false, editions: "all", shard: { index: 1, count: 5 } });
    expect(result.files).toEqual([]);
  });

  it("exits 2 with a clear message for a bad K/N or a shard without --all-editions", async () => {
    for (const [args, expected] of [
      [["--all-editions", "--shard", "4/3"], message.shardInvalid("4/3")],
      [["--shard", "1/3"], message.shardNeedsAllEditions],
    ] as const) {
      const failed = await run(
        process.execPath,
        ["--import", "tsx", "scripts/cli.ts", "build", "--html-only", ...args],
        {
          cwd: root,
        },
      ).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code).toBe(ExitCode.usage);
      expect(failed?.stderr).toContain(expected);
    }
  });
});
