/**
 * SOURCE_DATE_EPOCH, the fixed date of a reproducible PDF: whole seconds
 * since 1970, or the build stops with exit code 2 (the environment was not
 * understood) instead of writing the PDF date `D:0NaNNaN…`.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { build } from "../scripts/build.ts";
import { ExitCode, ReportError } from "../scripts/errors.ts";
import { messagesFor } from "../scripts/messages/index.ts";
import { sourceDateEpoch } from "../scripts/print/source-date.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

describe("sourceDateEpoch", () => {
  it.each([
    ["0", "1970-01-01T00:00:00.000Z"],
    ["1700000000", "2023-11-14T22:13:20.000Z"],
    ["253402300799", "9999-12-31T23:59:59.000Z"],
  ])("reads %s as %s", (value, date) => {
    expect(sourceDateEpoch(value)?.toISOString()).toBe(date);
  });

  it("is no date when unset or empty", () => {
    expect(sourceDateEpoch(undefined)).toBeUndefined();
    expect(sourceDateEpoch("")).toBeUndefined();
  });

  it.each(["abc", "-1", "1.5", "1e9", " 1700000000", "0x10", "253402300800"])(
    "refuses %j with exit code 2",
    (value) => {
      const error = (() => {
        try {
          sourceDateEpoch(value);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ReportError);
      expect((error as ReportError).exitCode).toBe(ExitCode.usage);
      expect((error as ReportError).message).toBe(
        messagesFor("en").message.sourceDateEpoch(253402300799, value.length > 30 ? `${value.slice(0, 27)}...` : value),
      );
    },
  );
});

describe("a build with SOURCE_DATE_EPOCH=abc", () => {
  const saved = process.env.SOURCE_DATE_EPOCH;
  afterEach(() => {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  });

  it("stops with exit code 2 and writes no PDF", async () => {
    const work = await mkdtemp(join(tmpdir(), "rapport-epoch-"));
    process.env.SOURCE_DATE_EPOCH = "abc";
    try {
      const error = await build({ root, outDir: join(work, "out"), pageCache: false }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ReportError);
      expect((error as ReportError).exitCode).toBe(ExitCode.usage);
      // Read once the shipped (bokmål) report is loaded: said in bokmål.
      expect((error as ReportError).message).toBe(messagesFor("nb").message.sourceDateEpoch(253402300799, "abc"));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
