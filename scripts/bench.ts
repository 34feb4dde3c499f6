/**
 * npm run bench: how long a build takes, where the time goes, and how that
 * compares with printing the print document (what the print stage loads) with a peer renderer.
 *
 *   npm run bench -- [--project DIR] [--runs 5 | --quick] [--many 40] [--many-runs 3] [--no-peer] [--no-dev]
 *
 * Every build runs in a fresh process (`npm run build` as a user runs it,
 * minus npm's own start-up), with the chart cache emptied first, so the
 * numbers are those of a cold build. Timings live here, never in tests.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile, cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { get } from "node:http";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readCommandLine } from "./command-line.ts";
import { CATALOGUES } from "./messages/index.ts";
import { PRINT_STEPS } from "./print/paginate.ts";
import { projectRoot } from "./project-root.ts";
import { nodeCommands } from "./setup/compile.mjs";

/** The engine's folder: where scripts/cli.ts runs from. */
const engine = fileURLToPath(new URL("..", import.meta.url));
const USAGE = `usage: npm run bench -- [--project DIR] [--runs N | --quick] [--many N] [--many-runs N] [--no-peer] [--no-dev]

  Times cold builds in fresh processes (chart cache emptied), stage by stage, and prints a table.

  --project DIR    the report's folder; default: this repository's report
  --runs N         builds of each case (default 5)
  --quick          two runs of everything: a smoke test of the bench, not numbers to quote
  --many N         editions in the many-editions case (default 40; 0 skips it)
  --many-runs N    builds of the many-editions case (default 3)
  --no-peer        skip printing the print document with a peer renderer
  --no-dev         skip the dev server's rebuild case
  --help, --version`;

const { values } = readCommandLine(USAGE, {
  project: { type: "string" },
  runs: { type: "string", default: "5" },
  /** Two runs of everything: a smoke test of the bench itself, not numbers to quote. */
  quick: { type: "boolean", default: false },
  /** Editions in the many-editions case (0 skips it), and how many times it is built. */
  many: { type: "string", default: "40" },
  "many-runs": { type: "string", default: "3" },
  "no-peer": { type: "boolean", default: false },
  "no-dev": { type: "boolean", default: false },
});
const runs = values.quick ? 2 : Number(values.runs);
const many = Number(values.many);
const manyCount = values.quick ? 1 : Number(values["many-runs"]);
if (![runs, many, manyCount].every((n) => Number.isInteger(n) && n >= 0) || runs < 1) {
  process.stderr.write(
    "usage: npm run bench -- [--project DIR] [--runs N | --quick] [--many N] [--many-runs N] [--no-peer] [--no-dev]\n",
  );
  process.exit(2);
}
/** The project measured: `--project DIR`, else the repository's own report. */
const root = projectRoot(values.project);
const work = await mkdtemp(join(tmpdir(), "rapport-bench-"));
/** The compiled engine (scripts/setup/compile.mjs), relative to the engine's folder. */
const COMPILED = ".scripts-js";
const CLI = join(COMPILED, "cli.js");

/** The options package.json gives Node for `npm run <name>` (`node --v8-pool-size=1 .scripts-js/cli.js build`). */
async function nodeOptionsOf(name: string): Promise<string[]> {
  const pkg = JSON.parse(await readFile(join(engine, "package.json"), "utf8")) as { scripts: Record<string, string> };
  return nodeCommands(pkg.scripts[name] ?? "")[0]?.options ?? [];
}
/** A build and a check run as their npm commands run them. */
const BUILD = [...(await nodeOptionsOf("build")), CLI];
const CHECK = [...(await nodeOptionsOf("check")), CLI];
// "data" and "narrow" run while "print" does (build.ts), so the stages of a build add up to more than its wall time.
const STAGES = ["load", "validate", "compute", "chart", "render", "changes", "data", "narrow", "print", "write"];

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

/** Where /usr/bin/time is, it reports the CPU time of the process tree (user + system, children it reaped). */
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

interface Measured {
  ms: number;
  /** CPU seconds × 1000 of the process tree, when /usr/bin/time is there; NaN otherwise. */
  cpuMs: number;
  peak: number;
  code: number | null;
  stderr: string;
}

