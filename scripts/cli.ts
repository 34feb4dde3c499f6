/**
 * Command line: `npm run build` and `npm run check` end up here.
 *
 *   build [--edition NAME ... | --all-editions] [--out DIR] [--data DIR] [--svar] [--html-only] [--quiet] [--debug]
 *   check [--data DIR] [--svar] [--quiet] [--debug]
 *
 * --svar counts the tables from respondent-level answers (data/svar/) instead
 * of reading the published tables.
 *
 * Exit codes: see ExitCode in errors.ts and the README.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build, check } from "./build.ts";
import { ExitCode, ReportError } from "./errors.ts";

const USAGE = `usage: npm run build -- [--edition NAME ... | --all-editions] [--out DIR] [--data DIR] [--svar] [--html-only] [--quiet] [--debug]
       npm run check -- [--data DIR] [--svar] [--quiet] [--debug]`;

const root = fileURLToPath(new URL("..", import.meta.url));

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return ExitCode.usage;
  }
  const { values, positionals } = parsed;
  const [command] = positionals;
  const log = values.quiet ? undefined : (line: string) => process.stderr.write(`${line}\n`);
  try {
    if (command === "build") {
      const result = await build({
        root,
        outDir: values.out,
        dataDir: values.data,
        pdf: !values["html-only"],
        editions: values["all-editions"] ? "all" : values.edition,
        tablesFrom: values.svar ? "respondents" : undefined,
        log,
      });
      if (!values.quiet) process.stderr.write(`built ${result.files.join(", ")}\n`);
      // For npm run bench: per-stage milliseconds of this build.
      if (values["timings-json"]) await writeFile(values["timings-json"], JSON.stringify(result.timings));
      return ExitCode.ok;
    }
    if (command === "check") {
      await check({ root, dataDir: values.data, log, tablesFrom: values.svar ? "respondents" : undefined });
      if (!values.quiet) process.stderr.write("check: no problems found\n");
      return ExitCode.ok;
    }
    process.stderr.write(`unknown command ${command ?? "(none)"}\n${USAGE}\n`);
    return ExitCode.usage;
  } catch (error) {
    if (error instanceof ReportError) {
      process.stderr.write(`${error.message}\n`);
      if (values.debug && error.cause) process.stderr.write(`${(error.cause as Error).stack}\n`);
      if (command === "build") process.stderr.write("Nothing was written: out/ is as it was.\n");
      return error.exitCode;
    }
    process.stderr.write(
      `internal error: ${(error as Error).stack ?? error}\nNothing was written: out/ is as it was.\n`,
    );
    return ExitCode.internal;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      data: { type: "string" },
      "html-only": { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
      debug: { type: "boolean", default: false },
      edition: { type: "string", multiple: true },
      "timings-json": { type: "string" },
      "all-editions": { type: "boolean", default: false },
      svar: { type: "boolean", default: false },
    },
  });
}

process.exitCode = await main(process.argv.slice(2));
