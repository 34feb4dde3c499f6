/**
 * `npm run new -- DIR [--lang nb|en]`: a small, complete report to start
 * from — two chapters, a frequency table, a crosstab, a chart, facts cited in
 * the prose, one edition — copied from the starter of that language.
 */
import { cpSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { ENGINE_ROOT } from "../engine-root.ts";
import { ExitCode, ReportError } from "../errors.ts";
import { message } from "../messages/index.ts";

// Under scripts/ even when the compiled copy of this file runs (.scripts-js/ holds code only).
const STARTERS = join(ENGINE_ROOT, "scripts", "new", "starter");

export function starterLanguages(): string[] {
  return readdirSync(STARTERS).sort();
}

/** Copy the starter into `dir` (new or empty); returns the files written, relative to it. */
export function createProject(dir: string, language: string): string[] {
  const languages = starterLanguages();
  if (!languages.includes(language)) {
    throw new ReportError(message.newUnknownLanguage(language, languages), ExitCode.usage);
  }
  const target = resolve(dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new ReportError(message.newFolderNotEmpty(dir), ExitCode.usage);
  }
  mkdirSync(target, { recursive: true });
  cpSync(join(STARTERS, language), target, { recursive: true });
  return listFiles(target);
}

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}