/**
 * Run a command, timing it (wall and CPU), and with `memory` sampling the peak memory of its
 * process tree instead. Reading every process's smaps_rollup ten times a second costs the two
 * cores enough to slow the build down (a cold build took 7,0 s sampled and 5,4 s not), so a run
 * is either timed or sampled, never both.
 */
async function measure(
  command: string,
  args: string[],
  { cwd = engine, memory = false }: { cwd?: string; memory?: boolean } = {},
): Promise<Measured> {
  const cpuFile = join(work, `cpu-${process.hrtime.bigint()}.txt`);
  const [cmd, argv] = TIME ? [TIME, ["-f", "%U %S", "-o", cpuFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  let peak = 0;
  let sampling = false; // one sample at a time: a slow one must not pile up behind the next
  const sampler = memory
    ? setInterval(async () => {
        if (!child.pid || sampling) return;
        sampling = true;
        peak = Math.max(peak, await treeMemory(child.pid));
        sampling = false;
      }, 100)
    : undefined;
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const ms = performance.now() - started;
  clearInterval(sampler);
  if (code !== 0) process.stderr.write(stderr);
  let cpuMs = Number.NaN;
  if (TIME) {
    const [user, system] =
      (await readFile(cpuFile, "utf8").catch(() => "")).trim().split("\n").at(-1)?.split(" ") ?? [];
    cpuMs = (Number(user) + Number(system)) * 1000;
  }
  return { ms, cpuMs, peak, code, stderr };
}

/** A cold build: no rendered charts and no page numbers from an earlier build. */
const clearCaches = async (project = root) => {
  await rm(join(project, ".cache", "charts"), { recursive: true, force: true });
  await rm(join(project, ".cache", "pages"), { recursive: true, force: true });
};

interface Runs {
  totals: number[];
  cpus: number[];
  peaks: number[];
  stages: Record<string, number[]>;
}

async function buildRuns(
  extra: string[],
  label: string,
  caches: "empty" | "kept" = "empty",
  { project = root, count = runs, memory = false } = {},
): Promise<Runs> {
  const runs: Runs = { totals: [], cpus: [], peaks: [], stages: {} };
  const build = async (i: number, sampled: boolean) => {
    if (caches === "empty") await clearCaches(project);
    const timings = join(work, `timings-${label}-${i}.json`);
    // The compiled JavaScript that `npm run build` runs (made by the set-up step, `prebench`).
    const args = [...BUILD, "build", "--project", project, "--quiet", "--out", join(work, `out-${label}`)];
    const result = await measure(
      process.execPath,
      [...args, "--timings-json", timings, "--print-document", join(work, `printed-${label}.html`), ...extra],
      { memory: sampled },
    );
    if (result.code !== 0) throw new Error(`the build failed (exit ${result.code})`);
    return { result, timings };
  };
  for (let i = 0; i < count; i++) {
    const { result, timings } = await build(i, false);
    runs.totals.push(result.ms);
    runs.cpus.push(result.cpuMs);
    for (const [stage, t] of Object.entries(JSON.parse(await readFile(timings, "utf8")) as Record<string, number>)) {
      runs.stages[stage] = [...(runs.stages[stage] ?? []), t];
    }
  }
  // Peak memory from one more build of the same kind, sampled and not timed.
  if (memory) runs.peaks.push((await build(count, true)).result.peak);
  return runs;
}

/** The print stage's parts (paginate.ts), medians: what its time goes to. */
function printSteps(r: Runs): string {
  const parts = PRINT_STEPS.map((step) => `${step} ${Math.round(median(r.stages[`print.${step}`] ?? [0]))}`);
  return `  print's parts (ms): ${parts.join(", ")}; the rest: waiting for the browser to be ready, and setting numbers and breaks between passes`;
}

/** The stage with the largest median, and that median: what holds a build back. */
function slowestStage(stages: Record<string, number[]>): string {
  const [name] = Object.keys(stages).sort((a, b) => median(stages[b]) - median(stages[a]));
  return name ? `${name} (${Math.round(median(stages[name]))} ms)` : "unknown";
}

/** The stage with the most time per edition in a build of `per` editions, against one edition's. */
function perEditionStage(one: Record<string, number[]>, many: Record<string, number[]>, per: number): string {
  const [name] = Object.keys(many).sort((a, b) => median(many[b]) - median(many[a]));
  return name
    ? `${name} (${Math.round(median(many[name]) / per)} ms per edition here, ${Math.round(median(one[name] ?? [0]))} ms for one edition alone)`
    : "unknown";
}

/** The stage that grew most from `one` to `many`: what holds a multi-edition build back. */
function grownStage(one: Record<string, number[]>, many: Record<string, number[]>): string {
  const growth = (s: string) => median(many[s]) - median(one[s] ?? [0]);
  const [name] = Object.keys(many).sort((a, b) => growth(b) - growth(a));
  return name
    ? `${name} (${Math.round(median(one[name] ?? [0]))} ms for one edition, ${Math.round(median(many[name]))} ms here)`
    : "unknown";
}

/** Every figure with its target, gathered for the summary at the end. */
const figures: { name: string; measured: string; target: string; met: boolean; holdsBack?: string }[] = [];
function figure(name: string, measured: string, target: string, met: boolean, holdsBack?: string): void {
  figures.push({ name, measured, target, met, holdsBack: met ? undefined : holdsBack });
  console.log(
    `  ${met ? "✓" : "✗"} ${name}: ${measured} (target ${target})${met || !holdsBack ? "" : `; held back by ${holdsBack}`}`,
  );
}
const withCpu = (r: Runs) =>
  `${sec(median(r.totals))} wall (spread ${sec(spread(r.totals))})${Number.isNaN(median(r.cpus)) ? "" : `, ${sec(median(r.cpus))} CPU (spread ${sec(spread(r.cpus))})`}`;

/**
 * A copy of the project with `count` editions: the shipped ones and copies of them
 * (same accents, so charts are drawn once per shipped accent, as for many local branches).
 */
async function manyEditionsProject(count: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "rapport-bench-editions-"));
  for (const sub of ["report", "data", "templates"]) {
    if (existsSync(join(root, sub))) await cp(join(root, sub), join(dir, sub), { recursive: true });
  }
  const editions = join(dir, "report", "editions");
  const shipped = (await readdir(editions)).sort();
  for (let i = shipped.length; i < count; i++) {
    const from = shipped[i % shipped.length];
    await cp(join(editions, from), join(editions, `${from}-${String(i).padStart(3, "0")}`), { recursive: true });
  }
  return dir;
}

