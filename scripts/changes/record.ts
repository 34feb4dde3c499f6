/**
 * `--compare-with FILE`: the number record (`.tall-forrige-bygg.json`) of a
 * published build, kept by the institute under version control, so that a
 * fresh clone or a trial folder reports its changes against the publication
 * instead of against whatever was last built into its output folder.
 */
import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { ExitCode, InputProblems, ReportError } from "../errors.ts";
import { parseJson } from "../load/json.ts";
import { message, problem } from "../messages/index.ts";
import type { BuildSnapshot } from "./snapshot.ts";

export async function readComparedRecord(path: string, root: string): Promise<BuildSnapshot> {
  let text: string;
  try {
    text = await readFile(resolve(path), "utf8");
  } catch (error) {
    throw new ReportError(message.compareWithUnreadable(path, (error as NodeJS.ErrnoException).code), ExitCode.usage, {
      cause: error,
    });
  }
  const shown = relative(root, resolve(path)) || path;
  const json = parseJson(shown, text);
  if (json.problem) throw new InputProblems([json.problem]);
  const value = json.value as Partial<BuildSnapshot> | null;
  // The shape a build writes (changes/snapshot.ts); anything else is some other file.
  if (typeof value !== "object" || value === null || !Array.isArray(value.cells) || !Array.isArray(value.sentences)) {
    throw new InputProblems([
      {
        file: shown,
        ...problem.notANumberRecord(),
      },
    ]);
  }
  return value as BuildSnapshot;
}
