/**
 * npm run bench: how long a build takes, where the time goes, and how that
 * compares with printing the same HTML with a peer renderer.
 *
 *   npm run bench -- [--project DIR] [--runs 5] [--no-peer] [--no-dev]
 *
 * Every build runs in a fresh process (`npm run build` as a user runs it,
 * minus npm's own start-up), with the chart cache emptied first, so the
 * numbers are those of a cold build. Timings live here, never in tests.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { get } from "node:http";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { projectRoot } from "./project-root.ts";

/** The engine's folder: where scripts/cli.ts runs from. */
const engine = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: {
    project: { type: "string" },
    runs: { type: "string", default: "5" },
    "no-peer": { type: "boolean", default: false },
    "no-dev": { type: "boolean", default: false },
  },
});
const runs = Number(values.runs);
/** The project measured: `--project DIR`, else the repository's own report. */
const root = projectRoot(values.project);
const work = await mkdtemp(join(tmpdir(), "rapport-bench-"));
/** The compiled engine (scripts/setup/compile.mjs), relative to the engine's folder. */
const COMPILED = ".scripts-js";
const CLI = join(COMPILED, "cli.js");
const STAGES = ["load", "validate", "compute", "chart", "render", "changes", "print", "write"];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
const ms = (x: number) => `${Math.round(x)} ms`.padStart(9);
const sec = (x: number) => `${(x / 1000).toFixed(2)} s`;

/**
 * Memory of a process and all its descendants (Chromium's too), in bytes, as
 * PSS: each shared page counted once, split among the processes sharing it.
 * Summing RSS instead would count Chromium's shared libraries and shared
 * memory once per process (its zygote, GPU, network and renderer processes).
 */
async function treeMemory(pid: number): Promise<number> {
  let total = 0;
  try {
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, "utf8");
    total += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
    for (const task of await readdir(`/proc/${pid}/task`)) {
      const children = (await readFile(`/proc/${pid}/task/${task}/children`, "utf8")).trim();
      for (const child of children ? children.split(" ") : []) total += await treeMemory(Number(child));
    }
  } catch {
    // the process ended meanwhile
  }
  return total;
}

/** Run a command, timing it and sampling the peak memory of its process tree. */
async function measure(command: string, args: string[]): Promise<{ ms: number; peak: number; code: number | null }> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: engine, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  let peak = 0;
  const sampler = setInterval(async () => {
    if (child.pid) peak = Math.max(peak, await treeMemory(child.pid));
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearInterval(sampler);
  if (code !== 0) process.stderr.write(stderr);
  return { ms: performance.now() - started, peak, code };
}

/** A cold build: no rendered charts and no page numbers from an earlier build. */
const clearCaches = async () => {
  await rm(join(root, ".cache", "charts"), { recursive: true, force: true });
  await rm(join(root, ".cache", "pages"), { recursive: true, force: true });
};

async function buildRuns(extra: string[], label: string, caches: "empty" | "kept" = "empty") {
  const totals: number[] = [];
  const peaks: number[] = [];
  const stages: Record<string, number[]> = {};
  for (let i = 0; i < runs; i++) {
    if (caches === "empty") await clearCaches();
    const timings = join(work, `timings-${label}-${i}.json`);
    // The compiled JavaScript that `npm run build` runs (made by the set-up step, `prebench`).
    const result = await measure(process.execPath, [
      CLI,
      "build",
      "--project",
      root,
      "--quiet",
      "--out",
      join(work, `out-${label}`),
      "--timings-json",
      timings,
      ...extra,
    ]);
    if (result.code !== 0) throw new Error(`the build failed (exit ${result.code})`);
    totals.push(result.ms);
    peaks.push(result.peak);
    for (const [stage, t] of Object.entries(JSON.parse(await readFile(timings, "utf8")) as Record<string, number>)) {
      stages[stage] = [...(stages[stage] ?? []), t];
    }
  }
  return { totals, peaks, stages };
}

function weasyprint(): string | undefined {
  const which = spawnSync("sh", ["-c", "command -v weasyprint"], { encoding: "utf8" });
  if (which.status === 0) return which.stdout.trim();
  const canInstall = existsSync("/etc/debian_version") && process.getuid?.() === 0;
  if (!canInstall) return undefined;
  console.log("(installing Debian's weasyprint to compare with …)");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { env, stdio: "ignore" });
  spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "weasyprint"], { env, stdio: "ignore" });
  const again = spawnSync("sh", ["-c", "command -v weasyprint"], { encoding: "utf8" });
  return again.status === 0 ? again.stdout.trim() : undefined;
}