/**
 * The per-edition floor: what Chromium alone needs for one edition of this HTML —
 * load it in a tab (with its fonts), a draft print and a tagged print — and, apart,
 * the browser's start, which a build pays once whatever the editions.
 */
async function printFloor(html: string, count: number) {
  const { launchBrowser } = await import("./print/browser.ts");
  const { withPrintSession } = await import("./print/pdf.ts");
  const text = await readFile(html, "utf8");
  const starts: number[] = [];
  const loads: number[] = [];
  const drafts: number[] = [];
  const finals: number[] = [];
  for (let i = 0; i < count; i++) {
    let t = performance.now();
    const browser = await launchBrowser();
    starts.push(performance.now() - t);
    try {
      t = performance.now();
      await withPrintSession(browser, text, async (session) => {
        loads.push(performance.now() - t);
        t = performance.now();
        await session.draft();
        drafts.push(performance.now() - t);
        t = performance.now();
        await session.pdf();
        finals.push(performance.now() - t);
      });
    } finally {
      await browser.close();
    }
  }
  return {
    start: median(starts),
    load: median(loads),
    draft: median(drafts),
    final: median(finals),
    spreadLoad: spread(loads),
  };
}

/** `npm run check` as a process: wall and CPU, and its stages from its own log lines («load … (123 ms)»). */
async function checkRuns(count: number) {
  const totals: number[] = [];
  const cpus: number[] = [];
  const stages: Record<string, number[]> = {};
  for (let i = 0; i < count; i++) {
    const result = await measure(process.execPath, [...CHECK, "check", "--project", root]);
    if (result.code !== 0) throw new Error(`npm run check failed (exit ${result.code})`);
    totals.push(result.ms);
    cpus.push(result.cpuMs);
    let inStages = 0;
    for (const match of result.stderr.matchAll(/^(\w+)\s.*\((\d+) ms\)$/gm)) {
      stages[match[1]] = [...(stages[match[1]] ?? []), Number(match[2])];
      inStages += Number(match[2]);
    }
    // What the stages do not cover: Node's start, importing the engine, and exit.
    const rest = "start-up+imports";
    stages[rest] = [...(stages[rest] ?? []), result.ms - inStages];
  }
  return { totals, cpus, stages };
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

const DEV_TIMEOUT_MS = 60_000;

/** The promise, or a failure naming what did not happen in time (a bench never hangs on a dev server). */
async function withinTime<T>(promise: Promise<T>, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(what())), DEV_TIMEOUT_MS);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** How the dev server says it built, in each shipped language: the words before the time it took. */
const REBUILT = Object.values(CATALOGUES).map((said) => said.dev.rebuilt(false, 0, "").split("0")[0]);

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
    await withinTime(
      new Promise<void>((resolve) =>
        server.stderr?.on("data", (d) => {
          log += d;
          if (REBUILT.some((said) => log.includes(said))) resolve();
        }),
      ),
      () => `the dev server did not say it had built within ${DEV_TIMEOUT_MS / 1000} s; it said:\n${log}`,
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
      await withinTime(reloaded, () => `no reload within ${DEV_TIMEOUT_MS / 1000} s of saving ${chapter}`);
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
  `npm run bench: ${runs} runs each, on ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}${TIME ? "" : " (no /usr/bin/time: wall times only)"}\n`,
);

