import { existsSync, lstatSync, readdirSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ExitCode, ReportError } from "./errors.ts";
import { message } from "./messages/index.ts";
import { SNAPSHOT_FILE } from "./write/names.ts";

/** The repository's own report: the project a command builds when `--project` names none. */
export const DEFAULT_PROJECT = fileURLToPath(new URL("..", import.meta.url));

/** The project folder a command works on: `--project DIR`, else the repository's own report. */
export function projectRoot(option: string | undefined): string {
  if (option === undefined) return DEFAULT_PROJECT;
  const root = resolve(option);
  if (!existsSync(resolve(root, "report", "report.json"))) {
    throw new ReportError(message.notAProject(option), ExitCode.usage);
  }
  return root;
}

/**
 * The output folder: `--out DIR`, else `<project>/out`. Refused when it would
 * replace something that is not a build's output: the file system's root,
 * the project itself or a folder above it, or an existing file.
 */
export function outputDir(root: string, option: string | undefined): string {
  const out = resolve(option ?? resolve(root, "out"));
  if (out === resolve("/") || root === out || root.startsWith(`${out}/`)) {
    throw new ReportError(message.outHoldsProject(option ?? out), ExitCode.usage);
  }
  if (existsSync(out) && !statSync(out).isDirectory()) {
    throw new ReportError(message.outIsAFile(option ?? out), ExitCode.usage);
  }
  // A build replaces its output folder whole: never one it did not make (one without its number record).
  if (
    existsSync(out) &&
    !lstatSync(out).isSymbolicLink() &&
    readdirSync(out).length > 0 &&
    !existsSync(resolve(out, SNAPSHOT_FILE))
  ) {
    throw new ReportError(message.outNotOurs(option ?? out), ExitCode.usage);
  }
  return out;
}
