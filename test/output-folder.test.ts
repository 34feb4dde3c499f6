/**
 * The output folder after any fault: a build that fails, crashes between
 * its steps or is killed leaves the complete old set of files; one that
 * finishes leaves the complete new set; leftovers are cleaned by the next.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject } from "../scripts/new/create-project.ts";
import { versionsDir, type WriteStep, writeVersioned } from "../scripts/write/versioned-out.ts";

const engine = fileURLToPath(new URL("..", import.meta.url));

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rapport-out-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Every file under a folder (following the output link) with a hash of its content. */
function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(dir.length + 1)] = createHash("sha256").update(readFileSync(path)).digest("hex");
  }
  return files;
}

const OLD = { "report.html": "old", "report.pdf": "old pdf", "edition/report.html": "old edition" };
const NEW = { "report.html": "new", "index.csv": "new data" };

describe("writing the output folder", () => {
  it("replaces the whole folder: no file of the old build is left beside the new", async () => {
    const out = join(work, "whole");
    await writeVersioned(out, OLD);
    await writeVersioned(out, NEW);
    expect(Object.keys(snapshot(out)).sort()).toEqual(["index.csv", "report.html"]);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    // Only the current version is kept.
    expect(readdirSync(versionsDir(out)).filter((e) => e !== "lock")).toHaveLength(1);
  });

  it("replaces only the named folders when a build renders some editions", async () => {
    const out = join(work, "partial");
    await writeVersioned(out, OLD);
    await writeVersioned(out, { "edition/report.html": "new edition" }, { folders: ["edition"] });
    expect(await readFile(join(out, "edition", "report.html"), "utf8")).toBe("new edition");
    expect(await readFile(join(out, "report.pdf"), "utf8")).toBe("old pdf");
  });

  it.each(["version-written", "link-made", "switched"] as WriteStep[])(
    "after a crash at %s, the folder holds one complete build and the next build cleans up",
    async (step) => {
      const out = join(work, `crash-${step}`);
      await writeVersioned(out, OLD);
      const before = snapshot(out);
      const crash = (at: WriteStep) => {
        if (at === step) throw new Error(`crash at ${at}`);
      };
      await expect(writeVersioned(out, NEW, {}, crash)).rejects.toThrow(`crash at ${step}`);
      // Before the switch the old build stands whole; from the switch on, the new one does.
      const hashes = (files: Record<string, string>) =>
        Object.fromEntries(Object.entries(files).map(([k, v]) => [k, createHash("sha256").update(v).digest("hex")]));
      expect(snapshot(out)).toEqual(step === "switched" ? hashes(NEW) : before);
      await writeVersioned(out, { "report.html": "third" });
      expect(snapshot(out)).toEqual({ "report.html": createHash("sha256").update("third").digest("hex") });
      expect(readdirSync(versionsDir(out)).filter((e) => e !== "lock")).toHaveLength(1);
    },
  );

  it("takes over an output folder an earlier build wrote as a plain folder", async () => {
    const out = join(work, "plain");
    await mkdir(out);
    await writeFile(join(out, ".tall-forrige-bygg.json"), "{}");
    await writeFile(join(out, "rapport.pdf"), "from an old build");
    await writeVersioned(out, NEW);
    expect(Object.keys(snapshot(out)).sort()).toEqual(["index.csv", "report.html"]);
  });

  it("lets two builds into the same folder take turns, each leaving a complete set", async () => {
    const out = join(work, "two");
    await Promise.all([writeVersioned(out, OLD), writeVersioned(out, NEW)]);
    const keys = Object.keys(snapshot(out)).sort();
    expect([Object.keys(OLD).sort(), Object.keys(NEW).sort()]).toContainEqual(keys);
  });
});

/** Start a build of a project and kill it with SIGKILL after `ms`; resolves when it has ended. */
function killedBuild(project: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/cli.ts", "build", "--project", project, "--html-only", "--quiet"],
      { cwd: engine, stdio: "ignore" },
    );
    const timer = setTimeout(() => child.kill("SIGKILL"), ms);
    child.on("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe("a build killed with SIGKILL", () => {
  it("leaves the complete old or the complete new set of files, at any moment", async () => {
    const project = join(work, "killed");
    createProject(project, "en");
    const out = join(project, "out");
    const data = join(project, "data", "satisfaction.csv");
    const csv = await readFile(data, "utf8");
    /** The count the HTML prints and the count the number record holds: equal unless the folder is a mix. */
    const printed = () => {
      const html = readFileSync(join(out, "report.html"), "utf8");
      const record = readFileSync(join(out, ".tall-forrige-bygg.json"), "utf8");
      const inHtml = /<th scope="row">Very satisfied<\/th><td>(\d+)<\/td>/.exec(html)?.[1];
      const inRecord = /"row": "Very satisfied",\s*"column": "[^"]+",\s*"value": "(\d+)"/.exec(record)?.[1];
      return { inHtml, inRecord };
    };
    await killedBuild(project, 60_000); // a complete first build
    let count = "62";
    const seen = new Set([count]);
    for (const [i, ms] of [250, 700, 1100, 1500, 1900, 2300, 2700, 60_000].entries()) {
      const next = String(62 + i + 1);
      await writeFile(data, csv.replace(",62\n", `,${next}\n`));
      await killedBuild(project, ms);
      const { inHtml, inRecord } = printed();
      expect(inHtml, `killed after ${ms} ms`).toBe(inRecord);
      expect([count, next], `killed after ${ms} ms`).toContain(inHtml);
      count = inHtml ?? count;
      seen.add(count);
    }
    // The last build was not killed: the folder holds it.
    expect(count).toBe("70");
    const sets = [...seen];
    expect(sets.length).toBeGreaterThan(1);
  });
});