const one = await buildRuns([], "one", "empty", { memory: true });
console.log(
  "Full build, data to HTML and tagged PDF with paged contents (fresh process, no caches: charts drawn, contents paged from scratch):",
);
console.log(`${"stage".padEnd(10)}${"median".padStart(9)}${"spread".padStart(9)}`);
for (const stage of STAGES) {
  const xs = one.stages[stage];
  if (xs) console.log(`${stage.padEnd(10)}${ms(median(xs))}${ms(spread(xs))}`);
  if (stage === "print") console.log(printSteps(one));
}
const total = median(one.totals);
console.log(`${"total".padEnd(10)}${ms(total)}${ms(spread(one.totals))}   (whole process, including Node start-up)`);
figure("cold build (no caches), wall", withCpu(one), "≤ 2.5 s", total <= 2500, slowestStage(one.stages));
const peakOne = Math.max(...one.peaks) / 2 ** 20;
figure(
  "peak memory, one edition (PSS, Node + Chromium)",
  `${Math.round(peakOne)} MB`,
  "≤ 600 MB",
  peakOne <= 600,
  "Chromium's processes (browser, renderer, GPU, utility), most of it",
);
console.log("");

// The everyday case: re-rendering after a change, with the caches of the previous build
// (charts of unchanged data; the previous page numbers, which save the draft print when they still hold).
const warm = await buildRuns([], "warm", "kept");
console.log(
  `A rebuild (fresh process, caches of the previous build kept): ${withCpu(warm)}; chart ${ms(median(warm.stages.chart ?? [0])).trim()}, print ${ms(median(warm.stages.print ?? [0])).trim()}`,
);
console.log(`${printSteps(warm)}\n`);

