/**
 * Accepting new counts (issue 14): after a count is changed on purpose, every
 * published percentage of the table that no longer follows from the counts
 * fails the build, rows nobody touched included. The hint names one command,
 * `npm run accept -- TABLE|FILE`, which empties exactly those cells in the
 * file's own encoding, separator and line ends, and the next build's change
 * summary says which table's published percentages went and why.
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearCells, fieldSpans } from "../scripts/accept/clear-cells.ts";
import { ACCEPTED_FILE } from "../scripts/accept/record.ts";
import { build } from "../scripts/build.ts";
import { InputProblems } from "../scripts/errors.ts";
import { message, messagesFor } from "../scripts/messages/index.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rapport-accept-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Lines of CSV text as Excel's «CSV (semikolondelt)» writes them: Windows-1252, semicolons, decimal commas, CRLF. */
const excel = (csv: string) =>
  iconv.encode(
    csv
      .trimEnd()
      .split("\n")
      .map((line) => `${line.replaceAll(",", ";").replace(/(\d)\.(\d)/g, "$1,$2")}\r\n`)
      .join(""),
    "windows-1252",
  );

describe("npm run accept", () => {
  it("clears the published percentages new counts no longer give, byte for byte otherwise, and the change summary says so", async () => {
    const dataDir = join(work, "data");
    const outDir = join(work, "out");
    await cp(join(root, "data"), dataDir, { recursive: true });
    const original = await readFile(join(root, "data", "utdanning.csv"), "utf8");
    const file = join(dataDir, "utdanning.csv");
    await writeFile(file, excel(original));
    await build({ root, dataDir, outDir, pdf: false, pageCache: false });

    // 22 more did not answer, out of the biggest group: the base shrinks to 186 and the total stays 210.
    const changed = original
      .replace("Helsesekretær/legesekretær,172,", "Helsesekretær/legesekretær,150,")
      .replace("Ikke besvart,2,", "Ikke besvart,24,");
    const before = excel(changed);
    await writeFile(file, before);
    const failure = await build({ root, dataDir, outDir, pdf: false, pageCache: false }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(InputProblems);
    const problems = (failure as InputProblems).problems;
    // Row 3 (19 with another upper-secondary education) was not touched, yet its percentage moved with the base.
    expect(problems.map((p) => [p.file, p.row, p.column])).toEqual([
      [expect.stringMatching(/utdanning\.csv$/), 2, "prosent_publisert"],
      [expect.stringMatching(/utdanning\.csv$/), 3, "prosent_publisert"],
    ]);
    expect(problems[0].hint).toBe(message.acceptHint("utdanning"));
    expect(problems[0].hint).toContain("npm run accept -- utdanning");

    const cli = await run(
      process.execPath,
      ["--import", "tsx", "scripts/cli.ts", "accept", "utdanning.csv", "--data", dataDir, "--reason", "a recount"],
      { cwd: root },
    );
    // The shipped report is in bokmål, and so is what accept says once it has read it.
    expect(cli.stderr).toContain(
      messagesFor("nb").message.accepted({ table: "utdanning", file: "", column: "", rows: [] }).split(":")[0],
    );

    // The file differs from what the user saved only in the two cleared cells.
    const after = await readFile(file);
    const expected = Buffer.from(
      before
        .toString("latin1")
        .replace("legesekretær;150;83\r\n", "legesekretær;150;\r\n")
        .replace("nivå;19;9\r\n", "nivå;19;\r\n"),
      "latin1",
    );
    expect(after.equals(expected)).toBe(true);
    expect(after.length).toBe(before.length - 3);

    await build({ root, dataDir, outDir, pdf: false, pageCache: false });
    const summary = await readFile(join(outDir, "endringer.md"), "utf8");
    expect(summary).toContain("## Nye antall godkjent (npm run accept) (1)");
    expect(summary).toMatch(
      /- utdanning: publiserte prosenter tømt i \S*utdanning\.csv, kolonne prosent_publisert, rader 2, 3, fordi a recount/,
    );
    expect(summary).toContain("utdanning · Helsesekretær/legesekretær · Antall: 172 → 150");
    const record = JSON.parse(await readFile(join(dataDir, ACCEPTED_FILE), "utf8")) as { accepted: unknown[] };
    expect(record.accepted).toHaveLength(1);

    // The next build has seen it: the acceptance is not reported twice.
    await build({ root, dataDir, outDir, pdf: false, pageCache: false });
    expect(await readFile(join(outDir, "endringer.md"), "utf8")).not.toContain("npm run accept");
  });

  it("names what it can accept when the name is neither a table nor a data file", async () => {
    const failure = await run(process.execPath, ["--import", "tsx", "scripts/cli.ts", "accept", "nosuch"], {
      cwd: root,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain(
      messagesFor("nb").message.acceptUnknownTarget("nosuch", false, []).split(" (")[0],
    );
  });
});

describe("clearing cells", () => {
  const csv = 'a,b,c\n"x, ""y""",1,2\n\nz,3,4\n';
  it("finds fields past quotes and empty lines, as the loader numbers its records", () => {
    const spans = fieldSpans(csv, ",");
    expect(spans.map((r) => r.map((s) => csv.slice(s.start, s.end)))).toEqual([
      ["a", "b", "c"],
      ['"x, ""y"""', "1", "2"],
      ["z", "3", "4"],
    ]);
  });

  it("keeps a UTF-8 byte-order mark and UTF-16 as they were", () => {
    const bom = Buffer.from(`\ufeffå,b\r\nø,1\r\n`);
    expect(clearCells(bom, ",", [[1, 1]]).equals(Buffer.from(`\ufeffå,b\r\nø,\r\n`))).toBe(true);
    for (const encoding of ["utf-16le", "utf-16be"]) {
      const text = iconv.encode("å\tb\r\nø\t1\r\n", encoding, { addBOM: true });
      const cleared = clearCells(text, "\t", [[1, 1]]);
      expect(cleared.equals(iconv.encode("å\tb\r\nø\t\r\n", encoding, { addBOM: true }))).toBe(true);
    }
  });
});
