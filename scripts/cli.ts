/**
 * Command line: `npm run build`, `npm run check` and `npm run new` end up here.
 *
 *   build [--project DIR] [--edition NAME ... | --all-editions [--shard K/N]] [--out DIR] [--data DIR] [--compare-with FILE] [--svar] [--html-only] [--quiet] [--debug]
 *   check [--project DIR] [--data DIR] [--svar] [--quiet] [--debug]
 *   new DIR [--lang nb|en]
 *   codebook FILE.sav [--out FILE]
 *   accept TABLE|FILE [--project DIR] [--data DIR] [--reason TEXT]
 *
 * --project names the report's folder (its report/, data/ and optional
 * templates/); without it, the repository's own report is built.
 *
 * Exit codes: see ExitCode in errors.ts and the README.
 */
import { writeFile } from "node:fs/promises";
import { readCommandLine } from "./command-line.ts";
import { ExitCode, environmentError, ReportError } from "./errors.ts";
import { message } from "./messages/index.ts";
import { launchBrowser } from "./print/browser.ts";
import { outputDir, projectRoot } from "./project-root.ts";
import { parseShard } from "./shard.ts";

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = readCommandLine(message.usage, OPTIONS, argv);
  const [command, ...rest] = positionals;
  const log = values.quiet ? undefined : (line: string) => process.stderr.write(`${line}\n`);
  try {
    if (command === "build") {
      if (values.shard !== undefined && !values["all-editions"]) {
        throw new ReportError(message.shardNeedsAllEditions, ExitCode.usage);
      }
      const root = projectRoot(values.project);
      // Chromium starts before the engine is imported (a third of a second), since printing waits for it.
      const browser = values["html-only"] ? undefined : launchBrowser({ printTabAhead: true });
      browser?.catch(() => {}); // reported where the build awaits it
      const { build } = await import("./build.ts");
      const result = await build({
        root,
        browser,
        outDir: outputDir(root, values.out),
        dataDir: values.data,
        pdf: !values["html-only"],
        editions: values["all-editions"] ? "all" : values.edition,
        shard: values.shard === undefined ? undefined : parseShard(values.shard),
        tablesFrom: values.svar ? "respondents" : undefined,
        compareWith: values["compare-with"],
        log,
      });
      if (!values.quiet) process.stderr.write(`${message.built(result.files)}\n`);
      // For npm run bench: per-stage milliseconds of this build, and the document its print loaded.
      const benchFiles: [string | undefined, string][] = [
        [values["timings-json"], JSON.stringify(result.timings)],
        [values["print-document"], result.printed[0] ?? ""],
      ];
      for (const [file, text] of benchFiles) {
        if (!file) continue;
        // A failed write(2) names no path: name the file here, so a full disk reads as such (exit 5).
        // The build is written by now: report the failure without "nothing was written".
        const failed = await writeFile(file, text).then(
          () => undefined,
          (error: unknown) => {
            const environment = environmentError(error, file);
            if (!environment) throw error;
            return environment;
          },
        );
        if (failed) {
          process.stderr.write(`${failed.message}\n`);
          return failed.exitCode;
        }
      }
      return ExitCode.ok;
    }
    if (command === "check") {
      const root = projectRoot(values.project);
      const { check } = await import("./check.ts");
      await check({ root, dataDir: values.data, log, tablesFrom: values.svar ? "respondents" : undefined });
      if (!values.quiet) process.stderr.write(`${message.checkPassed}\n`);
      return ExitCode.ok;
    }
    if (command === "accept") {
      const { acceptCounts } = await import("./accept/index.ts");
      const [target] = rest;
      if (!target || rest.length > 1) {
        process.stderr.write(`${message.usage}\n`);
        return ExitCode.usage;
      }
      const root = projectRoot(values.project);
      const result = await acceptCounts({ root, dataDir: values.data, target, reason: values.reason });
      if (result.accepted.length === 0) process.stderr.write(`${message.acceptNothing(target)}\n`);
      for (const a of result.accepted) process.stderr.write(`${message.accepted(a)}\n`);
      return ExitCode.ok;
    }
    if (command === "new") {
      const { createProject } = await import("./new/create-project.ts");
      const [dir] = rest;
      if (!dir || rest.length > 1) {
        process.stderr.write(`${message.usage}\n`);
        return ExitCode.usage;
      }
      const created = createProject(dir, values.lang ?? "nb");
      process.stderr.write(`${message.newCreated(dir, created.length)}\n`);
      return ExitCode.ok;
    }
    if (command === "codebook") {
      const { runDraftCodebook } = await import("./respondents/codebook-command.ts");
      return runDraftCodebook(rest, values.out, {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
      });
    }
    process.stderr.write(`${message.unknownCommand(command)}\n${message.usage}\n`);
    return ExitCode.usage;
  } catch (error) {
    if (error instanceof ReportError) {
      process.stderr.write(`${error.message}\n`);
      if (values.debug && error.cause) process.stderr.write(`${(error.cause as Error).stack}\n`);
      if (command === "build" && error.exitCode !== ExitCode.usage) process.stderr.write(`${message.nothingWritten}\n`);
      return error.exitCode;
    }
    // A full or read-only disk met outside the output writer (caches, --timings-json, --print-document, accept): exit 5, not a bug.
    const environment = environmentError(error);
    if (environment) {
      process.stderr.write(`${environment.message}\n`);
      if (values.debug) process.stderr.write(`${(error as Error).stack}\n`);
      return environment.exitCode;
    }
    process.stderr.write(
      `${message.internalError(String((error as Error).stack ?? error))}\n${message.nothingWritten}\n`,
    );
    return ExitCode.internal;
  }
}

const OPTIONS = {
  project: { type: "string" },
  out: { type: "string" },
  data: { type: "string" },
  "html-only": { type: "boolean", default: false },
  quiet: { type: "boolean", default: false },
  debug: { type: "boolean", default: false },
  edition: { type: "string", multiple: true },
  "timings-json": { type: "string" },
  "print-document": { type: "string" },
  "all-editions": { type: "boolean", default: false },
  shard: { type: "string" },
  svar: { type: "boolean", default: false },
  lang: { type: "string" },
  reason: { type: "string" },
  "compare-with": { type: "string" },
} as const;

process.exitCode = await main(process.argv.slice(2));