const all = await buildRuns(["--all-editions"], "all", "empty", { memory: true });
const allTotal = median(all.totals);
console.log(`All editions with one browser: ${withCpu(all)}`);
figure(
  "all editions / one edition (cold)",
  `${(allTotal / total).toFixed(2)}`,
  "≤ 1.5",
  allTotal / total <= 1.5,
  grownStage(one.stages, all.stages),
);
const peakAll = Math.max(...all.peaks) / 2 ** 20;
figure(
  "peak memory, all editions",
  `${Math.round(peakAll)} MB`,
  "≤ 800 MB",
  peakAll <= 800,
  "Chromium's renderers, one per edition's tab",
);
const allWarm = await buildRuns(["--all-editions"], "all-warm", "kept");
console.log(
  `  as a rebuild (caches kept): ${sec(median(allWarm.totals))} vs one edition ${sec(median(warm.totals))}: ratio ${(median(allWarm.totals) / median(warm.totals)).toFixed(2)}`,
);
// PDF size per edition, from the last all-editions build.
const outAll = join(work, "out-all-warm");
for (const id of (await readdir(outAll, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name)) {
  const pdf = (await readdir(join(outAll, id))).find((name) => name.endsWith(".pdf"));
  if (!pdf) continue;
  const size = (await stat(join(outAll, id, pdf))).size;
  figure(
    `PDF size, edition ${id}`,
    `${(size / 2 ** 20).toFixed(2)} MB`,
    "≤ 1 MB",
    size <= 2 ** 20,
    "the tagged structure tree",
  );
}
console.log("");

// The document the print stage loads (no scripts, no phone drawings): what the floor and the peer print.
const html = join(work, "printed-one.html");
const floor = await printFloor(html, Math.max(2, Math.min(runs, 5)));
const perEditionFloor = floor.load + floor.draft + floor.final;
console.log(
  `Floor (Chromium alone, the document the print stage loads): start ${ms(floor.start).trim()} once; per edition: load ${ms(floor.load).trim()} (spread ${ms(floor.spreadLoad).trim()}) + draft print ${ms(floor.draft).trim()} + tagged print ${ms(floor.final).trim()} = ${ms(perEditionFloor).trim()}`,
);
if (many > 0) {
  const project = await manyEditionsProject(many);
  try {
    // The first build fills the chart cache (as any earlier build of the project would have); the runs measured keep it.
    await buildRuns(["--all-editions", "--html-only"], "many-fill", "empty", { project, count: 1 });
    const manyRuns = await buildRuns(["--all-editions"], "many", "kept", { project, count: manyCount });
    const perEdition = median(manyRuns.totals) / many;
    console.log(
      `${many} editions (a copy of the project, editions derived from the shipped ones): ${withCpu(manyRuns)}`,
    );
    figure(
      `${many} editions, time per edition / per-edition floor`,
      `${ms(perEdition).trim()} / ${ms(perEditionFloor).trim()} = ${(perEdition / perEditionFloor).toFixed(2)}`,
      "≤ 1.2",
      perEdition / perEditionFloor <= 1.2,
      perEditionStage(warm.stages, manyRuns.stages, many),
    );
  } finally {
    await rm(project, { recursive: true, force: true });
  }
}
console.log("");

const checks = await checkRuns(Math.max(runs, 3));
console.log(
  `npm run check as a process: ${sec(median(checks.totals))} wall (spread ${sec(spread(checks.totals))})${Number.isNaN(median(checks.cpus)) ? "" : `, ${sec(median(checks.cpus))} CPU`}; ${Object.keys(
    checks.stages,
  )
    .map((s) => `${s} ${Math.round(median(checks.stages[s]))} ms`)
    .join(", ")}`,
);
figure(
  "npm run check",
  sec(median(checks.totals)),
  "≤ 1 s",
  median(checks.totals) <= 1000,
  slowestStage(checks.stages),
);
console.log("");

if (!values["no-peer"]) {
  const weasy = weasyprint();
  if (weasy) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push((await measure(weasy, [html, join(work, "weasy.pdf")])).ms);
    const peer = median(times);
    console.log(
      `Peer: WeasyPrint printing the document the print stage loads: ${sec(peer)} (spread ${sec(spread(times))})`,
    );
    figure(
      "cold build / WeasyPrint",
      (total / peer).toFixed(2),
      "≤ 0.5",
      total / peer <= 0.5,
      slowestStage(one.stages),
    );
    figure(
      "rebuild / WeasyPrint",
      (median(warm.totals) / peer).toFixed(2),
      "≤ 0.35",
      median(warm.totals) / peer <= 0.35,
      slowestStage(warm.stages),
    );
  } else {
    console.log("Peer: WeasyPrint not found and cannot be installed here; skipped.");
  }
  console.log("");
}

if (!values["no-dev"]) {
  const name = "npm run dev: save a chapter → new HTML announced";
  const times = await devLoop().catch((error: Error) => error);
  if (times instanceof Error) figure(name, "no result", "≤ 100 ms", false, times.message);
  else
    figure(
      name,
      `${ms(median(times)).trim()} (spread ${ms(spread(times)).trim()})`,
      "≤ 100 ms",
      median(times) <= 100,
      "the rebuild of load, validate, compute and render in the dev server",
    );
}

console.log("\nSummary (medians):");
for (const f of figures) {
  console.log(
    `  ${f.met ? "✓" : "✗"} ${f.name.padEnd(52)} ${f.measured.padEnd(42)} target ${f.target}${f.holdsBack ? `  ← ${f.holdsBack}` : ""}`,
  );
}
await rm(work, { recursive: true, force: true });
