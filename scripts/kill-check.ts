/**
 * npm run kill-check: kill a build with SIGKILL at many staggered moments
 * and check that the output folder holds a complete build every time —
 * the previous one or the new one, never a mix (its HTML and its record of
 * printed numbers always agree). Uses a scaffolded project in a temporary
 * folder, HTML only, so a run takes a few minutes. A third of the kills fall
 * anywhere in the build; the rest are aimed at its last stage, the write:
 * they come a staggered 0–80 ms after the build reports its render stage.
 *
 *   npm run kill-check -- [--times 100]
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readCommandLine } from "./command-line.ts";
import { createProject } from "./new/create-project.ts";

const engine = fileURLToPath(new URL("..", import.meta.url));
const USAGE = `usage: npm run kill-check -- [--times N]

  Kills builds of a scaffolded project with SIGKILL at N staggered moments (default 100) and checks that
  out/ holds the complete old or the complete new set of files every time.

  --times N   how many builds to kill (default 100)
  --help, --version`;
const { values } = readCommandLine(USAGE, { times: { type: "string", default: "100" } });
const times = Number(values.times);

/** A build killed `ms` after it starts, or (with `afterRender`) `ms` after it reports its render stage. */
function buildKilledAfter(project: string, ms: number, afterRender = false): Promise<{ ms: number; killed: boolean }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [".scripts-js/cli.js", "build", "--project", project, "--html-only"], {
      cwd: engine,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let timer = afterRender ? undefined : setTimeout(() => child.kill("SIGKILL"), ms);
    child.stderr.on("data", (chunk: Buffer) => {
      if (afterRender && !timer && chunk.toString().includes("render ")) {
        timer = setTimeout(() => child.kill("SIGKILL"), ms);
      }
    });
    child.on("exit", (_code, signal) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, killed: signal === "SIGKILL" });
    });
  });
}

const work = await mkdtemp(join(tmpdir(), "rapport-kill-"));
const project = join(work, "report");
createProject(project, "en");
const out = join(project, "out");
const data = join(project, "data", "satisfaction.csv");
const csv = await readFile(data, "utf8");

/** The count the HTML prints and the one its number record holds. */
function printed(): { html?: string; record?: string } {
  const html = readFileSync(join(out, "report.html"), "utf8");
  const record = readFileSync(join(out, ".tall-forrige-bygg.json"), "utf8");
  return {
    html: /<th scope="row">Very satisfied<\/th><td>(\d+)<\/td>/.exec(html)?.[1],
    record: /"row": "Very satisfied",\s*"column": "[^"]+",\s*"value": "(\d+)"/.exec(record)?.[1],
  };
}

const full = await buildKilledAfter(project, 120_000);
console.log(`a whole build takes ${Math.round(full.ms)} ms; killing ${times} builds at moments spread over it`);
let count = "62";
let oldKept = 0;
let newWritten = 0;
const failures: string[] = [];
for (let i = 0; i < times; i++) {
  const next = String(100 + (i % 800)); // below 1 000, so no thousands separator
  await writeFile(data, csv.replace(",62\n", `,${next}\n`));
  const early = i % 3 === 0;
  const at = early ? Math.round(((i + 0.5) / times) * full.ms) : Math.round((i / times) * 80);
  await buildKilledAfter(project, at, !early);
  const now = printed();
  if (now.html !== now.record || ![count, next].includes(now.html ?? "")) {
    failures.push(
      `killed ${at} ms ${early ? "after the start" : "after render"}: HTML ${now.html}, record ${now.record}, expected ${count} or ${next}`,
    );
  } else if (now.html === next) newWritten++;
  else oldKept++;
  count = now.html ?? count;
}
console.log(`${times} kills: ${oldKept} left the previous build, ${newWritten} the new one, ${failures.length} a mix`);
for (const failure of failures) console.log(`  ${failure}`);
await rm(work, { recursive: true, force: true });
process.exitCode = failures.length > 0 ? 1 : 0;
