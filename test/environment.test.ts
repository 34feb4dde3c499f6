/**
 * Environment failures (issue 14): a read-only or full disk exited 70 ("a
 * bug") with a stack trace, `npm run build` without a browser exited 1, and a
 * chart link Vega refuses ended in an uncaught TypeError. Now the machine's
 * faults exit 5 with one sentence naming the path, a missing browser exits 3
 * however the build is started, and the chart is a problem naming its file.
 * Faults are injected for real: tmpfs mounts (tests run as root) and /dev/full.
 */
import { execFile, spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../scripts/build.ts";
import { ExitCode, environmentError, ReportError } from "../scripts/errors.ts";
import { messagesFor } from "../scripts/messages/index.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const fixture = join(root, "test", "fixtures", "project");
const execute = promisify(execFile);
let work: string;

/** The CLI's exit code and error output (a failure does not throw). */
async function cli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await execute(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], {
      cwd: root,
      env,
    });
    return { code: 0, stderr };
  } catch (error) {
    const { code, stderr } = error as { code: number; stderr: string };
    return { code, stderr };
  }
}

/** A tmpfs mounted at a new folder, or why the machine does not allow it. */
function mountTmpfs(options: string): { dir?: string; why?: string } {
  const dir = join(work, `mnt-${options.replace(/\W/g, "")}`);
  spawnSync("mkdir", ["-p", dir]);
  const result = spawnSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir], { encoding: "utf8" });
  return result.status === 0 ? { dir } : { why: `mount -t tmpfs failed: ${result.stderr || result.error}` };
}

const mounted: string[] = [];
let full: { dir?: string; why?: string };
let readOnly: { dir?: string; why?: string };

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rapport-environment-"));
  full = mountTmpfs("size=64k");
  readOnly = mountTmpfs("ro,size=64k");
  for (const m of [full, readOnly]) if (m.dir) mounted.push(m.dir);
  for (const m of [full, readOnly]) if (m.why) console.warn(`skipping a tmpfs test: ${m.why}`);
});

afterAll(async () => {
  for (const dir of mounted) spawnSync("umount", [dir]);
  await rm(work, { recursive: true, force: true });
});

// The shipped report is in bokmål: what a build says once it has read it is too.
const { message } = messagesFor("nb");

/** The sentence for a refused system call, naming `path` (the start) and why (the rest). */
function refused(code: string, path: string, syscall = "write"): [string, string] {
  const [start, rest] = message.environment(code, "PATH", syscall).split("PATH");
  return [`${start}${path}`, rest.slice(2)];
}

/** One sentence, no stack trace, not called a bug. */
function plain(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toContain("internal error");
}

describe("a disk that refuses", () => {
  it("--out on a full disk exits 5 naming the folder", async (context) => {
    if (!full.dir) return context.skip();
    const out = join(full.dir, "out");
    const { code, stderr } = await cli(["build", "--html-only", "--quiet", "--out", out]);
    expect(code).toBe(ExitCode.environment);
    for (const part of refused("ENOSPC", out)) expect(stderr).toContain(part);
    plain(stderr);
  });

  it("--out on a read-only disk exits 5 naming the path", async (context) => {
    if (!readOnly.dir) return context.skip();
    const out = join(readOnly.dir, "out");
    const { code, stderr } = await cli(["build", "--html-only", "--quiet", "--out", out]);
    expect(code).toBe(ExitCode.environment);
    for (const part of refused("EROFS", readOnly.dir)) expect(stderr).toContain(part);
    plain(stderr);
  });

  it("a write to /dev/full exits 5 naming it", async () => {
    const { code, stderr } = await cli([
      "build",
      "--html-only",
      "--quiet",
      "--out",
      join(work, "out-devfull"),
      "--timings-json",
      "/dev/full",
    ]);
    expect(code).toBe(ExitCode.environment);
    expect(stderr.trim()).toBe(message.environment("ENOSPC", "/dev/full", "write"));
    plain(stderr);
  });

  it("the sentence names the path the error carries, else the one given; other errors stay bugs", () => {
    const enospc = Object.assign(new Error("ENOSPC: no space left on device, write"), {
      code: "ENOSPC",
      syscall: "write",
    });
    // Outside a build, before any report is read: English.
    expect(environmentError(enospc, "/x/out")?.message).toBe(
      messagesFor("en").message.environment("ENOSPC", "/x/out", "write"),
    );
    const erofs = Object.assign(new Error("EROFS"), { code: "EROFS", syscall: "mkdir", path: "/ro/.out.builds" });
    expect(environmentError(erofs, "/ro/out")?.message).toContain("/ro/.out.builds");
    expect(environmentError(new TypeError("x"))).toBeUndefined();
    expect(environmentError(Object.assign(new Error("ENOENT"), { code: "ENOENT" }))).toBeUndefined();
  });
});

describe("a browser that is missing", () => {
  it("npm run build exits 3, from its set-up step, with one line", () => {
    const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: join(work, "no-chromium") };
    const result = spawnSync("npm", ["run", "build", "--silent", "--", "--quiet"], {
      cwd: root,
      env,
      encoding: "utf8",
    });
    expect(result.status).toBe(ExitCode.browser);
    expect(result.stderr).toContain(`PUPPETEER_EXECUTABLE_PATH is set to ${join(work, "no-chromium")}`);
    plain(result.stderr);
  }, 60_000);
});

describe("a chart link Vega refuses", () => {
  it("is a problem naming the chart file, not an uncaught TypeError", async () => {
    const project = join(work, "project");
    await cp(fixture, project, { recursive: true });
    const chart = join(project, "report", "charts", "tilfredshet.vl.json");
    const spec = JSON.parse(await readFile(chart, "utf8")) as { encoding: Record<string, unknown> };
    spec.encoding.href = { value: "javascript:alert(1)" };
    await writeFile(chart, JSON.stringify(spec));
    await mkdir(join(project, "out-refused"), { recursive: true });
    const failure = await build({ root: project, outDir: join(project, "out-refused"), pdf: false }).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(ReportError);
    expect((failure as ReportError).exitCode).toBe(ExitCode.invalidInput);
    expect((failure as ReportError).message).toBe(
      message.chartNotRendered("report/charts/tilfredshet.vl.json", message.chartLinksRefused(["javascript:alert(1)"])),
    );
  });
});
