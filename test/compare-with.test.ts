/**
 * What the change summary compares with (issue 14): by default the previous
 * build into the same folder, so a fresh clone or a trial folder had nothing
 * to compare with and reported no change at all. `--compare-with FILE` names
 * the number record of a published build, kept under version control.
 */

import { existsSync } from "node:fs";
import { copyFile, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../scripts/build.ts";
import { ExitCode, InputProblems, ReportError } from "../scripts/errors.ts";
import { message } from "../scripts/messages/index.ts";
import { SNAPSHOT_FILE } from "../scripts/write/names.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
let work: string;
let published: string;
let dataDir: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rapport-compare-"));
  // The publication: built once, its number record kept aside (as under version control).
  await build({ root, outDir: join(work, "published-out"), pdf: false, pageCache: false });
  published = join(work, "publisert.tall.json");
  await copyFile(join(work, "published-out", SNAPSHOT_FILE), published);
  // New numbers to try: one more doctor in the list the sample was drawn from.
  dataDir = join(work, "data");
  await cp(join(root, "data"), dataDir, { recursive: true });
  const facts = await readFile(join(dataDir, "fakta.csv"), "utf8");
  await writeFile(join(dataDir, "fakta.csv"), facts.replace("fastleger_i_listen,4151,", "fastleger_i_listen,4152,"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("--compare-with FILE", () => {
  it("a fresh output folder reports nothing to compare with by default", async () => {
    await build({ root, dataDir, outDir: join(work, "trial-plain"), pdf: false, pageCache: false });
    expect(existsSync(join(work, "trial-plain", "endringer.md"))).toBe(false);
  });

  it("a fresh output folder reports every change against the published record", async () => {
    const outDir = join(work, "trial");
    await build({ root, dataDir, outDir, pdf: false, pageCache: false, compareWith: published });
    const summary = await readFile(join(outDir, "endringer.md"), "utf8");
    expect(summary.split("\n")[0]).toBe(`# Endringer siden bygget i ${published}`);
    expect(summary).toMatch(/før: .*4\u00a0151.*\n\s+nå: .*4\u00a0152/);
    // The folder's own record is this build's, for a later build without --compare-with.
    const own = JSON.parse(await readFile(join(outDir, SNAPSHOT_FILE), "utf8")) as { sentences: { text: string }[] };
    expect(own.sentences.some((s) => s.text.includes("4\u00a0152"))).toBe(true);
  });

  it("refuses a missing file (exit 2) and a file that is no number record (exit 1), writing nothing", async () => {
    const missing = join(work, "nosuch.json");
    const outDir = join(work, "refused");
    const gone = await build({ root, outDir, pdf: false, compareWith: missing }).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(ReportError);
    expect((gone as ReportError).exitCode).toBe(ExitCode.usage);
    expect((gone as ReportError).message).toBe(message.compareWithUnreadable(missing, "ENOENT"));
    const other = join(work, "other.json");
    await writeFile(other, '{ "title": "not a record" }');
    const wrong = await build({ root, outDir, pdf: false, compareWith: other }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(InputProblems);
    expect(existsSync(outDir)).toBe(false);
  });
});