/** Time from saving a chapter to the dev server announcing the new HTML. */
async function devLoop(): Promise<number[]> {
  const port = 4300 + Math.floor(Math.random() * 500);
  const chapter = join(root, "report", "chapters", (await readdir(join(root, "report", "chapters"))).sort()[0]);
  const original = await readFile(chapter, "utf8");
  const server: ChildProcess = spawn(
    process.execPath,
    [join(COMPILED, "dev.js"), "--project", root, "--port", String(port), "--pdf-after", "0"],
    {
      cwd: engine,
      stdio: ["pipe", "ignore", "pipe"],
    },
  );
  const times: number[] = [];
  try {
    let log = "";
    await new Promise<void>((resolve) =>
      server.stderr?.on("data", (d) => {
        log += d;
        if (/rebuilt/.test(log)) resolve();
      }),
    );
    let waiting: (() => void) | undefined;
    get(`http://127.0.0.1:${port}/events`, (response) =>
      response.on("data", (d) => String(d).includes("reload") && waiting?.()),
    );
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < Math.max(3, runs); i++) {
      const reloaded = new Promise<void>((resolve) => {
        waiting = resolve;
      });
      const started = performance.now();
      await appendFile(chapter, `\nEn setning lagt til av npm run bench (${i}).\n`);
      await reloaded;
      times.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await writeFile(chapter, original);
    server.kill();
  }
  return times;
}

// --- run -------------------------------------------------------------------

console.log(
  `npm run bench: ${runs} runs each, on ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
);

const one = await buildRuns([], "one");
console.log(
  "Full build, data to HTML and tagged PDF with paged contents (fresh process, no caches: charts drawn, contents paged from scratch):",
);
console.log(`${"stage".padEnd(10)}${"median".padStart(9)}${"spread".padStart(9)}`);
for (const stage of STAGES) {
  const xs = one.stages[stage];
  if (xs) console.log(`${stage.padEnd(10)}${ms(median(xs))}${ms(spread(xs))}`);
}
const total = median(one.totals);
console.log(`${"total".padEnd(10)}${ms(total)}${ms(spread(one.totals))}   (whole process, including Node start-up)`);
console.log(
  `peak memory (PSS of the process tree, Chromium included): ${Math.round(Math.max(...one.peaks) / 2 ** 20)} MB\n`,
);

// The everyday case: re-rendering after a change, with the caches of the previous build
// (charts of unchanged data; the previous page numbers, which save the draft print when they still hold).
const warm = await buildRuns([], "warm", "kept");
console.log(
  `A rebuild (fresh process, caches of the previous build kept): total ${sec(median(warm.totals))} (spread ${sec(spread(warm.totals))}); chart ${ms(median(warm.stages.chart ?? [0])).trim()}, print ${ms(median(warm.stages.print ?? [0])).trim()}\n`,
);

const all = await buildRuns(["--all-editions"], "all");
const allTotal = median(all.totals);
console.log(
  `All editions with one browser: ${sec(allTotal)} vs one edition ${sec(total)}: ratio ${(allTotal / total).toFixed(2)} (target ≤ 1.5)`,
);
console.log(`  peak memory: ${Math.round(Math.max(...all.peaks) / 2 ** 20)} MB`);
const allWarm = await buildRuns(["--all-editions"], "all-warm", "kept");
console.log(
  `  as a rebuild (caches kept): ${sec(median(allWarm.totals))} vs one edition ${sec(median(warm.totals))}: ratio ${(median(allWarm.totals) / median(warm.totals)).toFixed(2)}\n`,
);

if (!values["no-peer"]) {
  const outOne = join(work, "out-one");
  const html = join(outOne, (await readdir(outOne)).find((name) => name.endsWith(".html")) ?? "missing.html");
  const weasy = weasyprint();
  if (weasy) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push((await measure(weasy, [html, join(work, "weasy.pdf")])).ms);
    const peer = median(times);
    console.log(`Peer: WeasyPrint printing the same HTML: ${sec(peer)} (spread ${sec(spread(times))})`);
    console.log(`  our whole build / WeasyPrint's print alone: ${(total / peer).toFixed(2)} (target ≤ 0.5)`);
    console.log(`  a rebuild (caches kept) / WeasyPrint: ${(median(warm.totals) / peer).toFixed(2)}\n`);
  } else {
    console.log("Peer: WeasyPrint not found and cannot be installed here; skipped.\n");
  }
}

if (!values["no-dev"]) {
  const times = await devLoop();
  console.log(
    `npm run dev: save a chapter → new HTML announced: median ${ms(median(times)).trim()} (spread ${ms(spread(times)).trim()}; target ≤ 150 ms)`,
  );
}

const slowest = STAGES.filter((s) => one.stages[s]).sort((a, b) => median(one.stages[b]) - median(one.stages[a]))[0];
console.log(`\nThe stage that holds the build back: ${slowest} (${ms(median(one.stages[slowest])).trim()}).`);
await rm(work, { recursive: true, force: true });
