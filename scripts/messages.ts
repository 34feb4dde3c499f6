/**
 * User-facing messages of the command line, one small function each, so that
 * tests build their expected text from here (Vega-Lite's log/message.ts is
 * the model). Messages are English until a report's language is known.
 */
export const message = {
  notAProject: (dir: string) =>
    `${dir} is not a report project: it has no report/report.json. Start one with: npm run new -- ${dir}`,
  outHoldsProject: (dir: string) =>
    `--out ${dir} would replace the project or a folder holding it; name an output folder of its own`,
  outIsAFile: (dir: string) => `--out ${dir} is a file; name a folder`,
  outNotOurs: (dir: string) =>
    `--out ${dir} is a folder with files no build of this tool wrote; a build replaces its output folder whole, so name a new or empty folder`,
  unknownCommand: (command: string | undefined) => `unknown command ${command ?? "(none)"}`,
  nothingWritten: "Nothing was written: the output folder is as it was.",
  internalError: (stack: string) => `internal error (a bug in the generator): ${stack}`,
  checkPassed: "check: no problems found",
  built: (files: string[]) => `built ${files.join(", ")}`,
  newFolderNotEmpty: (dir: string) => `${dir} is not empty; name a new or empty folder for the new report`,
  newUnknownLanguage: (language: string, known: string[]) =>
    `no starter report in language "${language}" (known: ${known.join(", ")})`,
  newCreated: (dir: string, files: number) =>
    `created a new report in ${dir} (${files} files). Next:\n  npm run build -- --project ${dir}\n  npm run check -- --project ${dir}\nand read ${dir}/README.md.`,
} as const;
